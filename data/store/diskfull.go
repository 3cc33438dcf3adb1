package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"secondopinion/data"
)

// ErrDiskFull is returned, wrapped in a UserError, when a write failed for
// want of room on the disk.
var ErrDiskFull = errors.New("disk full")

// lowSpace is how little room counts as none: SQLite writes in pages and
// its logs grow in steps, so a disk this close to full fails the next write.
const lowSpace = 1 << 20

// freeSpaceOf is freeSpace; tests replace it to inject a full disk.
var freeSpaceOf = freeSpace

// sqliteCode is SQLite's result code of err, or -1.
func sqliteCode(err error) int {
	var c interface{ Code() int }
	if errors.As(err, &c) {
		return c.Code()
	}
	return -1
}

const (
	sqliteIOErr = 10 // SQLITE_IOERR, the primary code of every disk error
	sqliteFull  = 13 // SQLITE_FULL
)

// isDiskFull reports whether err is the disk running out of room: SQLite's
// SQLITE_FULL, the system's ENOSPC, or a disk error (SQLite reports a shared
// memory file it cannot grow as one) while the disk holding one of dirs is
// all but full.
func isDiskFull(err error, dirs ...string) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrDiskFull) || errors.Is(err, syscall.ENOSPC) {
		return true
	}
	code := sqliteCode(err)
	msg := err.Error()
	if code&0xff == sqliteFull || strings.Contains(msg, "SQLITE_FULL") || strings.Contains(msg, "disk is full") {
		return true
	}
	if code&0xff != sqliteIOErr && !strings.Contains(msg, "disk I/O error") {
		return false
	}
	for _, d := range dirs {
		if free, known := freeSpaceOf(existing(d)); known && free < lowSpace {
			return true
		}
	}
	return false
}

// existing is dir, or the nearest folder above it that exists.
func existing(dir string) string {
	for {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			return dir
		}
		dir = up
	}
}

// What was being done when the disk filled, as the message's first words.
const (
	doingSave    = "The disk is full, so this could not be saved. Nothing was changed, and what you typed is still on screen."
	doingOpen    = "The disk is full, so the records could not be opened. Nothing was changed."
	doingBackup  = "The disk is full, so the backup could not be made. Your records are unchanged, and no part-made backup was left behind."
	doingRestore = "The disk is full, so the backup could not be put in place. Your records are as they were."
)

// diskFull turns err into a full-disk message saying what to free, when it
// is one (see isDiskFull); any other error is returned as it was. dataDir
// is the data folder, whose old backups are the first thing to let go of.
func diskFull(err error, doing, dataDir string, dirs ...string) error {
	if !isDiskFull(err, append(dirs, dataDir)...) {
		return err
	}
	var already *data.UserError
	under := err
	if errors.As(err, &already) && already.Err != nil {
		under = already.Err
	}
	if !errors.Is(under, ErrDiskFull) {
		under = fmt.Errorf("%w: %w", ErrDiskFull, under)
	}
	return &data.UserError{Err: under, Message: doing + " " + makeRoom(dataDir)}
}

// makeRoom says what can be freed: older automatic backups when there are
// some to spare, and otherwise what anyone can let go of.
func makeRoom(dataDir string) string {
	if dataDir != "" {
		if backups, _ := Backups(dataDir); len(backups) > 1 {
			return fmt.Sprintf("To make room, you could delete older backups in the folder %s (%d are there; keep the newest), "+
				"or empty the computer's rubbish bin, and then try again.", filepath.Join(dataDir, BackupFolder), len(backups))
		}
	}
	return "Please make room on the disk, for example by emptying the computer's rubbish bin or removing large files " +
		"you no longer need, and then try again."
}
