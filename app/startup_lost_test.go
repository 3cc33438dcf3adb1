package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// lostLog leaves dir as a crash with a damaged log does: the newest 30
// people were committed but only into the log, and one bit of it flipped.
func lostLog(t *testing.T, dir string) {
	t.Helper()
	seedRequest(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AutoBackup(ctx, 10); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 30; i++ {
		p := data.Person{Name: fmt.Sprintf("Newest %d", i), Nation: data.Wales}
		if err := st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	// Copy the files as they stand, before closing folds the log in.
	crashed := map[string][]byte{}
	for _, suffix := range []string{"", "-wal", "-commits"} {
		crashed[suffix], _ = os.ReadFile(filepath.Join(dir, store.FileName+suffix))
	}
	st.Close()
	wal := crashed["-wal"]
	wal[len(wal)/2] ^= 0x04
	for suffix, b := range crashed {
		os.WriteFile(filepath.Join(dir, store.FileName+suffix), b, 0o600)
	}
}

func TestLostChangesAreSaidAndNothingIsWrittenUntilThePersonChooses(t *testing.T) {
	dir := t.TempDir()
	lostLog(t, dir)
	before, _ := os.ReadFile(filepath.Join(dir, store.FileName+"-wal"))

	s := openPlain(t, dir)
	ss, ok := s.current.(*startupScreen)
	if !ok || !strings.Contains(ss.title, "lost") {
		t.Fatalf("a damaged log shows %T (%v), want the lost-changes screen", s.current, ok)
	}
	if s.st != nil {
		t.Fatal("the records were opened before the person chose")
	}
	if !strings.Contains(ss.message.Text, "saved changes are missing") {
		t.Errorf("the message does not say changes were lost: %q", ss.message.Text)
	}
	after, _ := os.ReadFile(filepath.Join(dir, store.FileName+"-wal"))
	if string(before) != string(after) {
		t.Fatal("the log was written to before the person chose")
	}
	if ss.restore.Disabled() || !strings.HasPrefix(ss.restore.Text, "Restore the backup from") {
		t.Errorf("the newest backup is not offered: %q", ss.restore.Text)
	}

	var keep *widget.Button
	for _, o := range objects(ss.buttons) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Keep working") {
			keep = b
		}
	}
	if keep == nil {
		t.Fatal("no way to keep working with the records as they are")
	}
	test.Tap(keep)
	s.jobs.wait()
	if s.st == nil {
		t.Fatalf("keeping the records did not open them (screen %T)", s.current)
	}
	if n := len(s.cl.people); n < 1 || n >= 31 {
		t.Errorf("%d people after keeping what was there", n)
	}
}
