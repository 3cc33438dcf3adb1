package app

import (
	"context"
	"fyne.io/fyne/v2/widget"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/store"
)

var ctx = context.Background()

// openOn opens the window on the data folder dir, on Fyne's test driver,
// and waits until the first screen is shown.
func openOn(t *testing.T, dir string) *shell {
	t.Helper()
	return openOnWindow(t, dir, nil)
}

// openOnWindow is openOn with the shell's window wrapped first, when wrap
// is not nil.
func openOnWindow(t *testing.T, dir string, wrap func(fyne.Window) fyne.Window) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	s := newShell(a, dir)
	// One day for the whole test: run near midnight, a request would
	// otherwise be dated one day and checked against the next.
	day := data.Today()
	s.today = func() data.Date { return day }
	if wrap != nil {
		s.win = wrap(s.win)
	}
	s.jobs.queued = true
	s.opener = func(string) error { return nil } // no viewer is started from a test, as with Fyne's test app
	s.start()
	s.jobs.wait()
	t.Cleanup(func() { s.closeStore(); s.win.Close() })
	return s
}

// settle waits for background work and fails on any error dialog.
func settle(t *testing.T, s *shell) {
	t.Helper()
	s.jobs.wait()
	if len(s.dialogs) > 0 {
		t.Fatalf("an unexpected dialog is open")
	}
}

func chooseMode(t *testing.T, s *shell, m mode) {
	t.Helper()
	fr, ok := s.current.(*firstRunScreen)
	if !ok {
		t.Fatalf("the first screen is %T, want the first run", s.current)
	}
	test.Tap(fr.choices[m])
	settle(t, s)
}

func TestFirstRunChoiceIsSaved(t *testing.T) {
	dir := t.TempDir()
	s := openOn(t, dir)
	chooseMode(t, s, modeAdvocate)
	if _, ok := s.current.(*todayScreen); !ok {
		t.Fatalf("after the first run the screen is %T, want Today", s.current)
	}
	if got, _ := s.st.Setting(ctx, settingMode); got != string(modeAdvocate) {
		t.Fatalf("mode saved as %q, want %q", got, modeAdvocate)
	}
	if got := s.nav.buttons[navPeople].Text; got != "Clients" {
		t.Errorf("an advocate's list is called %q, want Clients", got)
	}
	s.closeStore()

	again := openOn(t, dir)
	if _, ok := again.current.(*todayScreen); !ok {
		t.Fatalf("on reopening the screen is %T, want Today (the first run is asked once)", again.current)
	}
}

// fillPerson and the others type into the wizard's pages as a person would.
func next(t *testing.T, s *shell, w *wizard, wantStep int) {
	t.Helper()
	test.Tap(w.next)
	settle(t, s)
	if w.step != wantStep {
		t.Fatalf("after Next the wizard is on page %d (%s), want %d", w.step+1, w.pages[w.step].title(), wantStep+1)
	}
}

func startWizardAsCarer(t *testing.T, s *shell) *wizard {
	t.Helper()
	chooseMode(t, s, modeCarer)
	s.onNewRequest()
	w, ok := s.current.(*wizard)
	if !ok {
		t.Fatalf("Ctrl+N opened %T, want the wizard", s.current)
	}
	if w.step != 0 || w.who.choice.Selected != pickNew {
		t.Fatalf("a first request should start on page 1 with someone new")
	}
	test.Type(w.who.form.name.entry, "Margaret Ellis")
	test.Type(w.who.form.born.entry, "14/03/1952")
	next(t, s, w, 1)
	w.what.subject.SetSelected(subjectWords[data.SubjectTreatment])
	test.Type(w.what.condition.entry, "rheumatoid arthritis")
	test.Type(w.what.treatment.entry, "methotrexate")
	next(t, s, w, 2)
	return w
}

