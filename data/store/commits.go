package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"secondopinion/data"
)

// A damaged write-ahead log loses the commits from the damage on, and
// SQLite cannot tell: the log simply ends sooner. So every commit also
// counts itself in the database, and the count is written after the commit
// to a small file beside it (outside the log). When the database holds
// fewer commits than the file says were made, changes were lost.

// commitsSuffix names the count file beside the database; it travels with
// the database when a restore moves it aside.
const commitsSuffix = "-commits"

// settingCommits is the database's own count of its commits.
const settingCommits = "store.commits"

// ErrChangesLost is returned, wrapped in a UserError, when the records
// hold fewer commits than were made: the newest changes were lost.
var ErrChangesLost = errors.New("committed changes lost")

// countCommitSQL adds one to the count inside every write transaction.
const countCommitSQL = `INSERT INTO settings (key, value) VALUES ('` + settingCommits + `', '1')
	ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING CAST(value AS INTEGER)`

// noteCommit writes the count of a commit that has returned to the count
// file. It is not synced: after a power cut the file may be behind the
// database, which is never taken for a loss; it is never ahead.
func (s *Store) noteCommit(n int64) {
	s.commitsMu.Lock()
	defer s.commitsMu.Unlock()
	if n <= s.commitsNoted {
		return // a later commit on another connection already wrote more
	}
	s.commitsNoted = n
	if s.commitsFile == nil {
		f, err := os.OpenFile(s.path+commitsSuffix, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return // the count is a safeguard; a save never fails for it
		}
		s.commitsFile = f
	}
	// Fixed width, so each write replaces the whole number in place.
	s.commitsFile.WriteAt([]byte(fmt.Sprintf("%020d\n", n)), 0)
}

// noted reads the count file beside path; 0 when there is none.
func noted(path string) int64 {
	b, err := os.ReadFile(path + commitsSuffix)
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	return n
}

// committed reads the database's own count of its commits.
func committed(ctx context.Context, db *sql.DB) (int64, error) {
	var v string
	err := db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", settingCommits).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, explain(err)
	}
	n, _ := strconv.ParseInt(v, 10, 64)
	return n, nil
}

// checkNothingLost compares the database's count with the file's, reading
// only, before anything could write.
func checkNothingLost(ctx context.Context, path string) error {
	want := noted(path)
	if want == 0 {
		return nil
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return explain(err)
	}
	defer db.Close()
	have, err := committed(ctx, db)
	if err != nil {
		return err
	}
	if have >= want {
		return nil
	}
	return &data.UserError{Err: fmt.Errorf("%w: %d of %d", ErrChangesLost, have, want), Message: fmt.Sprintf(
		"The newest changes to your records were lost: the log SQLite keeps of them is damaged (%d saved changes are missing). "+
			"Nothing has been written since. You can put your newest backup in place of these records (they are kept aside, "+
			"not deleted), or keep working with the records as they are.", want-have)}
}

// AcceptLoss is the person's choice to keep working with records that lost
// their newest changes: the count file is set to what the database holds.
func AcceptLoss(dir string) error {
	lock, err := LockDir(dir)
	if err != nil {
		return err
	}
	defer lock.Release()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return explain(err)
	}
	have, err := committed(context.Background(), db)
	db.Close()
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path+commitsSuffix, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return explain(err)
	}
	_, err = f.WriteString(fmt.Sprintf("%020d\n", have))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return explain(err)
}
