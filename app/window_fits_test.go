package app

import (
	"testing"

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
			s := openOn(t, dir)
			s.win.Resize(smallScreen)
			if len(s.banners.Objects) == 0 {
				t.Fatal("no banner shows (the backup reminder should): the test would not be the worst case")
			}
			for _, id := range []string{navToday, navPeople, navDesk, navLog, navReports, navDirectory, navSettings} {
				b := s.nav.buttons[id]
				if b == nil {
					continue // not in this mode
				}
				test.Tap(b)
				s.jobs.wait()
				if got := s.win.Content().MinSize(); got.Height > smallScreen.Height || got.Width > smallScreen.Width {
					t.Errorf("%s needs %v, more than a %v screen", id, got, smallScreen)
				}
				if got := s.win.Canvas().Size(); got.Height > smallScreen.Height {
					t.Errorf("on %s the window grew to %v", id, got)
				}
			}
		})
	}
}
