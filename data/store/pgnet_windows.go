package store

import (
	"syscall"
	"time"

	"golang.org/x/sys/windows"
)

// sendTimeout has Windows drop a connection whose sent data has gone
// unacknowledged for d: TCP_MAXRT, in whole seconds, is how long it goes
// on sending again before it drops the connection (the WinSock IPPROTO_TCP
// socket options, Windows Vista and later; checked 2026-12-03). Without it
// a save sent into a network that has gone waits for the system's own
// retries.
func sendTimeout(d time.Duration) func(network, address string, c syscall.RawConn) error {
	return onTCP(func(fd uintptr) error {
		return windows.SetsockoptInt(windows.Handle(fd), windows.IPPROTO_TCP, windows.TCP_MAXRT, int(d.Seconds()))
	})
}
