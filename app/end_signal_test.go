package app

import (
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// A real SIGTERM, as logging out sends, with a letter's edits unsaved:
// they are saved, the automatic backup is made and the records closed,
// as when the person closes the window. Fyne's own answer to the signal
// closed the window past all of that.
func TestASignalToEndSavesTheLetterAndBacksUp(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a program is not sent SIGTERM on Windows")
	}
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOnWindow(t, dir, closesOnce)
	s.showNewLetter(r.ID, data.KindAskAgain)
	settle(t, s)
	ls := s.current.(*letterScreen)
	before, _ := store.Backups(s.dir)
	test.Type(ls.editor, "Words typed just before logging out. ")
	if !ls.dirty {
		t.Fatal("the letter should have unsaved edits")
	}

	defer func(r []time.Duration) { retakeEndSignals = r }(retakeEndSignals)
	retakeEndSignals = nil // no Fyne here to take them from, and no taking them after the test
	s.takeEndSignals()
	t.Cleanup(func() { signal.Reset(endSignals...) })
	me, _ := os.FindProcess(os.Getpid())
	if err := me.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitFor(t, s, "the window to end", func() bool { return s.ended })

	if s.st != nil {
		t.Error("the records are still open after the signal")
	}
	st, err := store.Open(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	l, err := st.Letter(ctx, ls.rec.ID)
	if err != nil || !strings.HasPrefix(l.Body, "Words typed just before logging out. ") {
		t.Errorf("the stored letter starts %q (%v), want the words typed", l.Body[:min(40, len(l.Body))], err)
	}
	after, _ := store.Backups(s.dir)
	if len(after) != len(before)+1 {
		t.Errorf("%d automatic backups after the signal, %d before: want one made on ending", len(after), len(before))
	}
}

// closesOnce lets the test's own clean-up close a window the program has
// closed already (Fyne's test window closes once only).
func closesOnce(w fyne.Window) fyne.Window { return &closedOnce{Window: w} }

type closedOnce struct {
	fyne.Window
	closed bool
}

func (w *closedOnce) Close() {
	if !w.closed {
		w.closed = true
		w.Window.Close()
	}
}

// stuckLeaving is a screen whose leaving never ends, as a save that fails
// and shows its error to no one.
type stuckLeaving struct{ asked int }

func (l *stuckLeaving) content() fyne.CanvasObject { return widget.NewLabel("stuck") }
func (l *stuckLeaving) leave(func())               { l.asked++ }

func TestASignalEndsTheProgramEvenIfLeavingNeverFinishes(t *testing.T) {
	for _, c := range []struct {
		name  string
		grace time.Duration
		again bool
	}{
		{"after the grace", 20 * time.Millisecond, false},
		{"at a second signal", time.Hour, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openOnWindow(t, t.TempDir(), closesOnce)
			defer func(g time.Duration) { endGrace = g }(endGrace)
			endGrace = c.grace
			stuck := &stuckLeaving{}
			s.current = stuck
			s.closeTried = true // the person tried to close once already

			s.endOnSignal()
			if stuck.asked != 1 {
				t.Fatalf("the screen was asked to leave %d times, want once: its edits are saved first", stuck.asked)
			}
			if s.ended {
				t.Fatal("ended before the screen had left or the grace had gone by")
			}
			if c.again {
				s.endOnSignal()
			}
			waitFor(t, s, "the window to end", func() bool { return s.ended })
			if s.st != nil {
				t.Error("the records are still open")
			}
		})
	}
}

// waitFor runs what reaches the window, as the window's goroutine would,
// until done or a few seconds have gone by.
func waitFor(t *testing.T, s *shell, what string, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if s.jobs.wait(); done() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}
