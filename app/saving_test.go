package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
)

// A second press of Save while the first save is still going (a slow or
// lost server) must not save the step twice.
func TestPressingSaveAgainWhileSavingSavesOnce(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	before, _ := s.st.StepsFor(ctx, r.ID)

	f := s.current.(*requestScreen).logStep(data.StepNote)
	test.Type(f.summary.entry, "Rang the clinic; they will call back.")
	f.onSave()
	f.onSave() // before the first save has answered
	settle(t, s)

	after, _ := s.st.StepsFor(ctx, r.ID)
	if len(after) != len(before)+1 {
		t.Fatalf("two presses of Save during one save made %d steps, want 1", len(after)-len(before))
	}
	if len(s.saving) != 0 {
		t.Errorf("the form is still marked as saving after its save ended")
	}
}

// A save that takes longer than it should says it is still going, and the
// notice goes when the save ends.
func TestASlowSaveSaysItIsStillSaving(t *testing.T) {
	s := openOn(t, t.TempDir())
	settle(t, s)
	was := slowSave
	slowSave = time.Millisecond
	defer func() { slowSave = was }()

	form := newField("summary", "Summary", "", nil)
	finish, ok := s.startSave(form)
	if !ok {
		t.Fatal("a first save was refused")
	}
	if _, again := s.startSave(form); again {
		t.Fatal("a second save of the same form was let through while the first was going")
	}
	time.Sleep(20 * time.Millisecond) // past slowSave: the notice is on its way
	s.jobs.wait()
	if top := s.win.Canvas().Overlays().Top(); len(s.dialogs) != 1 || top == nil ||
		!strings.Contains(visibleText(top), "taking longer than usual") {
		t.Fatalf("a slow save showed %d dialogs, want the still-saving notice", len(s.dialogs))
	}
	finish()
	if len(s.dialogs) != 0 {
		t.Fatalf("the notice stayed after the save ended")
	}
	if _, ok := s.startSave(form); !ok {
		t.Fatal("the form could not be saved again after its save ended")
	}
}
