package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
)

// filesIn lists a folder's names and sizes, to show nothing was changed.
func filesIn(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		m[e.Name()] = string(b)
	}
	return m
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestAnEmptyFileIsNotTakenForRecords(t *testing.T) {
	for _, open := range []func(string) (*Store, error){Open, OpenExisting} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, FileName), nil, 0o600)
		before := filesIn(t, dir)
		s, err := open(dir)
		if err == nil {
			s.Close()
			t.Fatal("an empty file was opened as records")
		}
		if !errors.Is(err, ErrNotOurs) || !strings.Contains(data.Message(err), "empty") {
			t.Errorf("message %q (%v); want one saying the file is empty", data.Message(err), err)
		}
		if after := filesIn(t, dir); !sameFiles(before, after) {
			t.Errorf("the folder changed: %v", after)
		}
	}
}

func TestAnotherProgramsDatabaseIsLeftAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, taken TEXT); INSERT INTO photos (taken) VALUES ('2026-06-01')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := filesIn(t, dir)
	for _, open := range []func(string) (*Store, error){Open, OpenExisting, OpenReadOnly} {
		s, err := open(dir)
		if err == nil {
			s.Close()
			t.Fatal("another program's database was opened as records")
		}
		if !errors.Is(err, ErrNotOurs) || !strings.Contains(data.Message(err), "not Second Opinion records") {
			t.Errorf("message %q (%v)", data.Message(err), err)
		}
	}
	if after := filesIn(t, dir); !sameFiles(before, after) {
		t.Errorf("another program's database was changed: %d files now", len(after))
	}
}

func TestANegativeSchemaVersionIsExplained(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = -1"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, open := range []func(string) (*Store, error){Open, OpenExisting, OpenReadOnly} {
		s, err := open(dir) // a panic here fails the test
		if err == nil {
			s.Close()
			t.Fatal("a negative data version was accepted")
		}
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("negative version: %v; want ErrDamaged", err)
		}
	}
	if _, err := Restore(ctx, t.TempDir(), filepath.Join(dir, FileName)); err == nil {
		t.Error("a backup with a negative data version was restored")
	}
}

// flipInPeopleTable changes one byte of a person's id in the people table
// itself (not its index), the damage SQLite's quick check does not see.
func flipInPeopleTable(t *testing.T, dir, id string) {
	t.Helper()
	path := filepath.Join(dir, FileName)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	s.db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'people'").Scan(&root)
	s.db.QueryRow("PRAGMA page_size").Scan(&pageSize)
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := b[(root-1)*pageSize : root*pageSize]
	i := bytes.Index(page, []byte(id))
	if i < 0 {
		t.Fatal("the id is not in the people table's page")
	}
	page[i+3] ^= 0x01
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// One flipped byte in a person's id is damage to every part of the
// program, not only to the check command.
func TestOneFlippedByteIsDamageEverywhere(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := data.Person{Name: "Morfudd", Nation: data.Wales}
	mustSave(t, s.SavePerson(ctx, &p))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment}
	mustSave(t, s.SaveRequest(ctx, &r))
	s.Close()
	flipInPeopleTable(t, dir, p.ID)
	damagedFile := filepath.Join(dir, FileName)

	if s, err := Open(dir); !errors.Is(err, ErrDamaged) {
		if err == nil {
			s.Close()
		}
		t.Errorf("start-up opened the damaged records: %v", err)
	}
	if s, err := OpenReadOnly(dir); !errors.Is(err, ErrDamaged) {
		if err == nil {
			s.Close()
		}
		t.Errorf("reading opened the damaged records: %v", err)
	}
	if err := verifyBackup(ctx, damagedFile); err == nil {
		t.Error("the backup check passed the damaged file")
	}
	target := t.TempDir()
	if _, err := Restore(ctx, target, damagedFile); err == nil {
		t.Error("the damaged file was restored")
	}
}

// A migration that fails half-way leaves the records at the version they
// had, not part-way up.
func TestMigrationIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	first, _ := migrationFiles.ReadFile(migrations()[0])
	if _, err := db.Exec(string(first) + "; PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	// A table in the way of the last migration makes it fail.
	// The last migration that creates a table: one in the way makes it fail.
	var last []byte
	for _, m := range migrations()[1:] {
		if b, _ := migrationFiles.ReadFile(m); strings.Contains(string(b), "CREATE TABLE") {
			last = b
		}
	}
	name := strings.Fields(string(last)[strings.Index(string(last), "CREATE TABLE"):])[2]
	if _, err := db.Exec("CREATE TABLE " + name + " (x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if s, err := Open(dir); err == nil {
		s.Close()
		t.Fatal("the migration did not fail")
	}
	db, _ = sql.Open("sqlite", "file:"+path+"?mode=ro")
	defer db.Close()
	var v int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 1 {
		t.Errorf("after a failed migration the version is %d, want 1 as before", v)
	}
}

// makeHotJournal leaves dir's database as a crash in the middle of a
// rollback-journal transaction does: changed pages in the file and the
// journal that undoes them beside it.
func makeHotJournal(t *testing.T, dir string) {
	t.Helper()
	src := t.TempDir()
	path := filepath.Join(src, FileName)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(1)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("CREATE TABLE half (x); INSERT INTO half SELECT zeroblob(1000) FROM generate_series(1, 200)"); err != nil {
		// No generate_series: insert in a loop.
		tx.Exec("CREATE TABLE half (x)")
		for i := 0; i < 200; i++ {
			tx.Exec("INSERT INTO half VALUES (zeroblob(1000))")
		}
	}
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil || len(b) == 0 {
			t.Fatalf("no %s to copy: %v", suffix, err)
		}
		os.WriteFile(filepath.Join(dir, FileName+suffix), b, 0o600)
	}
	tx.Rollback()
	db.Close()
}

// A crash while a folder was first made (by an older version, which made
// the database in place) leaves a hot journal: the next start undoes the
// interrupted work and finishes making the folder, and says so.
func TestAnInterruptedCreationIsUndoneAndFinished(t *testing.T) {
	dir := t.TempDir()
	makeHotJournal(t, dir)
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("after an interrupted creation: %v (%q)", err, data.Message(err))
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v != LatestSchema() {
		t.Errorf("version %d", v)
	}
	if !strings.Contains(s.Recovered(), "interrupted") {
		t.Errorf("nothing says what happened: %q", s.Recovered())
	}
	addPeople(t, s, "Eluned")
	if _, err := os.Stat(filepath.Join(dir, FileName+"-journal")); err == nil {
		t.Error("the journal is still there")
	}
}

// Restore into a folder with a hot journal moves the journal aside with the
// database it belongs to, so it is never applied to the restored records.
func TestRestoreMovesAHotJournalAsideWithItsDatabase(t *testing.T) {
	dir := t.TempDir()
	makeHotJournal(t, dir)
	other := openTemp(t)
	addPeople(t, other, "Owain")
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := other.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, dir, backup); err != nil {
		t.Fatalf("restore over a hot journal: %v", err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := names(t, s); got != "Owain" {
		t.Errorf("restored: %q", got)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}
