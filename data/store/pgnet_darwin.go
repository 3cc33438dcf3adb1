package store

import (
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// sendTimeout has macOS drop a connection whose sent data has gone
// unacknowledged for d: TCP_RXT_CONNDROPTIME, in whole seconds, is the
// time after which it stops sending again and drops the connection
// (xnu's bsd/netinet/tcp.h; checked 2026-12-03). Without it a save sent
// into a network that has gone waits for the system's own retries,
// minutes long.
func sendTimeout(d time.Duration) func(network, address string, c syscall.RawConn) error {
	return onTCP(func(fd uintptr) error {
		return unix.SetsockoptInt(int(fd), unix.IPPROTO_TCP, unix.TCP_RXT_CONNDROPTIME, int(d.Seconds()))
	})
}
