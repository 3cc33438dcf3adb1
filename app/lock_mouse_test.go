package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Moving the mouse over the window counts as use: someone reading moves
// it without typing. Widgets keep their own hover (a button still lights
// up under the pointer).
func TestMouseMovementKeepsTheWindowUnlocked(t *testing.T) {
	s := openProtectedUnlocked(t)
	s.showPeople()
	s.stopIdle() // the test drives the clock itself
	l := s.locker()
	now := time.Now()
	l.now = func() time.Time { return now }
	l.stopped = false
	l.used()
	s.checkIdle()

	c := s.win.Canvas()
	// Minutes of reading, the mouse moved now and then, over the screen's
	// empty space (the bottom right corner, below the detail pane).
	at := fyne.NewPos(c.Size().Width-20, c.Size().Height-20)
	for i := 0; i < 4; i++ {
		now = now.Add(4 * time.Minute)
		at = at.Add(fyne.NewPos(-3, -2))
		test.MoveMouse(c, at)
		s.checkIdle()
		if s.isLocked() {
			t.Fatalf("locked after %d minutes of moving the mouse", (i+1)*4)
		}
	}
	// A button under the pointer still takes its hover from the layer.
	tapAt := buttonCentre(t, s, "Add someone")
	test.MoveMouse(c, tapAt)
	if top, _ := hoveredAt(c, tapAt); top == nil {
		t.Error("nothing takes hover over the button")
	} else if _, ours := top.(*useWatcher); ours {
		t.Error("the layer takes the button's hover")
	}
	// Then nothing moves: it locks.
	now = now.Add(6 * time.Minute)
	s.checkIdle()
	if !s.isLocked() {
		t.Fatal("not locked after six minutes without the mouse moving")
	}
}

// buttonCentre is where the button with this text is, in the window.
func buttonCentre(t *testing.T, s *shell, text string) fyne.Position {
	t.Helper()
	for _, o := range objects(s.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			p := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			return p.Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2))
		}
	}
	t.Fatalf("no %q button", text)
	return fyne.Position{}
}

// hoveredAt is what takes hover at pos, as the driver finds it: the last
// object under pos, in drawing order, that takes hover.
func hoveredAt(c fyne.Canvas, pos fyne.Position) (desktop.Hoverable, bool) {
	var found desktop.Hoverable
	d := fyne.CurrentApp().Driver()
	for _, o := range objects(c.Content()) {
		h, ok := o.(desktop.Hoverable)
		if !ok || !o.Visible() {
			continue
		}
		p, sz := d.AbsolutePositionForObject(o), o.Size()
		if pos.X >= p.X && pos.Y >= p.Y && pos.X < p.X+sz.Width && pos.Y < p.Y+sz.Height {
			found = h
		}
	}
	return found, found != nil
}
