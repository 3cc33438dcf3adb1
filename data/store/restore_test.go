package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"secondopinion/data/vault"
)

// Two restores in the same second must each keep what they replaced under
// its own name: the first one's kept-aside records are the only copy of
// the records from before either restore.
func TestRestoresInTheSameSecondKeepEveryCopyAside(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		addPeople(t, s, fmt.Sprintf("Original %02d", i))
	}
	s.Close()
	other := openTemp(t)
	addPeople(t, other, "From the backup")
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := other.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}

	keptAside := func() string {
		t.Helper()
		done, err := Restore(ctx, dir, backup)
		if err != nil {
			t.Fatal(err)
		}
		return done.KeptAside
	}
	first, second := keptAside(), keptAside()
	if first == second {
		t.Fatalf("both restores kept the old records in %s", first)
	}
	if got := peopleIn(t, first); got != 20 {
		t.Errorf("the first restore's kept-aside copy holds %d people, want the 20 originals", got)
	}

	// At once: each either finishes, keeping its own copy aside, or is
	// turned away because the folder is busy.
	var wg sync.WaitGroup
	asides := make([]Restored, 4)
	errs := make([]error, 4)
	for i := range asides {
		wg.Add(1)
		go func() {
			defer wg.Done()
			asides[i], errs[i] = Restore(ctx, dir, backup)
		}()
	}
	wg.Wait()
	seen := map[string]bool{first: true, second: true}
	for i, a := range asides {
		if errs[i] != nil {
			if !errors.Is(errs[i], ErrInUse) {
				t.Errorf("restore %d: %v", i, errs[i])
			}
			continue
		}
		if seen[a.KeptAside] {
			t.Errorf("restore %d kept its records in %s, already used", i, a.KeptAside)
		}
		seen[a.KeptAside] = true
	}
	if got := peopleIn(t, first); got != 20 {
		t.Errorf("after more restores the first kept-aside copy holds %d people", got)
	}
}

// peopleIn counts the people in a database file kept aside, reading a copy
// so that the file itself is never touched.
func peopleIn(t *testing.T, path string) int {
	t.Helper()
	copyDir := t.TempDir()
	for _, suffix := range []string{"", "-wal"} {
		if b, err := os.ReadFile(path + suffix); err == nil {
			os.WriteFile(filepath.Join(copyDir, FileName+suffix), b, 0o600)
		}
	}
	s, err := Open(copyDir)
	if err != nil {
		t.Fatalf("the copy kept aside in %s cannot be opened: %v", path, err)
	}
	defer s.Close()
	counts, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return counts[0].N
}

// After a restore the audit log still says what was done with the records
// between the backup and the restore (kept until then only in the copy
// put aside), once each, and that the records were restored.
func TestARestoreKeepsTheAuditLogSinceTheBackup(t *testing.T) {
	dir := t.TempDir()
	s, backup := backedUp(t, dir)
	before, _, err := s.AuditLog(ctx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Note(ctx, AuditExported, AuditPerson, "after-the-backup"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = restoreAndOpen(t, dir, backup)
	after, _, err := s.AuditLog(ctx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range after {
		count[e.Action+" "+e.Record]++
	}
	if count[AuditExported+" after-the-backup"] != 1 {
		t.Errorf("the export made after the backup is in the restored log %d times, want once", count[AuditExported+" after-the-backup"])
	}
	if count[AuditRestored+" "] != 1 {
		t.Errorf("the restore is noted %d times, want once", count[AuditRestored+" "])
	}
	if want := len(before) + 2; len(after) != want {
		t.Errorf("the restored log has %d entries, want the %d of the backup, the export and the restore", len(after), len(before))
	}
	if after[0].Action != AuditRestored {
		t.Errorf("the newest entry is %q, want the restore", after[0].Action)
	}
}

// When the records replaced cannot give up their audit log (damaged, as
// records being replaced often are), the restore still stands and is
// noted, and says that the log since the backup was not carried over.
func TestARestoreSaysWhenTheLogCouldNotBeCarried(t *testing.T) {
	dir := t.TempDir()
	s, backup := backedUp(t, dir)
	s.Close()
	db, err := sql.Open("sqlite", dsn(filepath.Join(dir, FileName), false))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("DROP TABLE audit"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	done, err := Restore(ctx, dir, backup)
	if err != nil {
		t.Fatal(err)
	}
	if !done.LogNotCarried || done.KeptAside == "" || done.LogError == nil {
		t.Errorf("the restore over records without a log says %+v", done)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if log, _, err := s.AuditLog(ctx, AuditFilter{Action: AuditRestored}); err != nil || len(log) != 1 {
		t.Errorf("the restore is noted %d times (%v), want once", len(log), err)
	}

	// A restore whose log was carried says so.
	s.Close()
	if done, err := Restore(ctx, dir, backup); err != nil || done.LogNotCarried || done.LogError != nil {
		t.Errorf("a restore over whole records: %+v, %v", done, err)
	}
}

// backedUp opens records in dir with one person in them, and backs them
// up; the records are left open.
func backedUp(t *testing.T, dir string) (*Store, string) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addPeople(t, s, "Joseph Okoro")
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	return s, backup
}

// Restoring protected records notes the restore too, though the records
// are still locked when it is written.
func TestRestoringProtectedRecordsIsNoted(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addPeople(t, s, "Joseph Okoro")
	key, _ := vault.NewRecoveryKey()
	if _, err := s.Protect(ctx, "a long enough passphrase", key); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = restoreAndOpen(t, dir, backup)
	if err := s.Unlock(ctx, "a long enough passphrase"); err != nil {
		t.Fatal(err)
	}
	log, _, err := s.AuditLog(ctx, AuditFilter{Action: AuditRestored})
	if err != nil || len(log) != 1 {
		t.Errorf("the restore of protected records is noted %d times (%v), want once", len(log), err)
	}
}

// restoreAndOpen restores the backup into dir and opens what it restored,
// closed when the test ends.
func restoreAndOpen(t *testing.T, dir, backup string) *Store {
	t.Helper()
	if _, err := Restore(ctx, dir, backup); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
