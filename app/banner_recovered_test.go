package app

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data/store"
)

// interruptChange leaves the records in dir as a crash part-way through a
// change in a rollback journal does: changed pages in the file and the
// journal that undoes them beside it.
func interruptChange(t *testing.T, dir string) {
	t.Helper()
	src := filepath.Join(t.TempDir(), store.FileName)
	b, err := os.ReadFile(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(src, b, 0o600)
	db, err := sql.Open("sqlite", "file:"+src+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(1)")
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
		b, err := os.ReadFile(src + suffix)
		if err != nil || len(b) == 0 {
			t.Fatalf("no %s to copy: %v", suffix, err)
		}
		os.WriteFile(filepath.Join(dir, store.FileName+suffix), b, 0o600)
	}
}

// When opening undid a change a crash interrupted, the window says so
// once, in plain words, above the screens; the next start does not.
func TestTheWindowSaysWhatOpeningPutRight(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	interruptChange(t, dir)

	s := openOn(t, dir)
	if s.st == nil {
		t.Fatal("the records did not open")
	}
	if text := bannerText(s); !strings.Contains(text, "interrupted when the program last stopped has been undone") {
		t.Fatalf("nothing says what was put right; banners say:\n%s", text)
	}
	s.showPeople()
	if !strings.Contains(bannerText(s), "has been undone") {
		t.Error("the banner went when the screen changed, before it was put away")
	}
	s.dismiss(bannerRecovered)()
	if strings.Contains(bannerText(s), "has been undone") {
		t.Error("the banner stayed after it was put away")
	}
	s.closeStore()

	again := openOn(t, dir)
	if strings.Contains(bannerText(again), "undone") {
		t.Errorf("the next start says it again:\n%s", bannerText(again))
	}
}

// Words changed inside a record stop the window at the damaged screen,
// which says which kinds of record and when they were saved, never the words.
func TestTheDamagedScreenSaysWhichRecordsChanged(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE people SET name = 'Joseph Okorp'"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openOn(t, dir)
	ss, ok := s.current.(*startupScreen)
	if !ok || s.st != nil {
		t.Fatalf("records with altered words opened (%T)", s.current)
	}
	if msg := ss.message.Text; !strings.Contains(msg, "1 person, last saved on") || strings.Contains(msg, "Okor") {
		t.Errorf("the damaged screen says:\n%s", msg)
	}
}
