package pgtest

import (
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Link is a network between a desk and the test server that a test can
// break: Cut pulls the cable out (every connection drops, new ones are
// refused) until Restore; Abandon drops only the desk's side of each
// connection, leaving the server waiting on its side, as it does when a
// network goes away without a word.
type Link struct {
	ln      net.Listener
	target  string
	mu      sync.Mutex
	down    bool
	desks   []net.Conn
	servers []net.Conn
}

// NewLink starts a link to the server, closed when the test ends.
func (s *Server) NewLink(t testing.TB) *Link {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := &Link{ln: ln, target: "127.0.0.1:" + strconv.Itoa(s.Port)}
	t.Cleanup(func() {
		ln.Close()
		l.Cut()
	})
	go l.serve()
	return l
}

// Through is address (a postgres:// URL of the server) with the link's
// port in place of the server's.
func (l *Link) Through(s *Server, address string) string {
	port := strconv.Itoa(l.ln.Addr().(*net.TCPAddr).Port)
	return strings.Replace(address, ":"+strconv.Itoa(s.Port)+"/", ":"+port+"/", 1)
}

func (l *Link) serve() {
	for {
		desk, err := l.ln.Accept()
		if err != nil {
			return
		}
		l.mu.Lock()
		down := l.down
		l.mu.Unlock()
		if down {
			desk.Close()
			continue
		}
		server, err := net.Dial("tcp", l.target)
		if err != nil {
			desk.Close()
			continue
		}
		l.mu.Lock()
		if l.down { // cut while this one was being made
			l.mu.Unlock()
			desk.Close()
			server.Close()
			continue
		}
		l.desks, l.servers = append(l.desks, desk), append(l.servers, server)
		l.mu.Unlock()
		// Neither copy closes the server's side when the desk's goes:
		// Cut closes both, Abandon only the desk's.
		go io.Copy(server, desk)
		go func() { io.Copy(desk, server); desk.Close() }()
	}
}

// Cut drops every connection and refuses new ones until Restore.
func (l *Link) Cut() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.down = true
	for _, c := range append(l.desks, l.servers...) {
		c.Close()
	}
	l.desks, l.servers = nil, nil
}

// Restore lets connections through again.
func (l *Link) Restore() {
	l.mu.Lock()
	l.down = false
	l.mu.Unlock()
}

// Abandon drops the desk's side of every connection made so far.
func (l *Link) Abandon() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.desks {
		c.Close()
	}
	l.desks = nil
}
