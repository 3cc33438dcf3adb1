package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"secondopinion/data/safefile"
)

// settle makes sure path holds whole records before anything reads them:
// a missing database is made, and the work a crash interrupted is undone
// (a hot rollback journal) or finished (a folder that was being made). It
// returns what it put right, in words for the person.
func settle(dir, path string, held *DirLock) (string, error) {
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		return "", create(dir, path, held)
	}
	if !hotJournal(path) {
		return "", nil
	}
	if !canWrite(path) {
		return "", nil // OpenReadOnly explains
	}
	empty, err := undoJournal(path)
	if err != nil {
		return "", err
	}
	if !empty {
		return "A change that was interrupted when the program last stopped has been undone. " +
			"Everything saved before it is kept.", nil
	}
	// An older version made the database in place and was stopped before
	// it held anything: make it again, whole.
	for _, suffix := range companions {
		os.Remove(path + suffix)
	}
	if err := create(dir, path, held); err != nil {
		return "", err
	}
	return "Making your records folder was interrupted when the program last stopped; it has now been made.", nil
}

// hotJournal reports whether a rollback journal beside path holds changes
// to undo: SQLite treats an empty journal as finished.
func hotJournal(path string) bool {
	info, err := os.Stat(path + "-journal")
	return err == nil && info.Size() > 0
}

// undoJournal lets SQLite roll the journal back (it does so on the first
// read by a connection that may write) and reports whether the database is
// then empty: no tables and no version.
func undoJournal(path string) (empty bool, err error) {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return false, explain(err)
	}
	defer db.Close()
	var tables, version int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return false, explain(err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return false, explain(err)
	}
	return tables == 0 && version == 0, nil
}

// create makes a new database beside path, brings it to the latest version,
// syncs it and only then gives it its name, holding the folder's lock
// throughout: a crash at any moment leaves either no records or whole ones.
func create(dir, path string, held *DirLock) error {
	if held == nil {
		lock, err := LockDir(dir)
		if err != nil {
			return err
		}
		defer lock.Release()
	}
	if _, err := os.Lstat(path); err == nil {
		return nil // made by another copy while this one waited
	}
	tmp := path + creatingSuffix
	removeLeftovers(dir)
	if err := createPrivate(tmp); err != nil {
		return explain(err)
	}
	db, err := sql.Open("sqlite", dsn(tmp, false))
	if err != nil {
		os.Remove(tmp)
		return explain(err)
	}
	s := &Store{db: db, dir: dir, path: tmp, Now: time.Now}
	err = s.migrate(context.Background())
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	for _, suffix := range companions {
		os.Remove(tmp + suffix) // all of them on failure; the count file on success
	}
	if err != nil {
		return explain(err)
	}
	syncDir(dir)
	return nil
}

// Names of the files made on the way to a final one.
const (
	creatingSuffix  = ".creating"
	restoringSuffix = ".restoring"
	partialSuffix   = ".partial"
)

// createPrivate makes an empty file readable by its owner only, from its
// first byte; SQLite gives its journals the same permissions.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

// removeLeftovers deletes what a crash left on the way to a final file in
// the data folder. The caller holds the folder's lock, so no other copy of
// the program is making any of them.
func removeLeftovers(dir string) {
	path := filepath.Join(dir, FileName)
	for _, made := range []string{path + creatingSuffix, path + restoringSuffix} {
		for _, suffix := range companions {
			os.Remove(made + suffix)
		}
	}
	// Part-made backups, and the temporary files of outputs saved into the
	// data folder or its backups folder.
	for _, folder := range []string{dir, filepath.Join(dir, BackupFolder)} {
		entries, err := os.ReadDir(folder)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.Type().IsRegular() && (strings.HasSuffix(name, partialSuffix) || strings.Contains(name, partialSuffix+"-") ||
				safefile.Leftover(name)) {
				os.Remove(filepath.Join(folder, name))
			}
		}
	}
}
