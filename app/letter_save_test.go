package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
)

// A letter that cannot be set is explained before the save dialog opens:
// the dialog creates the file as soon as a place is chosen, and setting the
// letter after it left an empty file on disk.
func TestUnprintableLetterIsExplainedBeforeAnyFile(t *testing.T) {
	s, ls := openNewLetter(t, data.KindAskAgain)
	test.Type(ls.editor, "I feel 😀 about it. ")
	ls.onSavePDF()
	s.jobs.wait()
	if len(s.dialogs) == 0 || !strings.Contains(topDialogText(s), "grinning face") {
		t.Fatalf("saving a letter with a character no font has did not explain it first; top dialog:\n%s", topDialogText(s))
	}
}

// openNewLetter opens a new letter of the kind for a stored request.
func openNewLetter(t *testing.T, kind string) (*shell, *letterScreen) {
	t.Helper()
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showNewLetter(r.ID, kind)
	settle(t, s)
	return s, s.current.(*letterScreen)
}