// carerToLastPage walks a carer's first request to the wizard's last page,
// to whom the letter goes, with a doctor new to the directory.
func carerToLastPage(t *testing.T, s *shell) *wizard {
	t.Helper()
	w := startWizardAsCarer(t, s)

	// The background and free text may be left empty, but the route may not.
	w.ask.raised.SetSelected(raisedYes)
	next(t, s, w, 3)
	test.Tap(w.next)
	settle(t, s)
	if w.step != 3 || !w.path.msg.Visible() {
		t.Fatalf("Next without a route should stay on the page and say why")
	}
	w.path.radios[1].SetSelected(data.RouteLocal.Label())
	next(t, s, w, 4)
	test.Type(w.bg.since.entry, "since 2019")
	next(t, s, w, 5)
	test.Type(w.prob.text.entry, "She cannot grip a cup in the mornings.")
	next(t, s, w, 6)
	next(t, s, w, 7)
	test.Type(w.why.reason.entry, "The pain is no better after a year.")
	next(t, s, w, 8)
	test.Type(w.want.want.entry, "A second opinion from another rheumatologist.")
	next(t, s, w, 9)

	// To whom: the directory holds only the national bodies, so someone new.
	w.to.choice.SetSelected(pickNewContact)
	test.Type(w.to.form.name.entry, "Dr A Rahman")
	test.Type(w.to.form.org.entry, "Riverside Hospital")
	return w
}

// finishAsCarer writes the letter: the first time, the carer is asked for
// their own name and address, which sign it.
func finishAsCarer(t *testing.T, s *shell, w *wizard) {
	t.Helper()
	test.Tap(w.next)
	s.jobs.wait()
	if !strings.Contains(topDialogText(s), "You are writing for someone else") {
		t.Fatalf("writing for someone else did not ask for the writer's own details; on top: %q", topDialogText(s))
	}
	es := dialogEntries(t, s)
	test.Type(es[0], "Anna Ellis")
	test.Type(es[1], "4 Mill Lane\nOtley\nLS21 1AB")
	tapInDialog(t, s, "Save and carry on")
	settle(t, s)
}

func TestWizardFromFirstScreenToSentLetter(t *testing.T) {
	s := openOn(t, t.TempDir())
	w := carerToLastPage(t, s)
	finishAsCarer(t, s, w)

	ls, ok := s.current.(*letterScreen)
	if !ok {
		t.Fatalf("the wizard ended on %T, want the letter", s.current)
	}
	if ls.rec.Kind != data.KindSecondOpinionTreatment {
		t.Errorf("the first letter is %q, want %q", ls.rec.Kind, data.KindSecondOpinionTreatment)
	}
	if !strings.Contains(ls.editor.Text, "methotrexate") {
		t.Errorf("the letter does not mention the treatment:\n%s", ls.editor.Text)
	}
	if s.cl.settings[settingDraft] != "" {
		t.Errorf("the draft is still kept after the wizard finished")
	}

	// An edit is kept in Body, even when the person moves on without saving.
	test.Type(ls.editor, "P.S. ")
	s.showToday()
	settle(t, s)
	stored, err := s.st.LettersFor(ctx, ls.req.ID)
	if err != nil || len(stored) != 1 || !stored[0].Edited() {
		t.Fatalf("after leaving an edited letter, letters = %+v, %v; want one edited letter", stored, err)
	}
	s.showLetter(stored[0])
	settle(t, s)
	ls = s.current.(*letterScreen)
	if !strings.HasPrefix(ls.editor.Text, "P.S. ") {
		t.Fatalf("the reopened letter lost the edit:\n%s", ls.editor.Text)
	}

	ls.markSent(s.today(), data.SentByPost, 0)
	settle(t, s)
	if _, ok := s.current.(*requestScreen); !ok {
		t.Fatalf("after marking it sent the screen is %T, want the request", s.current)
	}
	stored, _ = s.st.LettersFor(ctx, ls.req.ID)
	if len(stored) != 1 || !stored[0].Sent() || stored[0].SentHow != data.SentByPost {
		t.Fatalf("letters after sending = %+v; want the one letter, sent by post", stored)
	}
	steps, err := s.st.StepsFor(ctx, ls.req.ID)
	if err != nil || len(steps) != 1 {
		t.Fatalf("steps = %+v, %v; want one", steps, err)
	}
	if st := steps[0]; st.Kind != data.StepLetterSent || st.LetterID != stored[0].ID || st.DueOn.IsZero() {
		t.Errorf("the sent step is %+v; want a letter-sent step for the letter with a due date", st)
	}
}

