package store

import (
	"context"
	"strings"
	"time"

	"github.com/google/uuid"
)

// upsertSQL is "insert, or update every column but id and created_at",
// with the record's checksum computed from what ends up stored. The
// arguments are the values of cols, in order. A table with a version
// column only takes the update when the stored version is the one the
// record was read at, and counts it up; the statement returns the version
// stored, and no row when another save came first (see saveVersioned).
func (d dialect) upsertSQL(table string, cols []string) string {
	versioned := false
	var sets []string
	for _, c := range cols {
		switch c {
		case "id", "created_at":
		case versionCol:
			versioned = true
			sets = append(sets, c+" = "+table+"."+c+" + 1")
		default:
			sets = append(sets, c+" = excluded."+c)
		}
	}
	kept := func(i int, c string) string {
		switch c {
		case "id", "created_at":
			return table + "." + c
		case versionCol:
			return table + "." + c + " + 1"
		}
		return excluded(i, c)
	}
	sets = append(sets, checksumCol+" = "+d.sumExpr(cols, kept))
	q := d.insertSQL(table, cols) + " ON CONFLICT (id) DO UPDATE SET " + strings.Join(sets, ", ")
	if versioned {
		q += " WHERE " + table + "." + versionCol + " = excluded." + versionCol + " RETURNING " + versionCol
	}
	return q
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
			return s.notDeletable(ctx, tx, table, id)
		}
		return s.note(ctx, tx, AuditDeleted, kindOf[table], id)
	})
}
