package store

import (
	"net"
	"testing"

	"golang.org/x/sys/unix"
)

// Connections to the server notice a dead network in seconds: keepalives
// when nothing is on its way, the send timeout when something is.
func TestConnectionsNoticeADeadNetwork(t *testing.T) {
	cfg, err := serverConfig("postgres://jane@localhost/cases")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	conn, err := cfg.DialFunc(ctx, "tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	raw, err := conn.(*net.TCPConn).SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	raw.Control(func(fd uintptr) {
		for name, opt := range map[string][2]int{
			"keepalive":      {unix.SOL_SOCKET, unix.SO_KEEPALIVE},
			"keepalive idle": {unix.IPPROTO_TCP, unix.TCP_KEEPIDLE},
			"probes":         {unix.IPPROTO_TCP, unix.TCP_KEEPCNT},
			"probe interval": {unix.IPPROTO_TCP, unix.TCP_KEEPINTVL},
			"send timeout":   {unix.IPPROTO_TCP, unix.TCP_USER_TIMEOUT},
		} {
			got[name], _ = unix.GetsockoptInt(int(fd), opt[0], opt[1])
		}
	})
	want := map[string]int{"keepalive": 1, "keepalive idle": 5, "probes": 3, "probe interval": 5, "send timeout": 20000}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s is %d, want %d", name, got[name], w)
		}
	}
}
