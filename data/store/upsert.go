package store

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// upsertSQL is "insert, or update every column but id and created_at".
func upsertSQL(table string, cols []string) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES (")
	b.WriteString(strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", "))
	b.WriteString(") ON CONFLICT (id) DO UPDATE SET ")
	var sets []string
	for _, c := range cols {
		if c != "id" && c != "created_at" {
			sets = append(sets, c+" = excluded."+c)
		}
	}
	b.WriteString(strings.Join(sets, ", "))
	return b.String()
}

// stamp gives a new record its id and creation time, and every saved
// record its update time.
func (s *Store) stamp(id *string, created, updated *time.Time) {
	now := s.now()
	if *id == "" {
		*id = uuid.NewString()
	}
	if created.IsZero() {
		*created = now
	}
	if updated != nil {
		*updated = now
	}
}

// exec runs one statement in its own transaction.
func (s *Store) exec(ctx context.Context, query string, args ...any) error {
	return s.inTx(ctx, func(tx txn) error {
		_, err := tx.ExecContext(ctx, query, args...)
		return err
	})
}

// deleteByID deletes one row; a missing row is data.ErrNotFound.
func (s *Store) deleteByID(ctx context.Context, table, id string) error {
	return s.inTx(ctx, func(tx txn) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		return nil
	})
}
