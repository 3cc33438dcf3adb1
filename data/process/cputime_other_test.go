//go:build !unix

package process

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
