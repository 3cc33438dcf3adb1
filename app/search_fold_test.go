package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// Names typed without their accents, in any case, are found everywhere a
// name is searched: the caseload, the desk, the wizard's pickers and the
// directory.
func TestSearchIgnoresAccentsAndCase(t *testing.T) {
	dir := t.TempDir()
	seedCaseload(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Mòrag Dunn", "Łukasz Nowak", "Siân Lloyd"} {
		p := data.Person{Name: name, Nation: data.Scotland}
		if err := st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	gp := data.Contact{Name: "Dr Siôn Pryce", Organisation: "Ysbyty Gwynedd", Role: data.RoleClinician}
	if err := st.SaveContact(ctx, &gp); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, settingMode, string(modeSurgery)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	s := openOn(t, dir)
	finds := map[string]string{"morag": "Mòrag Dunn", "LUKASZ": "Łukasz Nowak", "sian lloyd": "Siân Lloyd", "MÒRAG": "Mòrag Dunn"}

	s.showPeople()
	settle(t, s)
	ps := s.current.(*peopleScreen)
	for q, want := range finds {
		ps.search.SetText("")
		test.Type(ps.search, q)
		s.jobs.wait()
		wantNames(t, "the caseload searched for "+q, s, ps, want)
	}

	test.Tap(s.nav.buttons[navDesk])
	settle(t, s)
	d := s.current.(*deskScreen)
	for q, want := range finds {
		d.find.SetText(q)
		if got := deskMatches(d); len(got) != 1 || !strings.HasPrefix(got[0], want) {
			t.Errorf("the desk searched for %q shows %q, want %q", q, got, want)
		}
	}

	s.startWizard("")
	settle(t, s)
	w := s.current.(*wizard)
	for q, want := range finds {
		w.who.search.SetText(q)
		var got []string
		for _, id := range w.who.shown {
			p, _ := s.cl.person(id)
			got = append(got, p.Name)
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("the wizard's picker searched for %q lists %q, want %q", q, got, want)
		}
	}
	w.to.search.SetText("sion pryce")
	if len(w.to.shown) != 1 || w.to.shown[0] != gp.ID {
		t.Errorf("the wizard's doctor picker does not find Dr Siôn Pryce by sion pryce (%d shown)", len(w.to.shown))
	}

	s.showDirectory()
	settle(t, s)
	ds := s.current.(*directoryScreen)
	test.Type(ds.search, "SION PRYCE")
	if len(ds.shown) != 1 || s.cl.contacts[ds.shown[0]].ID != gp.ID {
		t.Errorf("the directory searched for SION PRYCE shows %d contacts, want Dr Siôn Pryce", len(ds.shown))
	}
}

// deskMatches are the names the desk offers to pick.
func deskMatches(d *deskScreen) []string {
	var out []string
	for _, o := range d.matches.Objects {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b.Text)
		}
	}
	return out
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Mòrag": "morag", "Łukasz": "lukasz", "Siân": "sian", "Zoë O’Brien": "zoe o'brien", "Søren": "soren",
		"Ada Lovelace": "ada lovelace", "Straße": "strasse", "Ñúñez": "nunez",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
