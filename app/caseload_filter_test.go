package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/store"
)

// seedCaseload adds to seedRequest's Joseph Okoro (England, a letter sent
// 20 days ago: overdue) Ada, in Wales, flagged urgent, with a note, a
// drafted request and a letter whose wording she changed; and Grace, in
// Scotland, whose request is closed.
func seedCaseload(t *testing.T, dir string) {
	t.Helper()
	seedRequest(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ada := data.Person{Name: "Ada Lovelace", Nation: data.Wales, Flags: []string{"urgent"}, Notes: "Prefers calls in the mornings."}
	grace := data.Person{Name: "Grace Hopper", Nation: data.Scotland}
	for _, p := range []*data.Person{&ada, &grace} {
		if err := st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	drafted := data.Request{PersonID: ada.ID, Subject: data.SubjectMedication, Route: data.RouteLocal,
		Treatment: "salbutamol", Reason: "Worried about the inhaler dose."}
	closed := data.Request{PersonID: grace.ID, Subject: data.SubjectDiagnosis, Route: data.RouteReview, Condition: "migraine"}
	for _, r := range []*data.Request{&drafted, &closed} {
		if err := st.SaveRequest(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	l := data.Letter{RequestID: drafted.ID, Kind: data.KindSecondOpinionTreatment, Body: "Dear Doctor,\nShe keeps zebrafish and worries about the dose."}
	if err := st.SaveLetter(ctx, &l); err != nil {
		t.Fatal(err)
	}
	step := data.Step{RequestID: closed.ID, On: data.Today().AddDays(-3), Kind: data.StepClosed, Outcome: data.OutcomeAgreed}
	if err := st.AddStep(ctx, &step); err != nil {
		t.Fatal(err)
	}
}

func openPeople(t *testing.T) (*shell, *peopleScreen) {
	t.Helper()
	dir := t.TempDir()
	seedCaseload(t, dir)
	s := openOn(t, dir)
	s.showPeople()
	settle(t, s)
	ps := s.current.(*peopleScreen)
	if ps.cases.ix == nil {
		t.Fatal("the search index was not prepared")
	}
	return s, ps
}

// names lists who the people list shows, in order.
func names(s *shell, ps *peopleScreen) []string {
	var out []string
	for _, i := range ps.shown {
		out = append(out, s.cl.people[i].Name)
	}
	return out
}

func wantNames(t *testing.T, what string, s *shell, ps *peopleScreen, want ...string) {
	t.Helper()
	if got := names(s, ps); !slices.Equal(got, want) || ps.list.Length() != len(want) {
		t.Errorf("%s: the list shows %q, want %q", what, got, want)
	}
}

func TestCaseloadFiltersNarrow(t *testing.T) {
	s, ps := openPeople(t)
	all := []string{"Ada Lovelace", "Grace Hopper", "Joseph Okoro"}
	wantNames(t, "no filter", s, ps, all...)

	ps.cases.state.SetSelected(stateWord("drafted"))
	wantNames(t, "state drafted", s, ps, "Ada Lovelace")
	ps.cases.state.SetSelected(stateWord("closed"))
	wantNames(t, "state closed", s, ps, "Grace Hopper")
	ps.cases.state.SetSelected(openState)
	wantNames(t, "still open", s, ps, "Ada Lovelace", "Joseph Okoro")
	ps.cases.state.SetSelected(anyState)
	wantNames(t, "any state", s, ps, all...)

	ps.cases.overdue.SetChecked(true)
	wantNames(t, "overdue", s, ps, "Joseph Okoro")
	if ps.count.Text != "1 of 3 people" {
		t.Errorf("with a filter on the count says %q", ps.count.Text)
	}
	ps.cases.overdue.SetChecked(false)

	ps.cases.nation.SetSelected(data.Wales.Label())
	wantNames(t, "Wales", s, ps, "Ada Lovelace")
	ps.cases.nation.SetSelected(data.Scotland.Label())
	wantNames(t, "Scotland", s, ps, "Grace Hopper")
	ps.cases.nation.SetSelected(anywhere)

	if !slices.Contains(ps.cases.flag.Options, "urgent") {
		t.Fatalf("the flag filter offers %q, want urgent among them", ps.cases.flag.Options)
	}
	ps.cases.flag.SetSelected("urgent")
	wantNames(t, "flag urgent", s, ps, "Ada Lovelace")
	ps.cases.flag.SetSelected(anyFlag)

	// Soonest due first: only Joseph has a date, and it has passed.
	ps.cases.sort.SetSelected(sortByDue)
	if got := names(s, ps); len(got) != 3 || got[0] != "Joseph Okoro" {
		t.Errorf("by next due the list is %q, want Joseph Okoro first", got)
	}
}

func TestCaseloadSearchFindsNamesNotesAndLetters(t *testing.T) {
	s, ps := openPeople(t)
	for _, c := range []struct{ typed, want string }{
		{"okoro", "Joseph Okoro"},     // a name
		{"mornings", "Ada Lovelace"},  // a note
		{"zebrafish", "Ada Lovelace"}, // a word only in a letter she changed
		{"inhaler", "Ada Lovelace"},   // the request's reason
		{"migraine", "Grace Hopper"},  // the condition
		// A name (the caseload's search text) with words from the rest
		// (the index's): each word may be in either.
		{"ada inhaler", "Ada Lovelace"},
		{"inhaler mornings lovelace", "Ada Lovelace"},
		{"grace inhaler", ""},
	} {
		ps.search.SetText("")
		test.Type(ps.search, c.typed)
		if c.want == "" {
			wantNames(t, "search "+c.typed, s, ps)
		} else {
			wantNames(t, "search "+c.typed, s, ps, c.want)
		}
	}
	ps.search.SetText("")
	test.Type(ps.search, "nobody-has-this")
	wantNames(t, "search for nothing", s, ps)
}

func TestConsentAndFlagsAreSavedFromThePersonForm(t *testing.T) {
	s, ps := openPeople(t)
	joseph, _ := s.cl.person(ps.s.cl.people[2].ID)
	form := newPersonForm(joseph, false)
	test.Type(form.consent.on.entry, "01/03/2026")
	test.Type(form.consent.scope.entry, "Letters and calls about his second opinion")
	test.Type(form.consent.flags.entry, "interpreter, Urgent, interpreter")
	p, ok := form.value()
	if !ok {
		t.Fatal("the form with consent filled in does not pass its checks")
	}
	if err := s.st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := s.st.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ConsentOn != data.MustDate(2026, 3, 1) || got.ConsentScope != "Letters and calls about his second opinion" {
		t.Errorf("consent stored as %v %q", got.ConsentOn, got.ConsentScope)
	}
	if !slices.Equal(got.Flags, []string{"interpreter", "Urgent"}) {
		t.Errorf("flags stored as %q, want interpreter and Urgent once each", got.Flags)
	}
	if l := consentLine(got); l.Text != "Written consent to act for them, given 1 March 2026: Letters and calls about his second opinion" {
		t.Errorf("the panel says %q", l.Text)
	}

	// What consent covers needs the date it was given.
	bad := newPersonForm(data.Person{Name: "X", Nation: data.England}, false)
	test.Type(bad.consent.scope.entry, "Everything")
	if _, ok := bad.value(); ok || bad.consent.on.msg.Text == "" {
		t.Error("a scope with no date of consent was accepted")
	}
}

// Going back to Clients uses the index already built (for 50,000 people,
// seconds and 40 MB each visit), and still finds a letter's wording
// changed meanwhile, and no longer its old wording.
func TestTheClientsIndexIsKeptBetweenVisits(t *testing.T) {
	s, ps := openPeople(t)
	built := ps.cases.ix
	ada := s.cl.people[slices.IndexFunc(s.cl.people, func(p data.Person) bool { return p.Name == "Ada Lovelace" })]
	req := s.cl.requestsOf(ada.ID)[0]
	letters, err := s.st.LettersFor(ctx, req.ID)
	if err != nil || len(letters) != 1 {
		t.Fatalf("Ada's letters: %v, %v", letters, err)
	}
	l := letters[0]
	l.Body = "Dear Doctor,\nShe keeps okapis now."
	if err := s.st.SaveLetter(ctx, &l); err != nil {
		t.Fatal(err)
	}

	s.showToday()
	settle(t, s)
	s.showPeople()
	settle(t, s)
	ps = s.current.(*peopleScreen)
	if ps.cases.ix != built {
		t.Error("the Clients index was built again for the second visit")
	}
	test.Type(ps.search, "okapis")
	wantNames(t, "search for the new wording", s, ps, "Ada Lovelace")
	ps.search.SetText("")
	test.Type(ps.search, "zebrafish")
	wantNames(t, "search for the old wording", s, ps)
}
