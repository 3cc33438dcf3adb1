package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
)

// A save that fails must leave what was typed on screen and say why. The
// store is closed under the screen, so every write fails.

func wantErrorShown(t *testing.T, s *shell) {
	t.Helper()
	if len(s.dialogs) == 0 || !strings.Contains(topDialogText(s), "nothing was changed") {
		t.Fatalf("no error dialog explains the failed save; top dialog:\n%s", topDialogText(s))
	}
}

func TestFailedWizardSaveKeepsWhatWasTyped(t *testing.T) {
	s := openOn(t, t.TempDir())
	w := startWizardAsCarer(t, s)
	w.ask.raised.SetSelected(raisedYes)
	test.Type(w.ask.tried.entry, "We spoke to Dr Rahman in May.")
	s.st.Close()
	test.Tap(w.next)
	s.jobs.wait()
	wantErrorShown(t, s)
	if w.step != 2 || w.ask.tried.text() != "We spoke to Dr Rahman in May." {
		t.Fatalf("after a failed save the wizard is on page %d with %q", w.step+1, w.ask.tried.text())
	}
	// Moving elsewhere tries to keep it, fails, and stays.
	s.showToday()
	s.jobs.wait()
	if s.current != w {
		t.Fatalf("a page that could not be kept was left for %T", s.current)
	}
}

func TestFailedLetterSaveKeepsTheEdits(t *testing.T) {
	s, ls := openNewLetter(t, data.KindAskAgain)
	test.Type(ls.editor, "In my own words. ")
	s.st.Close()
	ls.onSave()
	s.jobs.wait()
	wantErrorShown(t, s)
	if !strings.HasPrefix(ls.editor.Text, "In my own words. ") || s.current != ls {
		t.Fatalf("after a failed save the letter reads:\n%s", ls.editor.Text)
	}
}

func TestFailedReplyLogKeepsTheDialog(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	f := s.current.(*requestScreen).logStep(data.StepReply)
	f.outcome.SetSelected(data.OutcomeRefused.Label())
	test.Type(f.summary.entry, "They will not refer her.")
	s.st.Close()
	f.onSave()
	s.jobs.wait()
	wantErrorShown(t, s)
	if f.summary.text() != "They will not refer her." || f.outcome.Selected != data.OutcomeRefused.Label() {
		t.Fatalf("after a failed save the dialog holds %q, %q", f.summary.text(), f.outcome.Selected)
	}
	if len(s.dialogs) != 2 || s.dialogs[0] != f.dlg {
		t.Errorf("the reply dialog was closed by the failed save (%d dialogs open)", len(s.dialogs))
	}
}
