package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/store"
)

// A refusal that came without reasons is recorded as such, and changing
// what happened never throws away the answer already chosen.
func TestReplyRecordsARefusalWithoutReasons(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	f := s.current.(*requestScreen).logStep(data.StepReply)
	if f.noReason.Visible() {
		t.Error("no reasons is offered before any refusal was chosen")
	}
	f.outcome.SetSelected(data.OutcomeRefused.Label())
	if !f.noReason.Visible() {
		t.Fatal("a refusal does not offer to record that no reasons were given")
	}
	test.Tap(f.noReason)

	f.kindPick.SetSelected(data.StepCall.Label())
	if f.outcome.Selected != data.OutcomeRefused.Label() {
		t.Errorf("changing reply to call cleared the answer (now %q)", f.outcome.Selected)
	}
	f.kindPick.SetSelected(data.StepNote.Label())
	f.kindPick.SetSelected(data.StepReply.Label())
	if f.outcome.Selected != data.OutcomeRefused.Label() || !f.noReason.Checked {
		t.Errorf("going to a note and back to a reply lost the answer: %q, no reasons %v", f.outcome.Selected, f.noReason.Checked)
	}
	tapInDialog(t, s, "Save")
	settle(t, s)

	steps, _ := s.st.StepsFor(ctx, r.ID)
	last := steps[len(steps)-1]
	if last.Kind != data.StepReply || last.Outcome != data.OutcomeRefused || !last.NoReasons {
		t.Errorf("the reply stored is %+v; want a refusal without reasons", last)
	}
}

// A note has no answer and answers no letter: the dialog shows neither
// row, not a label with nothing beside it. A reply shows both, with the
// letters sent to choose from.
func TestLoggingShowsOnlyTheRowsWhatHappenedHas(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	second := data.Letter{RequestID: r.ID, Kind: data.KindSecondOpinionDiagnosis, RecipientID: r.RecipientID, SentHow: data.SentByPost}
	if err := st.MarkSent(ctx, &second, &data.Step{On: data.Today().AddDays(-5)}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	f := s.current.(*requestScreen).logStep(data.StepNote)
	for _, c := range []struct {
		kind              data.StepKind
		answer, answering bool
	}{{data.StepNote, false, false}, {data.StepReply, true, true}, {data.StepCall, true, false}, {data.StepClosed, true, false}, {data.StepNote, false, false}} {
		f.kindPick.SetSelected(c.kind.Label())
		if f.answerL.Visible() != c.answer || f.outcome.Visible() != c.answer || f.answerBox.Visible() != c.answer {
			t.Errorf("%s: their answer's label shown %v, its choices %v; want %v", c.kind, f.answerL.Visible(), f.outcome.Visible(), c.answer)
		}
		if f.answersL.Visible() != c.answering || f.answers.Visible() != c.answering {
			t.Errorf("%s: the letter answered shown %v and %v; want %v", c.kind, f.answersL.Visible(), f.answers.Visible(), c.answering)
		}
	}
	if len(f.answers.Options) != 2 {
		t.Errorf("a reply may answer %v; want the two letters sent", f.answers.Options)
	}
}
