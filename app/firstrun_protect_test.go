package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data/vault"
)

// topDialogWidgets are the password boxes, text boxes and labels of the
// dialog on top.
func topDialogWidgets(t *testing.T, s *shell) (boxes []*widget.Entry, labels []*widget.Label) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	for _, o := range objects(top) {
		switch v := o.(type) {
		case *widget.Entry:
			boxes = append(boxes, v)
		case *widget.Label:
			labels = append(labels, v)
		}
	}
	return boxes, labels
}

// The first run offers protection; ticked, choosing who the program is
// for goes on to the passphrase and the recovery key.
func TestFirstRunOffersProtection(t *testing.T) {
	s := openOn(t, t.TempDir())
	fr, ok := s.current.(*firstRunScreen)
	if !ok || fr.protect == nil {
		t.Fatalf("the first screen is %T, with no offer to protect", s.current)
	}
	test.Tap(fr.protect)
	test.Tap(fr.choices[modeSurgery])
	s.jobs.wait()
	if _, ok := s.current.(*todayScreen); !ok {
		t.Fatalf("behind the passphrase the screen is %T, want Today", s.current)
	}
	boxes, _ := topDialogWidgets(t, s)
	if len(boxes) != 2 || !strings.Contains(topDialogText(s), "Choose a passphrase") {
		t.Fatalf("the passphrase is not asked for: %q", topDialogText(s))
	}
	test.Type(boxes[0], "harbour kettle juniper nine")
	test.Type(boxes[1], "harbour kettle juniper nine")
	tapInDialog(t, s, "Next")

	boxes, labels := topDialogWidgets(t, s)
	var groups []string
	for _, l := range labels {
		if l.TextStyle.Monospace {
			groups = strings.Fields(l.Text)
		}
	}
	if len(groups) != 7 || !strings.Contains(topDialogText(s), "Save a page to print") {
		t.Fatalf("the recovery key dialog: %q", topDialogText(s))
	}
	test.Type(boxes[0], groups[6])
	tapInDialog(t, s, "Turn protection on")
	s.jobs.wait()
	if !s.st.Protected() || !strings.Contains(topDialogText(s), "now protected") {
		t.Fatalf("protection is not on (%v): %q", s.st.Protected(), topDialogText(s))
	}
	if got, _ := s.st.Setting(ctx, settingMode); got != string(modeSurgery) {
		t.Errorf("the mode was not kept: %q", got)
	}
}

func TestFirstRunWithoutProtectionAsksNothing(t *testing.T) {
	s := openOn(t, t.TempDir())
	chooseMode(t, s, modeSelf) // fails on any dialog
	if s.st.Protected() {
		t.Error("protected without being asked")
	}
}

// The page to print holds the key and what it is for, owner-only.
func TestRecoveryKeyPageIsSavedToPrint(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	rk, err := vault.NewRecoveryKey()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "key.pdf")
	s.saveRecoveryKeyPage(rk, path)
	s.jobs.wait()
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the page: %v, %v", info, err)
	}
	if !strings.Contains(topDialogText(s), "then delete the file") {
		t.Errorf("the message after saving: %q", topDialogText(s))
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command(bin, path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	text := squash(string(out))
	for _, want := range []string{strings.Join(rk.Groups(), ""), dir, "If both are lost"} {
		if !strings.Contains(text, squash(want)) {
			t.Errorf("the page lacks %q:\n%s", want, text)
		}
	}
}
