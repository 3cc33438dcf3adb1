package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
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
