package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"secondopinion/app/version"
)

// Help › About shows the version, the build date and every bundled
// licence, inside the window.
func TestAboutShowsVersionAndLicences(t *testing.T) {
	s := openOn(t, t.TempDir())
	var about *fyne.MenuItem
	for _, m := range s.win.MainMenu().Items {
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, "About") {
				about = it
			}
		}
	}
	if about == nil {
		t.Fatal("no About in the menu")
	}
	about.Action()
	if len(s.dialogs) != 1 {
		t.Fatalf("%d dialogs open after About", len(s.dialogs))
	}
	s.dialogs[0].Hide()

	b := s.showAbout()
	i := version.Get()
	for _, want := range []string{i.Version, i.Date, i.Go} {
		if !strings.Contains(b.info.Text, want) {
			t.Errorf("About does not say %q: %q", want, b.info.Text)
		}
	}
	found := map[string]bool{}
	for id, n := range b.notices {
		b.list.Select(id)
		if b.licence.Text == "" {
			t.Errorf("choosing %s shows no licence", n.Name)
		}
		if strings.Contains(b.licence.Text, "SIL Open Font License") || strings.Contains(b.licence.Text, "SIL OPEN FONT LICENSE") {
			found[n.Name] = true
		}
	}
	if !found["Noto Sans fonts for other scripts (Debian fonts-noto-core)"] {
		t.Error("About does not show the fonts' licence")
	}
	if c := s.win.Canvas().Size(); c.Width > 0 {
		if got := s.win.Canvas().Overlays().Top().Size(); got.Width > c.Width || got.Height > c.Height {
			t.Errorf("About is %v, larger than the window %v", got, c)
		}
	}
}
