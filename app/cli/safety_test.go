package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data/store"
)

// A word altered inside a person's record, past the program, is reported
// by check as damage to people, with the day and the number, and never
// with the words themselves.
func TestCheckReportsAlteredWordsByKind(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "20"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	var name string
	if err := db.QueryRow("SELECT name FROM people ORDER BY id LIMIT 1").Scan(&name); err != nil {
		t.Fatal(err)
	}
	altered := name[:len(name)-1] + "q"
	if _, err := db.Exec("UPDATE people SET name = ? WHERE name = ?", altered, name); err != nil {
		t.Fatal(err)
	}
	db.Close()

	code, out, stderr := runAdmin(t, "check", "-data", dir)
	if code != ExitFailure {
		t.Fatalf("check of altered records: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "damaged\tpeople\t") || !strings.HasSuffix(strings.TrimSpace(out), "\t1") {
		t.Errorf("check did not list the damaged person:\n%s", out)
	}
	if !strings.Contains(stderr, "1 person, last saved on") {
		t.Errorf("check did not say so in words: %q", stderr)
	}
	if strings.Contains(out+stderr, name) || strings.Contains(out+stderr, altered) {
		t.Errorf("check printed the person's name:\n%s%s", out, stderr)
	}
}

// When opening undid work a crash interrupted, check says so first.
func TestCheckSaysWhatWasRecovered(t *testing.T) {
	dir := t.TempDir()
	makeHotJournal(t, dir)
	code, out, stderr := runAdmin(t, "check", "-data", dir)
	if code != ExitOK {
		t.Fatalf("check after an interrupted creation: exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "recovered\t") || !strings.Contains(out, "interrupted") {
		t.Errorf("check did not say what it put right:\n%s", out)
	}
	// Only once: the next check has nothing to say about it.
	if _, out, _ := runAdmin(t, "check", "-data", dir); strings.Contains(out, "recovered") {
		t.Errorf("the second check says it again:\n%s", out)
	}
}

// makeHotJournal leaves dir's database as a crash part-way through making
// it does: changed pages in the file and the journal that undoes them.
func makeHotJournal(t *testing.T, dir string) {
	t.Helper()
	src := t.TempDir()
	path := filepath.Join(src, store.FileName)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	tx.Exec("CREATE TABLE half (x)")
	for i := 0; i < 200; i++ {
		tx.Exec("INSERT INTO half VALUES (zeroblob(1000))")
	}
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil || len(b) == 0 {
			t.Fatalf("no %s to copy: %v", suffix, err)
		}
		if err := os.WriteFile(filepath.Join(dir, store.FileName+suffix), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}
