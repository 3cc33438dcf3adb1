package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

func TestDeletingAStepAsksThenRemovesItButKeepsTheLetter(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	rs := s.current.(*requestScreen)
	sent := wholeTimeline(t, s, r.ID)[0]

	rs.confirmDeleteStep(sent)
	if msg := topDialogText(s); !strings.Contains(msg, "letter itself is kept") {
		t.Fatalf("the question does not say the letter is kept:\n%s", msg)
	}
	tapInDialog(t, s, "Keep it")
	s.jobs.wait()
	if steps, _ := s.st.StepsFor(ctx, r.ID); len(steps) != 1 {
		t.Fatalf("Keep it left %d steps, want 1", len(steps))
	}

	rs.confirmDeleteStep(sent)
	tapInDialog(t, s, "Delete")
	settle(t, s)
	if steps, _ := s.st.StepsFor(ctx, r.ID); len(steps) != 0 {
		t.Fatalf("after Delete the store has %d steps", len(steps))
	}
	if len(s.cl.digest(r.ID).steps) != 0 || !strings.Contains(topText(rs.steps), "Nothing has happened yet") {
		t.Error("the timeline still shows the deleted step")
	}
	if ls, _ := s.st.LettersFor(ctx, r.ID); len(ls) != 1 || !ls[0].Sent() {
		t.Errorf("deleting the step touched the letter: %+v", ls)
	}
}

func TestCorrectingAStepSavesIt(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	rs := s.current.(*requestScreen)
	sent := wholeTimeline(t, s, r.ID)[0]

	e := rs.editStep(sent)
	newDate := s.today().AddDays(-10)
	e.on.entry.SetText("")
	test.Type(e.on.entry, newDate.UK())
	test.Type(e.summary.entry, "Posted first class.")
	e.onSave()
	settle(t, s)
	steps, _ := s.st.StepsFor(ctx, r.ID)
	if len(steps) != 1 {
		t.Fatalf("after correcting there are %d steps", len(steps))
	}
	got := steps[0]
	if got.On != newDate || got.Summary != "Posted first class." || got.LetterID != sent.LetterID {
		t.Errorf("the step was saved as %+v", got)
	}
	if !got.DueOn.After(sent.DueOn) {
		t.Errorf("the due date %v did not move with the later date (was %v)", got.DueOn, sent.DueOn)
	}
	if !strings.Contains(topText(rs.steps), "Posted first class.") {
		t.Error("the timeline does not show the corrected summary")
	}
}

// topText is every label's text under o.
func topText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range objects(o) {
		if l, ok := x.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// wholeTimeline is a request's timeline as the screens read it when the
// request is opened: with summaries, attachments and letters' ids.
func wholeTimeline(t *testing.T, s *shell, requestID string) []data.Step {
	t.Helper()
	steps, ok := s.cl.timeline(requestID)
	if !ok {
		t.Fatal("the request's whole timeline was not read when it was opened")
	}
	return steps
}
