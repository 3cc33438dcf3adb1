package store

import (
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// sendTimeout has the system drop a connection whose sent data has gone
// unacknowledged for d (TCP_USER_TIMEOUT, in milliseconds): keepalives
// alone wait while anything is unacknowledged, up to a quarter of an hour.
func sendTimeout(d time.Duration) func(network, address string, c syscall.RawConn) error {
	return onTCP(func(fd uintptr) error {
		return unix.SetsockoptInt(int(fd), unix.IPPROTO_TCP, unix.TCP_USER_TIMEOUT, int(d.Milliseconds()))
	})
}
