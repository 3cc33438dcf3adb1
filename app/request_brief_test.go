package app

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/report"
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

// openEdit opens Edit details on a request, as its button does.
func openEdit(t *testing.T, s *shell, requestID string) *requestEditScreen {
	t.Helper()
	s.showEditRequest(requestID)
	settle(t, s)
	e, ok := s.current.(*requestEditScreen)
	if !ok {
		t.Fatalf("Edit details opened %T", s.current)
	}
	return e
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
	e := openEdit(t, s, r.ID)
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

// The caseload keeps only the requests opened last whole, with their
// timelines; one opened longer ago is read again when next opened.
func TestOnlyTheRequestsOpenedLastAreKeptWhole(t *testing.T) {
	c := newCaseload()
	for i := range maxKeptOpen + 8 {
		id := "r" + strconv.Itoa(i)
		c.placeBrief(briefOfRequest(&data.Request{ID: id, PersonID: "p"}, c.book.writer()))
		c.keepOpen(data.Request{ID: id, PersonID: "p", Reason: "why " + id}, []data.Step{{ID: "s" + id, RequestID: id}})
		if i == 3 {
			c.keepOpen(data.Request{ID: "r0", PersonID: "p", Reason: "why r0"}, nil) // r0 used again
		}
	}
	if len(c.whole) != maxKeptOpen || len(c.full) != maxKeptOpen {
		t.Errorf("%d requests and %d timelines kept whole, want %d", len(c.whole), len(c.full), maxKeptOpen)
	}
	if _, ok := c.wholeRequest("r1"); ok {
		t.Error("the request opened longest ago is still kept whole")
	}
	if _, ok := c.timeline("r1"); ok {
		t.Error("the timeline opened longest ago is still kept")
	}
	last := "r" + strconv.Itoa(maxKeptOpen+7)
	if r, ok := c.wholeRequest(last); !ok || r.Reason != "why "+last {
		t.Errorf("the request opened last is not kept whole: %+v", r)
	}
	if _, ok := c.request("r1"); !ok {
		t.Error("the brief went with the whole request")
	}
}

// A request no longer kept whole is read again when it is opened.
func TestARequestNoLongerKeptWholeIsReadAgain(t *testing.T) {
	dir := t.TempDir()
	r := seedLongRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	for i := range maxKeptOpen {
		s.cl.keepOpen(data.Request{ID: "other" + strconv.Itoa(i)}, []data.Step{})
	}
	if _, ok := s.cl.wholeRequest(r.ID); ok {
		t.Fatal("the request is still kept whole")
	}
	e := openEdit(t, s, r.ID)
	if diff := sameLongTexts(e.req, r); diff != nil {
		t.Errorf("the edit opened without the long texts: %v", diff)
	}
}

// Deleting the contact a request is addressed to unlinks the request kept
// whole as well: an edit then saves, with no one to write to.
func TestEditingAfterItsRecipientIsDeletedSaves(t *testing.T) {
	dir := t.TempDir()
	r := seedLongRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	d := newDirectoryScreen(s)
	s.show(d, navDirectory)
	d.delete(r.RecipientID)
	settle(t, s)

	e := openEdit(t, s, r.ID)
	e.pages[0].(*aboutPage).condition.entry.SetText("severe asthma")
	test.Tap(e.saveBtn)
	settle(t, s) // fails on an error dialog
	got, err := s.st.Request(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Condition != "severe asthma" || got.RecipientID != "" {
		t.Errorf("saved as condition %q, to %q", got.Condition, got.RecipientID)
	}
}

// The request log still draws a row whose request has gone since.
func TestTheLogDrawsARowWhoseRequestHasGone(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	log := &trendLog{s: s}
	s.cl.dropRequest(r.ID)
	if got := log.cell(report.Row{RequestID: r.ID}, 5); got != "" {
		t.Errorf("the recipient of a request gone is %q", got)
	}
}

// Another desk's change to a request open here shows on its screen within
// two seconds, and an edit begun then starts from the new version.
func TestAnotherDesksChangeToAnOpenRequestShows(t *testing.T) {
	a, b := twoDesks(t)
	p := data.Person{Name: "Bethan Evans", Nation: data.Wales}
	must(t, a.st.SavePerson(ctx, &p))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma",
		OutcomeWanted: "A referral to the chest clinic.", Reason: "The inhalers do nothing."}
	must(t, a.st.SaveRequest(ctx, &r))
	waitUntil(t, b, 2*time.Second, "the request on desk B", func() bool { _, ok := b.cl.request(r.ID); return ok })

	b.showRequest(r.ID)
	b.jobs.wait()
	rs := b.current.(*requestScreen)
	if text := cardText(rs.details); !strings.Contains(text, "chest clinic") {
		t.Fatalf("desk B's request shows %q", text)
	}
	changed, err := a.st.Request(ctx, r.ID)
	must(t, err)
	changed.OutcomeWanted = "A second opinion from a respiratory consultant."
	must(t, a.st.SaveRequest(ctx, &changed))
	waitUntil(t, b, 2*time.Second, "desk A's change on desk B's request", func() bool {
		return strings.Contains(cardText(rs.details), "respiratory consultant")
	})

	e := openEdit(t, b, r.ID)
	if e.req.Version != changed.Version || e.req.OutcomeWanted != changed.OutcomeWanted || e.req.Reason != r.Reason {
		t.Errorf("the edit starts from version %d asking for %q (reason %q); want version %d",
			e.req.Version, e.req.OutcomeWanted, e.req.Reason, changed.Version)
	}
}