func TestDraftSurvivesClosingMidWizard(t *testing.T) {
	dir := t.TempDir()
	s := openOn(t, dir)
	w := startWizardAsCarer(t, s)
	w.ask.raised.SetSelected(raisedNo)
	next(t, s, w, 3)
	s.closeStore() // as when the window closes

	again := openOn(t, dir)
	today, ok := again.current.(*todayScreen)
	if !ok || today.draftCard() == nil {
		t.Fatalf("on reopening, Today should offer to carry on with the draft")
	}
	again.onNewRequest()
	settle(t, again) // the draft's request is read in full first
	w2 := again.current.(*wizard)
	if w2.step != 3 {
		t.Errorf("the wizard reopened on page %d, want 4", w2.step+1)
	}
	if got := w2.what.condition.text(); got != "rheumatoid arthritis" {
		t.Errorf("the condition came back as %q", got)
	}
	if w2.ask.raised.Selected != raisedNo {
		t.Errorf("the answer about the doctor came back as %q", w2.ask.raised.Selected)
	}
	if p, _ := again.cl.person(w2.req.PersonID); p.Name != "Margaret Ellis" {
		t.Errorf("the draft is for %q, want Margaret Ellis", p.Name)
	}
	test.Tap(w2.back)
	settle(t, again)
	if w2.step != 2 {
		t.Errorf("Back went to page %d, want 3", w2.step+1)
	}
}

// seedRequest stores a person, a contact and a request whose review
// letter has gone out.
func seedRequest(t *testing.T, dir string) data.Request {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := data.Person{Name: "Joseph Okoro", Nation: data.England}
	c := data.Contact{Name: "Dr B Patel", Organisation: "Hillside Surgery", Role: data.RoleGP}
	if err := st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Route: data.RouteReview,
		Condition: "asthma", RecipientID: c.ID, RaisedWithDoctor: true}
	if err := st.SaveRequest(ctx, &r); err != nil {
		t.Fatal(err)
	}
	l := data.Letter{RequestID: r.ID, Kind: data.KindReviewDiagnosis, RecipientID: c.ID, SentHow: data.SentByPost}
	step := data.Step{On: data.Today().AddDays(-20)}
	if err := st.MarkSent(ctx, &l, &step); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, settingMode, string(modeAdvocate)); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLoggingARefusalOffersAskAgainFirst(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	rs := s.current.(*requestScreen)

	f := rs.logStep(data.StepReply)
	f.outcome.SetSelected(data.OutcomeRefused.Label())
	test.Type(f.summary.entry, "They said the diagnosis is clear.")
	f.onSave()
	settle(t, s)

	if len(rs.next) == 0 || rs.next[0].Letter != data.KindAskAgain {
		t.Fatalf("after a refusal the first next action is %+v, want the ask-again letter", rs.next)
	}
	first := rs.actions.Objects[0].(*fyne.Container)
	if !strings.Contains(rs.state.Text, "Refused") {
		t.Errorf("the state line says %q, want Refused", rs.state.Text)
	}
	if len(first.Objects) < 2 {
		t.Fatalf("the first action has no button beside its reason")
	}
	steps, _ := s.st.StepsFor(ctx, r.ID)
	if last := steps[len(steps)-1]; last.Outcome != data.OutcomeRefused || last.LetterKind != data.KindReviewDiagnosis {
		t.Errorf("the reply was stored as %+v", last)
	}
}

