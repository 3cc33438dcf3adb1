//go:build !linux && !darwin && !windows

package store

import (
	"syscall"
	"time"
)

// sendTimeout is nothing here: only Linux, macOS and Windows have a send
// timeout set, and elsewhere the keepalives and the save's own retries do
// what they can.
func sendTimeout(time.Duration) func(network, address string, c syscall.RawConn) error {
	return nil
}
