package app

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// bannerText is all the text in the banners above the screens.
func bannerText(s *shell) string {
	var b strings.Builder
	for _, o := range objects(s.banners) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// makeReadOnly makes the records file unwritable, even for root (which
// ignores permissions), by marking it immutable.
func makeReadOnly(t *testing.T, dir string) {
	t.Helper()
	path := filepath.Join(dir, store.FileName)
	if err := exec.Command("chattr", "+i", path).Run(); err != nil {
		t.Skipf("cannot make a read-only file here: %v", err)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
}

func TestReadOnlyRecordsShowABannerAndKeepTypedText(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	makeReadOnly(t, dir)
	s := openOn(t, dir)
	if s.st == nil || !s.st.ReadOnly() {
		t.Fatal("read-only records did not open read-only")
	}
	if !strings.Contains(bannerText(s), "changes cannot be saved") {
		t.Fatalf("no read-only banner; banners say:\n%s", bannerText(s))
	}
	s.showPeople()
	if !strings.Contains(bannerText(s), "changes cannot be saved") {
		t.Error("the read-only banner went when the screen changed")
	}

	s.editPerson(s.cl.people[0], func(data.Person) {})
	var name *entry
	for _, o := range objects(s.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*entry); ok {
			name = e
			break
		}
	}
	name.SetText("")
	test.Type(name, "Joseph Okoro-Smith")
	tapInDialog(t, s, "Save")
	s.jobs.wait()
	if msg := topDialogText(s); !strings.Contains(msg, "can only be read") {
		t.Fatalf("saving read-only records says:\n%s", msg)
	}
	if name.Text != "Joseph Okoro-Smith" || len(s.dialogs) != 2 {
		t.Errorf("after the failed save the form holds %q (%d dialogs)", name.Text, len(s.dialogs))
	}
	if people, _ := s.st.People(ctx); people[0].Name != "Joseph Okoro" {
		t.Errorf("the read-only records changed: %q", people[0].Name)
	}
}

func TestBannersForNetworkDriveAndOldBackup(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	if !strings.Contains(bannerText(s), "never been backed up") {
		t.Fatalf("records with no backup show no reminder:\n%s", bannerText(s))
	}

	s.network = "Your records are on a network drive (nfs)."
	s.refreshBanners()
	if !strings.Contains(bannerText(s), "network drive") {
		t.Fatalf("no network banner:\n%s", bannerText(s))
	}
	var closers []*widget.Button
	for _, o := range objects(s.banners) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" {
			closers = append(closers, b)
		}
	}
	test.Tap(closers[0]) // the network banner comes first
	if strings.Contains(bannerText(s), "network drive") {
		t.Error("the network banner stayed after it was put away")
	}
	s.showPeople()
	if strings.Contains(bannerText(s), "network drive") {
		t.Error("the network banner came back within the session")
	}
}
