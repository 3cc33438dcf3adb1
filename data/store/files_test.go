package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"secondopinion/data/safefile"
)

// What a crash left on the way to a final file (a part-made backup, an
// output's temporary file, a database being made or restored) is removed
// at the next start; the person's own files are not.
func TestTheNextStartRemovesWhatACrashLeft(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	backups := filepath.Join(dir, BackupFolder)
	os.MkdirAll(backups, 0o700)
	left := []string{
		filepath.Join(dir, FileName+restoringSuffix),
		filepath.Join(dir, FileName+creatingSuffix+"-journal"),
		filepath.Join(dir, ".figures.csv.partial-2718281828"),
		filepath.Join(backups, "secondopinion-20261121-090000.000.db"+partialSuffix),
		filepath.Join(backups, ".by-hand.db.partial-31415"),
	}
	kept := []string{filepath.Join(dir, ".my-notes"), filepath.Join(backups, "secondopinion-20261120-090000.000.db")}
	for _, p := range append(append([]string{}, left...), kept...) {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s, err = OpenExclusive(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, p := range left {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("left behind: %s", filepath.Base(p))
		}
	}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("removed the person's own %s", filepath.Base(p))
		}
	}
}

// A backup is never written over a link, nor through it.
func TestABackupIsNotWrittenOverALink(t *testing.T) {
	s := openTemp(t)
	addPeople(t, s, "Ffion")
	dir := t.TempDir()
	target := filepath.Join(dir, "target.db")
	link := filepath.Join(dir, "backup.db")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	if err := s.Backup(ctx, link); !errors.Is(err, safefile.ErrLink) {
		t.Errorf("backup over a link: %v", err)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("the backup was written through the link")
	}
}

// Every file the store makes beside the records is owner-only.
func TestFilesBesideTheRecordsAreOwnerOnly(t *testing.T) {
	s := openTemp(t)
	addPeople(t, s, "Ffion")
	if _, err := s.AutoBackup(ctx, 3); err != nil {
		t.Fatal(err)
	}
	filepath.Walk(s.Dir(), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && info.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s is %v", filepath.Base(p), info.Mode().Perm())
		}
		return nil
	})
}
