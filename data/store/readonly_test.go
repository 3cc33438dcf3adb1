package store

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
)

// ReadOnlyFolder makes dir read-only for this test, as a read-only disk
// or a folder without write permission would be: for root, whom
// permissions do not stop, by mounting it read-only in place (skipped
// where that is not allowed); for anyone else, by taking away write
// permission from the folder and its files.
func ReadOnlyFolder(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() == 0 {
		if out, err := exec.Command("mount", "--bind", dir, dir).CombinedOutput(); err != nil {
			t.Skipf("root cannot be kept from writing here without a read-only mount: %v %s", err, out)
		}
		t.Cleanup(func() {
			if exec.Command("umount", dir).Run() != nil {
				exec.Command("umount", "-l", dir).Run() // still busy: detach it now, gone once let go
			}
		})
		if out, err := exec.Command("mount", "-o", "remount,ro,bind", dir).CombinedOutput(); err != nil {
			t.Skipf("cannot mount read-only here: %v %s", err, out)
		}
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.Chmod(filepath.Join(dir, e.Name()), 0o400)
	}
	os.Chmod(dir, 0o500)
	t.Cleanup(func() {
		os.Chmod(dir, 0o700)
		for _, e := range entries {
			os.Chmod(filepath.Join(dir, e.Name()), 0o600)
		}
	})
}

// Records in a folder that cannot be written to open for reading, by every
// way of opening them, and say why a change cannot be saved.
func TestARecordsFolderThatCannotBeWrittenOpensForReading(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addPeople(t, s, "Ffion", "Gwen")
	s.Close()
	ReadOnlyFolder(t, dir)

	for name, open := range map[string]func(string) (*Store, error){
		"Open": Open, "OpenExisting": OpenExisting, "OpenExclusive": OpenExclusive, "OpenReadOnly": OpenReadOnly} {
		s, err := open(dir)
		if err != nil {
			t.Errorf("%s of a read-only folder: %v", name, err)
			continue
		}
		if !s.ReadOnly() || names(t, s) != "Ffion,Gwen" {
			t.Errorf("%s: ReadOnly = %v, names = %q", name, s.ReadOnly(), names(t, s))
		}
		if err := s.Check(ctx); err != nil {
			t.Errorf("%s: check: %v", name, err)
		}
		p := data.Person{Name: "Non", Nation: data.Wales}
		if err := s.SavePerson(ctx, &p); !strings.Contains(data.Message(err), "can only be read") {
			t.Errorf("%s: saving: %v", name, err)
		}
		s.Close()
	}
}

// A log with the newest changes, left beside the records, is read in a
// folder that cannot be written to; without the file SQLite needs to read
// it, the records are refused with words saying why, never opened without
// those changes.
func TestAReadOnlyFolderNeverHidesTheNewestChanges(t *testing.T) {
	live := t.TempDir()
	s, err := Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	addPeople(t, s, "Ffion", "Gwen")
	copyOf := func(suffixes ...string) string {
		dir := t.TempDir()
		for _, suffix := range suffixes {
			b, err := os.ReadFile(s.Path() + suffix)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, FileName+suffix), b, 0o600)
		}
		return dir
	}
	withShm := copyOf("", "-wal", "-shm")
	withoutShm := copyOf("", "-wal")
	ReadOnlyFolder(t, withShm)
	ReadOnlyFolder(t, withoutShm)

	r, err := Open(withShm)
	if err != nil {
		t.Fatalf("a read-only folder with its log: %v", err)
	}
	if got := names(t, r); got != "Ffion,Gwen" {
		t.Errorf("read %q; the log's changes are missing", got)
	}
	r.Close()

	if r, err := Open(withoutShm); err == nil {
		got := names(t, r)
		r.Close()
		if got != "Ffion,Gwen" {
			t.Errorf("opened without the log's changes: %q", got)
		}
	} else if !strings.Contains(data.Message(err), "copy the whole data folder") || errors.Is(err, ErrDamaged) {
		t.Errorf("a log that cannot be read: %v", err)
	}
}
