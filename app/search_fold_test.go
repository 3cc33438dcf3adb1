package app

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

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

// The search text written part by part, as signing in writes it, is the
// text folded whole, as it was made before: for names and addresses with
// accents, marks at the start of a part, letters folding longer or
// shorter, odd spaces and bytes that are not UTF-8.
func TestTheSearchTextWrittenInPartsIsTheTextFoldedWhole(t *testing.T) {
	whole := func(p data.Person) string {
		t := foldedWhole(p.Name + " " + p.NHSNumber + " " + p.DateOfBirth.UK() + " " + p.Address)
		return t + " " + strings.ReplaceAll(t, " ", "")
	}
	parts := []string{"", "Mòrag Mac an t-Saoir", "ŁUKASZ", "Siân", "\u0301Zoë", "İlkay", "Straße", "ÆSIR Œuvre",
		"943 476 5919", "12 Rue\u00a0Haute", "a\tb", "\xff\xfe bad", "Ꭰ", "Ǆemal", "ΣΊΣΥΦΟΣ", "x\u0323\u0301"}
	var text []byte
	for _, name := range parts {
		for _, address := range parts {
			for _, number := range []string{"", "9434765919", "Ñ1"} {
				for _, born := range []data.Date{{}, data.MustDate(1950, 3, 4)} {
					p := data.Person{Name: name, Address: address, NHSNumber: number, DateOfBirth: born}
					want := whole(p)
					if got := searchText(p); got != want {
						t.Errorf("searchText(%q, %q, %q) = %q, want %q", name, address, number, got, want)
					}
					text = appendSearchText(append(text[:0], "before"...), &p)
					if got := string(text[len("before"):]); got != want {
						t.Errorf("appended after other text: %q, want %q", got, want)
					}
				}
			}
		}
	}
}

// foldedWhole is fold as it was first written: the whole text taken
// apart into a string of its own, then read a letter at a time.
func foldedWhole(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if plain, ok := plainLetters[r]; ok {
			b.WriteString(plain)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Folding a piece at a time gives what folding the whole text at once
// gave, for any text: the fuzzer's, and long runs of marks, which the
// iterator takes in more than one piece.
func FuzzFoldIsFoldedWhole(f *testing.F) {
	for _, s := range []string{"Mòrag", "\xff\xfe", "a" + strings.Repeat("\u0301", 40) + "b", "Straße İlkay", "x\u0323\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldedWhole(s); got != want {
			t.Errorf("fold(%q) = %q, folded whole %q", s, got, want)
		}
		if got, want := string(appendFolded([]byte("x"), s)), "x"+foldedWhole(s); got != want {
			t.Errorf("appendFolded(%q) = %q, want %q", s, got, want)
		}
	})
}
