package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/store"
)

// smallScreen is a laptop's screen less the task bar and title bar: no
// screen of the window may need more room than this, or the window opens
// taller than the screen (it once opened 2,321 pixels tall on an 850-pixel
// screen with 200 clients and the backup reminder showing).
var smallScreen = fyne.NewSize(1280, 680)

// desktopWindow is a test window that takes new content as the desktop
// driver does (fyne internal/driver/glfw/canvas.go, SetContent, v2.7.1):
// it lays the content out at its smallest size first, measures it again,
// and grows to fit; it never shrinks back by itself. Fyne's test window
// skips the first pass, so it missed a banner whose text, squeezed to
// nothing, wrapped a letter to a line and made the window 2,321 pixels
// tall.
type desktopWindow struct{ fyne.Window }

func (w desktopWindow) SetContent(c fyne.CanvasObject) {
	c.Resize(c.MinSize())
	grown := w.Canvas().Size().Max(c.MinSize())
	w.Window.SetContent(c)
	w.Window.Resize(grown)
}

func onDesktop(w fyne.Window) fyne.Window { return desktopWindow{w} }

// checkStillFits fails when the window has grown past its size, or its
// content needs more room than a small screen has.
func checkStillFits(t *testing.T, s *shell, where string, size fyne.Size) {
	t.Helper()
	if got := s.win.Canvas().Size(); got.Height > size.Height || got.Width > size.Width {
		t.Errorf("%s the window grew to %v", where, got)
	}
	if got := s.win.Content().MinSize(); got.Height > smallScreen.Height || got.Width > smallScreen.Width {
		t.Errorf("%s the window needs %v, more than a %v screen", where, got, smallScreen)
	}
}

// With 200 clients, the backup reminder and the largest text, every
// screen a surgery or an advocate can open fits a small screen: what is
// long scrolls inside the window.
func TestEveryScreenFitsASmallScreen(t *testing.T) {
	for _, m := range []mode{modeAdvocate, modeSurgery} {
		t.Run(string(m), func(t *testing.T) {
			dir := t.TempDir()
			st, err := store.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.SaveBatch(ctx, demo.Build(200, 3, data.Today())); err != nil {
				t.Fatal(err)
			}
			for k, v := range map[string]string{settingMode: string(m), settingTextSize: "larger"} {
				if err := st.SetSetting(ctx, k, v); err != nil {
					t.Fatal(err)
				}
			}
			st.Close()
			s := openOnWindow(t, dir, onDesktop)
			if len(s.banners.Objects) == 0 {
				t.Fatal("no banner shows (the backup reminder should): the test would not be the worst case")
			}
			checkStillFits(t, s, "on opening", openingSize)
			s.win.Resize(smallScreen)
			for _, id := range []string{navToday, navPeople, navDesk, navLog, navReports, navDirectory, navSettings} {
				b := s.nav.buttons[id]
				if b == nil {
					continue // not in this mode
				}
				test.Tap(b)
				s.jobs.wait()
				checkStillFits(t, s, "on "+id, smallScreen)
			}
		})
	}
}

// The screens that fill the whole window (the first run, the unlock
// screen, the lock) each keep the window at the size it opened at.
func TestScreensThatFillTheWindowKeepItsSize(t *testing.T) {
	s := openOnWindow(t, t.TempDir(), onDesktop)
	if _, ok := s.current.(*firstRunScreen); !ok {
		t.Fatalf("a fresh folder opened on %T, want the first run", s.current)
	}
	checkStillFits(t, s, "at the first run", openingSize)

	dir := t.TempDir()
	seedRequest(t, dir)
	protectFolder(t, dir)
	s = openOnWindow(t, dir, onDesktop)
	checkStillFits(t, s, "at the unlock screen", openingSize)
	unlockWith(t, s, s.current.(*unlockScreen), lockPass)
	settle(t, s)
	s.lastBackup = time.Now().AddDate(0, -1, 0) // protecting made a backup: make it old
	s.refreshBanners()
	if len(s.banners.Objects) == 0 {
		t.Fatal("no banner shows (the backup reminder should): the test would not be the worst case")
	}
	checkStillFits(t, s, "once unlocked", openingSize)
	s.lockNow()
	if !s.isLocked() {
		t.Fatal("the window did not lock")
	}
	checkStillFits(t, s, "locked", openingSize)
	unlockWith(t, s, s.lock.screen, lockPass)
	checkStillFits(t, s, "unlocked again", openingSize)
}
