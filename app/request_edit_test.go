package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/letters"
)

func TestEditingRequestDetailsSaves(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	s.showEditRequest(r.ID)
	e, ok := s.current.(*requestEditScreen)
	if !ok {
		t.Fatalf("Edit details opened %T", s.current)
	}
	about := e.pages[0].(*aboutPage)
	if about.condition.text() != "asthma" {
		t.Fatalf("the form opened with the condition %q, want the request's own", about.condition.text())
	}
	about.condition.entry.SetText("")
	test.Type(about.condition.entry, "severe asthma")
	var want *outcomePage
	var colleague *colleaguePage
	for _, p := range e.pages {
		switch v := p.(type) {
		case *outcomePage:
			want = v
		case *colleaguePage:
			colleague = v
		}
	}
	test.Type(want.want.entry, "A referral to the chest clinic.")
	test.Type(colleague.questions.entry, "Is this asthma or something else?")
	test.Type(colleague.timescale.entry, "within six weeks")
	test.Tap(e.saveBtn)
	settle(t, s)

	if _, ok := s.current.(*requestScreen); !ok {
		t.Fatalf("after saving the screen is %T, want the request", s.current)
	}
	got, err := s.st.Request(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Condition != "severe asthma" || got.OutcomeWanted != "A referral to the chest clinic." {
		t.Errorf("saved as condition %q, asking for %q", got.Condition, got.OutcomeWanted)
	}
	if got.Route != data.RouteReview || got.RecipientID != r.RecipientID || !got.RaisedWithDoctor {
		t.Errorf("answers not on the form changed: %+v", got)
	}
	if got, _ := s.cl.request(r.ID); got.Condition != "severe asthma" {
		t.Error("the window still shows the old condition")
	}
	if got.Questions != "Is this asthma or something else?" || got.Timescale != "within six weeks" {
		t.Errorf("the referral's questions %q and timescale %q were not saved", got.Questions, got.Timescale)
	}
	// The clinician's referral asks the colleague exactly that question.
	p, _ := s.cl.person(got.PersonID)
	l, err := letters.Compose(letters.Input{Kind: data.KindClinicianReferral, Person: p, Request: got, Date: s.today()})
	if err != nil || !strings.Contains(letters.RenderText(l), "• Is this asthma or something else?") ||
		!strings.Contains(letters.RenderText(l), "within six weeks") {
		t.Errorf("the referral does not carry the questions and timescale (%v):\n%s", err, letters.RenderText(l))
	}
}

func TestSurgeryFirstLetterIsTheReceipt(t *testing.T) {
	s := openOn(t, t.TempDir())
	chooseMode(t, s, modeSurgery)
	s.onNewRequest()
	w := s.current.(*wizard)
	test.Type(w.who.form.name.entry, "Priya Shah")
	test.Type(w.who.form.born.entry, "02/07/1980")
	next(t, s, w, 1)
	w.what.subject.SetSelected(subjectWords[data.SubjectDiagnosis])
	test.Type(w.what.condition.entry, "migraine")
	next(t, s, w, 2)
	w.ask.raised.SetSelected(raisedYes)
	next(t, s, w, 3)
	w.path.radios[1].SetSelected(data.RouteLocal.Label())
	for step := 4; step <= 9; step++ {
		next(t, s, w, step)
	}
	w.to.choice.SetSelected(pickNewContact)
	test.Type(w.to.form.name.entry, "Dr C Evans")
	test.Tap(w.next)
	settle(t, s)
	ls, ok := s.current.(*letterScreen)
	if !ok {
		t.Fatalf("the wizard ended on %T, want the letter", s.current)
	}
	if ls.rec.Kind != data.KindReceptionReceipt {
		t.Errorf("at a surgery the first letter is %q, want the receipt", ls.rec.Kind)
	}
}

// The note under the edit form takes the width the buttons leave; in a
// row of its own width it wrapped one letter to a line and filled the
// screen.
func TestTheEditFormsNoteIsOneLineWide(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.win.Resize(fyne.NewSize(1280, 760))
	s.showEditRequest(r.ID)
	settle(t, s)
	e := s.current.(*requestEditScreen)
	if w, h := e.status.Size().Width, e.status.Size().Height; w < 400 || h > 200 {
		t.Errorf("the note under the form is %.0f wide and %.0f high", w, h)
	}
}
