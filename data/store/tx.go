package store

import (
	"context"
	"database/sql"
	"time"
)

// txn is what a write needs from a transaction.
type txn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// inTx runs fn in one immediate transaction, committing only if it returns
// nil: every write the program makes is all or nothing. On a team's server
// fn may run more than once (server_retry.go): it must leave what it reads
// unchanged, and its results are set by the caller once inTx returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx txn) error) error {
	if _, err := s.keyFor(); err != nil {
		return err // protected and locked: nothing can be sealed
	}
	if s.d == onServer {
		return s.serverTx(ctx, fn)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.failed(err)
	}
	return s.commit(ctx, tx, func(tx *sql.Tx) error { return fn(tx) })
}

// commit runs fn in tx and commits, counting the commit where a damaged
// log cannot take the count too (commits.go); on any failure tx is rolled
// back and the failure explained.
func (s *Store) commit(ctx context.Context, tx *sql.Tx, fn func(tx *sql.Tx) error) error {
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.failed(err)
	}
	if s.d == onServer {
		// A server keeps its own log safe; counting commits in one row
		// would only make every desk wait for every other.
		return s.failed(tx.Commit())
	}
	var n int64
	if err := tx.QueryRowContext(ctx, countCommitSQL).Scan(&n); err != nil {
		tx.Rollback()
		return s.failed(err)
	}
	if err := tx.Commit(); err != nil {
		return s.failed(err)
	}
	s.noteCommit(n)
	return nil
}

// failed explains a failed write. On a full disk it first gives back the
// room the failed write took in the log: the log is folded into the file
// and emptied, which works whenever the file has room for what was saved
// before.
func (s *Store) failed(err error) error {
	if s.d == onServer {
		return explainServer(err)
	}
	if isDiskFull(err, s.dir) {
		s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		return diskFull(err, doingSave, s.dir)
	}
	return explain(err)
}

// now is the current time in UTC, from the store's clock.
func (s *Store) now() time.Time { return s.Now().UTC() }

const timeLayout = time.RFC3339Nano

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeLayout, s)
	return t
}

// nullID stores a missing reference as NULL, so foreign keys hold.
func nullID(id string) any {
	if id == "" {
		return nil
	}
	return id
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
