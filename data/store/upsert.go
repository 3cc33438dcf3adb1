package store

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// upsertSQL is "insert, or update every column but id and created_at",
// with the record's checksum computed from what ends up stored. The
// arguments are the values of cols, in order.
func upsertSQL(table string, cols []string) string {
	var sets []string
	for _, c := range cols {
		if c != "id" && c != "created_at" {
			sets = append(sets, c+" = excluded."+c)
		}
	}
	kept := func(i int, c string) string {
		if c == "id" || c == "created_at" {
			return table + "." + c
		}
		return excluded(i, c)
	}
	sets = append(sets, checksumCol+" = "+sumExpr(cols, kept))
	return insertSQL(table, cols) + " ON CONFLICT (id) DO UPDATE SET " + strings.Join(sets, ", ")
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
		return s.note(ctx, tx, AuditDeleted, kindOf[table], id)
	})
}
