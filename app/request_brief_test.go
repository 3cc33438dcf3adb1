package app

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/letters"
)

// seedLongRequest is seedRequest with every long text filled in: what the
// caseload keeps only in its stored copy.
func seedLongRequest(t *testing.T, dir string) data.Request {
	t.Helper()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	defer s.closeStore()
	r, err := s.st.Request(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	r.Reason = "The wheeze comes at night and the inhalers have never touched it."
	r.OutcomeWanted = "A referral to the chest clinic."
	r.UnwellSince = "since 2019"
	r.Admissions = "Two nights in March."
	r.MedicationsTried = "Salbutamol, then beclometasone."
	r.CurrentMedication = "Beclometasone twice a day."
	r.Problems = "Cannot climb stairs at work."
	r.SideEffects = "A hoarse voice."
	r.AlreadyTried = "Asked for spirometry twice."
	r.Questions = "Is this asthma or something else?"
	r.Timescale = "within six weeks"
	if err := s.st.SaveRequest(ctx, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// sameLongTexts reports how got differs from want in the long texts.
func sameLongTexts(got, want data.Request) []string {
	var diff []string
	for _, f := range []struct{ name, got, want string }{
		{"reason", got.Reason, want.Reason}, {"outcome wanted", got.OutcomeWanted, want.OutcomeWanted},
		{"unwell since", got.UnwellSince, want.UnwellSince}, {"admissions", got.Admissions, want.Admissions},
		{"medications tried", got.MedicationsTried, want.MedicationsTried},
		{"current medication", got.CurrentMedication, want.CurrentMedication},
		{"problems", got.Problems, want.Problems}, {"side effects", got.SideEffects, want.SideEffects},
		{"already tried", got.AlreadyTried, want.AlreadyTried}, {"questions", got.Questions, want.Questions},
		{"timescale", got.Timescale, want.Timescale},
	} {
		if f.got != f.want {
			diff = append(diff, f.name+" "+f.got+" (want "+f.want+")")
		}
	}
	return diff
}

// Editing a request never opened before starts from the whole request, so
// saving a change to its condition keeps every long text it had: the
// caseload holds only a brief of it.
func TestEditingARequestNotYetOpenedKeepsItsLongTexts(t *testing.T) {
	dir := t.TempDir()
	r := seedLongRequest(t, dir)
	s := openOn(t, dir)
	if _, ok := s.cl.wholeRequest(r.ID); ok {
		t.Fatal("the caseload holds the whole request before it is opened")
	}
	s.showEditRequest(r.ID)
	settle(t, s)
	e, ok := s.current.(*requestEditScreen)
	if !ok {
		t.Fatalf("Edit details opened %T", s.current)
	}
	about := e.pages[0].(*aboutPage)
	about.condition.entry.SetText("severe asthma")
	test.Tap(e.saveBtn)
	settle(t, s)

	got, err := s.st.Request(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Condition != "severe asthma" {
		t.Errorf("the condition saved is %q", got.Condition)
	}
	if diff := sameLongTexts(got, r); diff != nil {
		t.Errorf("saving the edit changed the long texts: %v", diff)
	}
}

// A letter for a request not yet opened tells the request's own long texts.
func TestALetterDrawsOnTheLongTextsOfARequestNotYetOpened(t *testing.T) {
	dir := t.TempDir()
	r := seedLongRequest(t, dir)
	s := openOn(t, dir)
	s.showNewLetter(r.ID, data.KindComplaint)
	settle(t, s)
	ls, ok := s.current.(*letterScreen)
	if !ok {
		t.Fatalf("the letter opened %T", s.current)
	}
	if text := letters.RenderText(ls.composed); !strings.Contains(text, "the inhalers have never touched it") {
		t.Errorf("the complaint does not tell why the person asked:\n%s", text)
	}
}

// The request screen shows at once what the brief has, and what the
// person is asking for once the whole request is read; the search finds
// the person by the long texts of a request never opened.
func TestTheRequestScreenAndSearchUseTheWholeRequest(t *testing.T) {
	dir := t.TempDir()
	r := seedLongRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	rs := s.current.(*requestScreen)
	if text := cardText(rs.details); !strings.Contains(text, "asthma") || strings.Contains(text, "chest clinic") {
		t.Errorf("before the request is read, the details show %q", text)
	}
	settle(t, s)
	if text := cardText(rs.details); !strings.Contains(text, "A referral to the chest clinic.") {
		t.Errorf("once the request is read, the details show %q", text)
	}

	s.closeStore()
	fresh := openOn(t, dir)
	fresh.showPeople()
	settle(t, fresh)
	ps := fresh.current.(*peopleScreen)
	for _, q := range []string{"stairs at work", "Hoarse voice", "never touched", "chest clinic"} {
		ps.search.SetText(q)
		wantNames(t, "a search for "+q, fresh, ps, "Joseph Okoro")
	}
	ps.search.SetText("beclometasone") // a medicine tried: not searched, as before
	wantNames(t, "a search for a medicine tried", fresh, ps)
}

// A request read while it is saved (here or at another desk) is read
// again: what the screens open must not be the older version.
func TestARequestReadAsItIsSavedIsReadAgain(t *testing.T) {
	dir := t.TempDir()
	r := seedLongRequest(t, dir)
	s := openOn(t, dir)
	var shown data.Request
	s.readRequest(r.ID, func(req data.Request, _ []data.Step) { shown = req }, nil)
	s.jobs.wg.Wait() // read, but not yet handed back
	changed := r
	changed.Reason = "Now the cough keeps them awake too."
	if err := s.st.SaveRequest(ctx, &changed); err != nil {
		t.Fatal(err)
	}
	s.cl.putRequest(changed)
	settle(t, s)
	if shown.Reason != changed.Reason {
		t.Errorf("the request handed on says %q, want the one saved meanwhile", shown.Reason)
	}
}

// Carrying on with a draft saved as a request starts from the whole
// request: the answers given on later pages come back.
func TestCarryingOnADraftReadsTheWholeRequest(t *testing.T) {
	dir := t.TempDir()
	r := seedLongRequest(t, dir)
	s := openOn(t, dir)
	d, err := json.Marshal(draft{Step: 7, PersonID: r.PersonID, RequestID: r.ID})
	if err != nil {
		t.Fatal(err)
	}
	s.cl.settings[settingDraft] = string(d)
	s.startWizard("")
	settle(t, s)
	w, ok := s.current.(*wizard)
	if !ok {
		t.Fatalf("New request opened %T", s.current)
	}
	if got := w.why.reason.text(); got != r.Reason {
		t.Errorf("the reason came back as %q", got)
	}
	if got := w.want.want.text(); got != r.OutcomeWanted {
		t.Errorf("what they are asking for came back as %q", got)
	}
}
