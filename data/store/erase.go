package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"secondopinion/data"
)

// Erasing a person is a right under UK GDPR, and a deleted row is not
// gone from an SQLite file: its bytes stay in free space, in older copies
// of its pages in the write-ahead log, and in every backup. So erasing
// deletes with secure_delete on (freed space is overwritten with zeros),
// then rebuilds the file (VACUUM, which also drops what earlier edits left
// behind in free space) and empties the log. Backups are the person's to
// decide on: BackupsHolding says which still hold them, and ScrubBackup
// makes one again without them.

// OpenedFolder is where the window writes an attached reply to open it,
// inside the data folder, as the step's id's first 8 characters, "-" and
// the file's name. Erasing removes those copies too.
const OpenedFolder = "opened"

// Erased is what erasing a person removed, for telling the user.
type Erased struct {
	Name         string // the person's name, for the message
	Requests     int
	Letters      int
	Steps        int
	Attachments  int
	Settings     int // settings that referred to them (an unfinished request)
	OpenedCopies int // copies of their attached replies in the opened folder
	// LogCleared is false when the write-ahead log could not be emptied at
	// once (another reader held it); it is emptied when the program closes.
	LogCleared bool
}

// ErasePerson deletes a person and everything that is theirs (requests,
// letters, steps, attached files, consent, and any setting naming them) in
// one transaction with SQLite's secure_delete on, then rebuilds the file
// and truncates the log, so that none of their words stay in the database
// or its log. Contacts (doctors, bodies) are not theirs and stay.
func (s *Store) ErasePerson(ctx context.Context, id string) (Erased, error) {
	var e Erased
	if _, err := s.keyFor(); err != nil {
		return e, err // protected and locked
	}
	if s.ro {
		return e, &data.UserError{Message: "The records can only be read, so no one can be erased from them. " +
			"Please check the data folder's permissions."}
	}
	// The rows go in one transaction with secure_delete on. Rebuilding the
	// file then drops what earlier edits of theirs left in free space; the
	// rebuilt pages pass through the log, which is copied into the file and
	// truncated to nothing. VACUUM works in memory, so no temporary file
	// holds them.
	var attached []attachedName
	cleared, err := s.rewrite(ctx, true, func(tx *sql.Tx) error {
		if err := eraseIn(ctx, tx, id, &e, &attached); err != nil {
			return err
		}
		if err := s.note(ctx, tx, AuditErased, AuditPerson, id); err != nil {
			return err
		}
		return s.eraseSealedSettings(ctx, tx, id, &e)
	})
	if err != nil {
		return Erased{}, err
	}
	s.openErased(id, &e, attached)
	e.LogCleared = cleared
	e.OpenedCopies = removeOpened(s.dir, attached)
	return e, nil
}

type attachedName struct{ stepID, name string }

// personSQL are the person's rows in each table, children first.
const (
	theirRequests = "SELECT id FROM requests WHERE person_id = ?1"
	theirSteps    = "SELECT id FROM steps WHERE request_id IN (" + theirRequests + ")"
)

// eraseIn deletes the person's rows in tx, counting them.
func eraseIn(ctx context.Context, tx *sql.Tx, id string, e *Erased, attached *[]attachedName) error {
	if err := tx.QueryRowContext(ctx, "SELECT name FROM people WHERE id = ?", id).Scan(&e.Name); err != nil {
		if err == sql.ErrNoRows {
			return errNotFound
		}
		return err
	}
	if err := attachedTo(ctx, tx, id, attached); err != nil {
		return err
	}
	deletes := []struct {
		query string
		count *int
	}{
		{"DELETE FROM attachments WHERE step_id IN (" + theirSteps + ")", &e.Attachments},
		{"DELETE FROM steps WHERE request_id IN (" + theirRequests + ")", &e.Steps},
		{"DELETE FROM letters WHERE request_id IN (" + theirRequests + ")", &e.Letters},
		{"DELETE FROM requests WHERE person_id = ?1", &e.Requests},
		// An unfinished request in the wizard, or anything else the window
		// keeps about them, names them by id. The commit count never does.
		{"DELETE FROM settings WHERE key <> '" + settingCommits + "' AND value LIKE '%' || ?1 || '%'", &e.Settings},
		{"DELETE FROM people WHERE id = ?1", nil},
	}
	for _, d := range deletes {
		res, err := tx.ExecContext(ctx, d.query, id)
		if err != nil {
			return err
		}
		if d.count != nil {
			n, _ := res.RowsAffected()
			*d.count = int(n)
		}
	}
	return nil
}