func TestSearchNarrowsThePeopleList(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	st, _ := store.Open(dir)
	for _, n := range []string{"Ada Lovelace", "Grace Hopper", "Alan Turing", "Ada Yonath"} {
		p := data.Person{Name: n, Nation: data.Wales}
		if err := st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	s := openOn(t, dir)
	s.onSearch() // Ctrl+F goes to the people and their search box
	ps, ok := s.current.(*peopleScreen)
	if !ok {
		t.Fatalf("Ctrl+F opened %T, want the people", s.current)
	}
	if ps.list.Length() != 5 {
		t.Fatalf("the list shows %d people before searching, want 5", ps.list.Length())
	}
	test.Type(ps.search, "ada")
	if ps.list.Length() != 2 {
		t.Errorf("searching for ada shows %d people, want 2", ps.list.Length())
	}
	test.Type(ps.search, " yon")
	if ps.list.Length() != 1 || s.cl.people[ps.shown[0]].Name != "Ada Yonath" {
		t.Errorf("searching for ada yon shows %d people, want Ada Yonath only", ps.list.Length())
	}
	if !strings.HasPrefix(ps.count.Text, "1 of 5") {
		t.Errorf("the count says %q", ps.count.Text)
	}
}

func TestExampleCaseloadIsSeparateAndMarked(t *testing.T) {
	dir := t.TempDir() + "/mine"
	s := openOn(t, dir)
	test.Tap(s.current.(*firstRunScreen).example)
	settle(t, s)
	if !s.example || len(s.cl.people) != exampleClients {
		t.Fatalf("the example shows %d people (example=%v), want %d", len(s.cl.people), s.example, exampleClients)
	}
	if s.st.Dir() == dir {
		t.Fatalf("the example opened the user's own folder")
	}
	s.leaveExample()
	settle(t, s)
	if s.example || len(s.cl.people) != 0 {
		t.Errorf("after leaving the example the user's own records show %d people", len(s.cl.people))
	}
	if _, ok := s.current.(*firstRunScreen); !ok {
		t.Errorf("after leaving the example the screen is %T, want the first run", s.current)
	}
}

func TestReplyAttachmentIsKeptWithItsStep(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	rs := s.current.(*requestScreen)

	outside := filepath.Join(t.TempDir(), "Reply from Dr Patel.PDF")
	if err := os.WriteFile(outside, []byte("%PDF-1.4 reply"), 0o600); err != nil {
		t.Fatal(err)
	}
	f := rs.logStep(data.StepReply)
	f.outcome.SetSelected(data.OutcomeAgreed.Label())
	f.attach = outside // as the file dialog would set it
	f.onSave()
	settle(t, s)

	steps, _ := s.st.StepsFor(ctx, r.ID)
	last := steps[len(steps)-1]
	if last.Attachment != "Reply from Dr Patel.PDF" {
		t.Fatalf("the attachment is named %q, want the file's name", last.Attachment)
	}
	os.Remove(outside) // the copy must not depend on the original
	_, got, err := s.st.AttachedFile(ctx, last.ID)
	if err != nil || string(got) != "%PDF-1.4 reply" {
		t.Fatalf("the reply kept in the records reads %q, %v", got, err)
	}
	s.openAttachment(last.ID)
	settle(t, s)
	opened, err := os.ReadFile(filepath.Join(dir, openedFolder, last.ID[:8]+"-Reply from Dr Patel.PDF"))
	if err != nil || string(opened) != "%PDF-1.4 reply" {
		t.Errorf("the reply written out to open reads %q, %v", opened, err)
	}
}

func TestEscapeClosesTheTopDialog(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	f := s.current.(*requestScreen).logStep(data.StepNote)
	s.win.Canvas().Focus(f.summary.entry)
	test.Type(f.summary.entry, "x")
	f.summary.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(s.dialogs) != 0 {
		t.Errorf("Esc left %d dialogs open", len(s.dialogs))
	}
}

// A letter marked as sent keeps its whole text as it went out, even when
// it was never edited, so later records cannot change the copy on file.
func TestSentLetterKeepsItsText(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	var reqID string
	for id := range s.cl.requests {
		reqID = id
	}
	s.showLetter(data.Letter{RequestID: reqID, Kind: data.KindAskAgain, RecipientID: s.cl.requests[reqID].RecipientID})
	settle(t, s)
	ls := s.current.(*letterScreen)
	composed := ls.editor.Text
	ls.markSent(s.today(), data.SentByEmail, 0)
	settle(t, s)
	stored, _ := s.st.LettersFor(context.Background(), reqID)
	last := stored[len(stored)-1]
	if last.Kind != data.KindAskAgain || !last.Sent() || last.Body != composed {
		t.Fatalf("the sent letter's stored text differs from what was sent:\n%+v", last)
	}
}

func TestSignpostsAreTheNations(t *testing.T) {
	for _, c := range []struct {
		nation data.Nation
		says   string
		not    string
	}{
		{data.England, "Martha's Rule", "NHS 24"},
		{data.Scotland, "NHS 24", "Martha's Rule"},
		{data.NorthernIreland, "GP out-of-hours", "Martha's Rule"},
	} {
		text := cardText(signposts(c.nation))
		if !strings.Contains(text, c.says) || strings.Contains(text, c.not) {
			t.Errorf("%s signposts:\n%s", c.nation, text)
		}
	}
}

// cardText is every label's text inside o.
func cardText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Card:
			walk(v.Content)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}
