//go:build unix

package process

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the test process has used, garbage collection
// included.
func cpuTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
