package app

import (
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

// A save made while the link to the team's server is cut is explained in
// plain words (not as a fault inside the program), keeps what was typed,
// and goes through when saved again once the link is back.
func TestASaveWithTheServerOutOfReachIsExplainedAndKept(t *testing.T) {
	srv := pgtest.Start(t)
	db := srv.NewDatabaseName(t)
	link := startLink(t, "127.0.0.1:"+strconv.Itoa(srv.Port))
	address := strings.Replace(srv.Address(pgtest.Admin, db), ":"+strconv.Itoa(srv.Port)+"/", ":"+link.port()+"/", 1)
	dir := t.TempDir()
	if err := store.RememberServer(dir, address); err != nil {
		t.Fatal(err)
	}
	s := openOn(t, dir)
	signIn(t, s, pgtest.Password)
	chooseMode(t, s, modeAdvocate)

	link.cut()
	s.editPerson(data.Person{}, func(data.Person) {})
	var name *entry
	for _, o := range objects(s.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*entry); ok {
			name = e
			break
		}
	}
	test.Type(name, "Rhiannon Pugh")
	tapInDialog(t, s, "Save")
	s.jobs.wait()
	if msg := topDialogText(s); !strings.Contains(msg, "cannot be reached") || !strings.Contains(msg, "may not have been saved") {
		t.Fatalf("saving with the server out of reach says:\n%s", msg)
	}
	if name.Text != "Rhiannon Pugh" {
		t.Errorf("the form holds %q", name.Text)
	}
	s.dialogs[len(s.dialogs)-1].Hide() // the message; the form stays

	link.restore()
	waitUntil(t, s, 10*time.Second, "the person saved once the link is back", func() bool {
		if len(s.dialogs) > 0 && strings.Contains(topDialogText(s), "cannot be reached") {
			s.dialogs[len(s.dialogs)-1].Hide()
		}
		if len(s.cl.people) == 0 {
			tapInDialog(t, s, "Save")
		}
		return len(s.cl.people) == 1
	})
	people, err := s.st.People(ctx)
	if err != nil || len(people) != 1 || people[0].Name != "Rhiannon Pugh" {
		t.Fatalf("the server holds %+v, %v", people, err)
	}
}

// link is a connection to the server that a test can cut and restore, as a
// network cable pulled out and put back.
type link struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	down   bool
	open   []net.Conn
}

func startLink(t *testing.T, target string) *link {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := &link{ln: ln, target: target}
	t.Cleanup(func() { ln.Close(); l.cut() })
	go l.serve()
	return l
}

func (l *link) port() string { return strconv.Itoa(l.ln.Addr().(*net.TCPAddr).Port) }

func (l *link) serve() {
	for {
		c, err := l.ln.Accept()
		if err != nil {
			return
		}
		l.mu.Lock()
		down := l.down
		l.mu.Unlock()
		if down {
			c.Close()
			continue
		}
		s, err := net.Dial("tcp", l.target)
		if err != nil {
			c.Close()
			continue
		}
		l.mu.Lock()
		l.open = append(l.open, c, s)
		l.mu.Unlock()
		go func() { io.Copy(s, c); s.Close() }()
		go func() { io.Copy(c, s); c.Close() }()
	}
}

// cut drops every connection and refuses new ones until restore.
func (l *link) cut() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.down = true
	for _, c := range l.open {
		c.Close()
	}
	l.open = nil
}

func (l *link) restore() {
	l.mu.Lock()
	l.down = false
	l.mu.Unlock()
}
