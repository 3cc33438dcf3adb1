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
}

// inTx runs fn in one immediate transaction, committing only if it returns
// nil: every write the program makes is all or nothing.
func (s *Store) inTx(ctx context.Context, fn func(tx txn) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return explain(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return explain(err)
	}
	var n int64
	if err := tx.QueryRowContext(ctx, countCommitSQL).Scan(&n); err != nil {
		tx.Rollback()
		return explain(err)
	}
	if err := tx.Commit(); err != nil {
		return explain(err)
	}
	s.noteCommit(n)
	return nil
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