// checkpointTruncate copies the log into the database and truncates it to
// nothing, trying for a few seconds while a reader holds it; it reports
// whether the log is empty.
func checkpointTruncate(ctx context.Context, conn *sql.Conn) bool {
	for try := 0; try < 20; try++ {
		var busy, logged, moved int
		err := conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &moved)
		if err == nil && busy == 0 {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// removeOpened deletes the copies of attached replies the window wrote to
// open them, and returns how many there were.
func removeOpened(dir string, attached []attachedName) int {
	if dir == "" {
		return 0 // a command on a team's server: no desk's folder here
	}
	n := 0
	for _, a := range attached {
		if len(a.stepID) < 8 {
			continue
		}
		path := filepath.Join(dir, OpenedFolder, a.stepID[:8]+"-"+filepath.Base(a.name))
		if os.Remove(path) == nil {
			n++
		}
	}
	return n
}

// BackupsHolding lists the automatic backups in the data folder dir that
// still hold the person with this id, newest first, opening each one
// read-only. Those that could not be read are listed apart, since they may
// hold the person too.
func BackupsHolding(ctx context.Context, dir, id string) (holding, unreadable []BackupFile, err error) {
	backups, err := Backups(dir)
	if err != nil {
		return nil, nil, &data.UserError{Err: err, Message: "The backups folder could not be read: " + err.Error() + "."}
	}
	for _, b := range backups {
		has, err := backupHolds(ctx, b.Path, id)
		switch {
		case err != nil:
			unreadable = append(unreadable, b)
		case has:
			holding = append(holding, b)
		}
	}
	return holding, unreadable, nil
}

func backupHolds(ctx context.Context, path, id string) (bool, error) {
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return false, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM people WHERE id = ?", id).Scan(&n)
	return n > 0, err
}

// ScrubBackup makes the backup at path again without the person with this
// id: a copy is made beside it (owner-only from its first byte), the
// person is deleted from the copy with secure_delete on, the copy is
// rebuilt, synced and checked, and only then put in the backup's place, so
// the backup is never half-changed. The backup keeps its date.
func ScrubBackup(ctx context.Context, path, id string) error {
	info, err := os.Stat(path)
	if err != nil {
		return explainBackup(err)
	}
	tmp := path + partialSuffix
	os.Remove(tmp)
	if err := createPrivate(tmp); err != nil {
		return explainBackup(err)
	}
	fail := func(err error) error {
		os.Remove(tmp)
		os.Remove(tmp + "-journal")
		return explainBackup(err)
	}
	src, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return fail(err)
	}
	_, err = src.ExecContext(ctx, "VACUUM INTO ?", tmp)
	src.Close()
	if err != nil {
		return fail(err)
	}
	if err := eraseFromCopy(ctx, tmp, id); err != nil {
		return fail(err)
	}
	if err := syncFile(tmp); err != nil {
		return fail(err)
	}
	if err := verifyBackup(ctx, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(err)
	}
	os.Chtimes(path, info.ModTime(), info.ModTime())
	return syncDir(filepath.Dir(path))
}

// eraseFromCopy deletes the person from a private copy of a backup. The
// copy is nobody's live records, so it is opened with a rollback journal
// kept in memory: nothing of it is written anywhere but the copy itself.
func eraseFromCopy(ctx context.Context, path, id string) error {
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "journal_mode(MEMORY)", "secure_delete(1)", "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	q.Add("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // the pragmas hold for the one connection
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	var e Erased
	var attached []attachedName
	if err := eraseIn(ctx, tx, id, &e, &attached); err != nil {
		tx.Rollback()
		if err == errNotFound {
			return nil // not in this backup after all: the copy is unchanged
		}
		return err
	}
	var n int64 // as every commit counts itself
	if err := tx.QueryRowContext(ctx, countCommitSQL).Scan(&n); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, "VACUUM"); err != nil {
		return fmt.Errorf("rebuilding the backup: %w", err)
	}
	return nil
}

// KeptAsideHolding lists the records a restore kept aside in the data
// folder dir (see Restore) that still hold the person with this id, and
// those that could not be read. They are not backups to replace: they are
// what was there before a restore, for the user to delete once sure.
func KeptAsideHolding(ctx context.Context, dir, id string) (holding, unreadable []string) {
	all, _ := filepath.Glob(filepath.Join(dir, FileName+".before-restore-*"))
	for _, path := range all {
		if companionOf(path) {
			continue
		}
		has, err := backupHolds(ctx, path, id)
		switch {
		case err != nil:
			unreadable = append(unreadable, path)
		case has:
			holding = append(holding, path)
		}
	}
	return holding, unreadable
}

// companionOf reports whether path is a log or count file kept beside
// records, rather than the records themselves.
func companionOf(path string) bool {
	for _, suffix := range companions[1:] {
		if strings.HasSuffix(path, suffix) {
			return true
		}
	}
	return false
}
