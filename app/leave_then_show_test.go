package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Moving from the wizard to Today keeps the page first, then works Today
// out from the records with that page in them. Made before the page was
// kept, Today was one save behind until the next visit.
func TestTodayAfterLeavingTheWizardIsWorkedOutFromWhatWasKept(t *testing.T) {
	s := openOn(t, t.TempDir())
	w := startWizardAsCarer(t, s) // her request is saved, on page 3
	test.Tap(w.back)
	settle(t, s)
	if w.step != 1 {
		t.Fatalf("the wizard is on page %d, want 2", w.step+1)
	}
	w.what.condition.entry.SetText("")
	test.Type(w.what.condition.entry, "lupus")
	revision := s.cl.revision

	s.showToday()
	settle(t, s)
	if _, ok := s.current.(*todayScreen); !ok {
		t.Fatalf("after leaving, the screen is %T, want Today", s.current)
	}
	if s.cl.revision == revision {
		t.Fatal("leaving the wizard did not keep the page")
	}
	if s.reckoned == nil || !s.reckoned.from.holdsFor(s.cl, s.today()) {
		t.Error("Today was worked out from the records as they were before the page was kept")
	}
}
