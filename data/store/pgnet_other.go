//go:build !linux

package store

import (
	"syscall"
	"time"
)

// sendTimeout is nothing here: only Linux's send timeout is set, and
// elsewhere the keepalives and the save's own retries do what they can.
func sendTimeout(time.Duration) func(network, address string, c syscall.RawConn) error {
	return nil
}
