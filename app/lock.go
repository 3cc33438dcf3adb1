package app

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// settingLockMinutes is how long the window may sit unused before it
// locks itself, when the records are protected; "0" never.
const settingLockMinutes = "ui.lock-minutes"

const defaultLockMinutes = 5

// lockMinutes is the idle time before the window locks.
func (cl *caseload) lockMinutes() int {
	n, err := strconv.Atoi(cl.settings[settingLockMinutes])
	if err != nil || n < 0 {
		return defaultLockMinutes
	}
	return n
}

func checkLockMinutes(s string) string {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 240 {
		return "Please give a number of minutes from 0 (never) to 240."
	}
	return ""
}

// screenLock is the window's lock. Locking takes every screen out of the
// window (the content and any open dialogs) and shows only the unlock
// screen; the screens stay in memory, with whatever was being typed, and
// come back as they were once the passphrase is given again.
type screenLock struct {
	content  fyne.CanvasObject   // the window's content when it locked
	overlays []fyne.CanvasObject // the dialogs open then, bottom first
	held     []func()            // dialogs asked for while locked
	screen   *unlockScreen

	// Idle time: the window counts as used while what has focus, what is
	// typed in it, the screen or the dialogs change, a key reaches the
	// window itself, or the pointer moves over it (lock_mouse.go).
	lastUsed time.Time
	seen     string
	timer    *time.Timer
	stopped  bool
	now      func() time.Time // tests replace it
}

func (s *shell) isLocked() bool { return s.lock != nil && s.lock.screen != nil }

// lockNow locks the window now (Ctrl+L). Records without a passphrase
// cannot be unlocked again, so they are not locked.
func (s *shell) lockNow() {
	if s.st == nil || !s.st.Protected() || s.isLocked() || s.body == nil {
		return
	}
	l := s.locker()
	c := s.win.Canvas()
	l.content = s.win.Content()
	l.overlays = append([]fyne.CanvasObject(nil), c.Overlays().List()...)
	for _, o := range l.overlays {
		c.Overlays().Remove(o)
	}
	c.Unfocus()
	l.screen = newUnlockScreen(s, s.st, "Second Opinion is locked", func(bool) { s.unlockScreens() })
	s.win.SetContent(l.screen.content())
	l.screen.focus()
}

// unlockScreens puts back what the lock took away.
func (s *shell) unlockScreens() {
	l := s.lock
	if l == nil || l.screen == nil {
		return
	}
	l.screen = nil
	s.win.SetContent(l.content)
	for _, o := range l.overlays {
		// A dialog closed while locked (its save ended) stays closed: put
		// back hidden, it would sit on top and take every click.
		if o.Visible() {
			s.win.Canvas().Overlays().Add(o)
		}
	}
	l.content, l.overlays = nil, nil
	held := l.held
	l.held = nil
	for _, show := range held {
		show()
	}
	l.used()
}

func (s *shell) locker() *screenLock {
	if s.lock == nil {
		s.lock = &screenLock{now: time.Now}
		s.lock.lastUsed = s.lock.now()
	}
	return s.lock
}

// holdWhileLocked keeps a dialog asked for while the window is locked (an
// error from a save that was under way) until it is unlocked, so nothing
// shows over the lock screen. It reports whether it held it.
func (s *shell) holdWhileLocked(show func()) bool {
	if !s.isLocked() {
		return false
	}
	s.lock.held = append(s.lock.held, show)
	return true
}

func (l *screenLock) used() { l.lastUsed = l.now() }

// watchIdle starts the idle check for protected records; it checks every
// few seconds until the store is closed.
func (s *shell) watchIdle() {
	if s.st == nil || !s.st.Protected() {
		return
	}
	l := s.locker()
	l.stopped = false
	l.used()
	if l.timer == nil {
		// Through the jobs' delivery, so that tests run it on their own
		// goroutine, as the driver runs it on its one.
		l.timer = time.AfterFunc(idleTick, func() { s.jobs.deliver(s.checkIdle) })
	}
}

const idleTick = 5 * time.Second

func (s *shell) stopIdle() {
	if s.lock != nil {
		s.lock.stopped = true
		if s.lock.timer != nil {
			s.lock.timer.Stop()
			s.lock.timer = nil
		}
	}
}

// checkIdle locks the window once it has not been used for the chosen time.
func (s *shell) checkIdle() {
	l := s.lock
	if l == nil || l.stopped || s.st == nil || s.cl == nil {
		return
	}
	defer func() {
		if l.timer != nil && !l.stopped {
			l.timer.Reset(idleTick)
		}
	}()
	if s.isLocked() {
		return
	}
	if seen := s.activity(); seen != l.seen {
		l.seen = seen
		l.used()
		return
	}
	minutes := s.cl.lockMinutes()
	if minutes > 0 && l.now().Sub(l.lastUsed) >= time.Duration(minutes)*time.Minute {
		s.lockNow()
	}
}

// activity is a summary of what the person is doing: it changes when they
// move between fields, type, change screens or open a dialog.
func (s *shell) activity() string {
	c := s.win.Canvas()
	f := c.Focused()
	text, row, col := 0, 0, 0
	if e, ok := f.(*widget.Entry); ok {
		text, row, col = len(e.Text), e.CursorRow, e.CursorColumn
	} else if e, ok := f.(*entry); ok {
		text, row, col = len(e.Text), e.CursorRow, e.CursorColumn
	}
	return fmt.Sprintf("%p|%d|%d|%d|%p|%d|%p", f, text, row, col, s.current, len(s.dialogs), c.Overlays().Top())
}

// noteUse counts a key that reached the window as use.
func (s *shell) noteUse() {
	if s.lock != nil {
		s.lock.used()
	}
}
func init() { settingKeys = append(settingKeys, settingLockMinutes) }
