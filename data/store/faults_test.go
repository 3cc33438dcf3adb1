package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// After a save fails on a full disk, the room it took in the log is given
// back, and the message names the folder of old backups to clear.
func TestFullDiskGivesBackTheLogAndSaysWhatToFree(t *testing.T) {
	s := openTemp(t)
	addPeople(t, s, "Heledd")
	for i := 0; i < 3; i++ {
		if _, err := s.AutoBackup(ctx, 5); err != nil {
			t.Fatal(err)
		}
		addPeople(t, s, fmt.Sprintf("Person %d", i))
	}
	s.db.SetMaxOpenConns(1)
	var pages int
	s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	big := data.Person{Name: "Iwan", Nation: data.Wales, Notes: strings.Repeat("Llanfair ", 100_000)}
	err := s.SavePerson(ctx, &big)
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("save on a full disk: %v", err)
	}
	msg := data.Message(err)
	folder := filepath.Join(s.Dir(), BackupFolder)
	if !strings.Contains(msg, folder) || !strings.Contains(msg, "keep the newest") {
		t.Errorf("message %q does not say which backups to free", msg)
	}
	if info, err := os.Stat(s.Path() + "-wal"); err == nil && info.Size() > 0 {
		t.Errorf("the log still takes %d bytes after the failed save", info.Size())
	}
	if got := names(t, s); !strings.Contains(got, "Heledd") || strings.Contains(got, "Iwan") {
		t.Errorf("after the failed save: %s", got)
	}
}

// sqliteErr stands in for an error from SQLite with its result code.
type sqliteErr int

func (e sqliteErr) Error() string { return fmt.Sprintf("disk I/O error (%d)", int(e)) }
func (e sqliteErr) Code() int     { return int(e) }

// SQLite reports a shared-memory file it cannot grow, or a write the
// system refused, as a disk error: on a full disk that is a full disk, and
// otherwise a disk error, never "something went wrong inside the program".
func TestDiskErrorsOnAFullDiskSayTheDiskIsFull(t *testing.T) {
	dir := t.TempDir()
	defer func(f func(string) (uint64, bool)) { freeSpaceOf = f }(freeSpaceOf)
	shmSize := sqliteErr(10 | 19<<8) // SQLITE_IOERR_SHMSIZE

	freeSpaceOf = func(string) (uint64, bool) { return 4096, true }
	for _, err := range []error{shmSize, fmt.Errorf("writing: %w", syscall.ENOSPC), sqliteErr(13)} {
		got := diskFull(explain(err), doingOpen, dir)
		if !errors.Is(got, ErrDiskFull) || !strings.HasPrefix(data.Message(got), "The disk is full, so the records could not be opened") {
			t.Errorf("%v on a full disk: %q", err, data.Message(got))
		}
	}

	freeSpaceOf = func(string) (uint64, bool) { return 10 << 30, true }
	got := diskFull(explain(shmSize), doingOpen, dir)
	if errors.Is(got, ErrDiskFull) || !strings.Contains(data.Message(got), "a disk error") {
		t.Errorf("a disk error with room to spare: %q", data.Message(got))
	}
}
