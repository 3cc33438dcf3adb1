package store

import (
	"fmt"
	"strings"
	"testing"

	"secondopinion/data"
)

// A full disk is simulated with SQLite's max_page_count, which fails a
// write with the same SQLITE_FULL a full disk gives.
func TestFullDiskRollsBackAndExplains(t *testing.T) {
	s := openTemp(t)
	addPeople(t, s, "Heledd")
	s.db.SetMaxOpenConns(1) // the pragma is per connection
	var pages int
	if err := s.db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	big := data.Person{Name: "Iwan", Nation: data.Wales, Notes: strings.Repeat("Llanfair ", 100_000)}
	err := s.SavePerson(ctx, &big)
	if err == nil {
		t.Fatal("a save larger than the space left succeeded")
	}
	if msg := data.Message(err); !strings.Contains(msg, "disk is full") || !strings.Contains(msg, "still on screen") {
		t.Errorf("message %q does not explain the full disk", msg)
	}
	if big.ID != "" {
		t.Error("the record was given an id although it was not saved")
	}
	if got := names(t, s); got != "Heledd" {
		t.Errorf("after the failed save: %s", got)
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("integrity after the failed save: %v", err)
	}
}

func TestBusyDatabaseExplains(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// Hold the write lock in a; b's write must fail after the busy timeout
	// with words a person can act on, not SQLITE_BUSY.
	tx, err := a.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec("INSERT INTO settings (key, value) VALUES ('held', 'x')"); err != nil {
		t.Fatal(err)
	}
	b.db.SetMaxOpenConns(1) // so the shorter timeout applies to the write
	if _, err := b.db.Exec("PRAGMA busy_timeout = 50"); err != nil {
		t.Fatal(err)
	}
	err = b.SetSetting(ctx, "other", "y")
	if msg := data.Message(err); !strings.Contains(msg, "another copy of Second Opinion") {
		t.Errorf("busy write: %v (%q)", err, msg)
	}
}
