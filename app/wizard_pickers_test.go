package app

import (
	"testing"

	"secondopinion/data"
)

// On a team's server another desk may add someone, or a body to the
// directory, while the wizard's list is showing: everyone after them moves
// down one place. The row tapped must still be the one it showed, or a
// letter would be about, or go to, someone else.
func TestWizardPickersChooseWhatTheyShowWhenOthersAreAdded(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir) // Joseph Okoro, and Dr B Patel in the directory
	s := openOn(t, dir)
	s.startWizard("")
	settle(t, s)
	w := s.current.(*wizard)
	w.who.choice.SetSelected(pickExisting)
	w.who.search.SetText("")
	if len(w.who.shown) == 0 {
		t.Fatal("the picker lists nobody")
	}
	shownFirst := w.who.shown[0]
	if p, _ := s.cl.person(shownFirst); p.Name != "Joseph Okoro" {
		t.Fatalf("the first row is %q, want Joseph Okoro", p.Name)
	}

	// Another desk's new person, whose name comes first.
	s.cl.putPerson(data.Person{ID: "from-another-desk", Name: "Aaron Abbott", Nation: data.England})
	w.who.list.Select(0)
	if w.who.picked != shownFirst {
		p, _ := s.cl.person(w.who.picked)
		t.Errorf("tapping the row that showed Joseph Okoro chose %q", p.Name)
	}

	cp := w.to
	cp.choice.SetSelected(pickDirectory)
	cp.search.SetText("patel")
	if len(cp.shown) != 1 {
		t.Fatalf("the directory search for patel lists %d", len(cp.shown))
	}
	patel := cp.shown[0]
	s.cl.putContact(data.Contact{ID: "also-another-desk", Name: "Dr A Aaronson", Role: data.RoleGP})
	cp.list.Select(0)
	if cp.picked != patel {
		c, _ := s.cl.contact(cp.picked)
		t.Errorf("tapping the row that showed Dr B Patel chose %q", c.DisplayName())
	}
}
