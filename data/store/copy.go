package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"secondopinion/data"
)

// Records move between engines (a folder's file and a team's server) as
// they are stored, column by column: sealed fields stay sealed, with the
// wrapped keys that open them, and ids and times are kept. Each target
// computes its own checksums as the rows go in.

// copiedTable is one table, its columns and its key, in an order where
// every reference points at a row already copied.
type copiedTable struct {
	table string
	key   string
	cols  []string
}

func copiedTables() []copiedTable {
	byName := map[string][]string{}
	for _, t := range summedTables {
		byName[t.table] = t.cols
	}
	return []copiedTable{
		{"contacts", "id", byName["contacts"]},
		{"people", "id", byName["people"]},
		{"requests", "id", byName["requests"]},
		{"letters", "id", byName["letters"]},
		{"steps", "id", byName["steps"]},
		{"attachments", "step_id", byName["attachments"]},
		{"settings", "key", []string{"key", "value"}},
		{"vault", "name", []string{"name", "value"}},
	}
}

// notCopied are settings that belong to one file, not to the records.
func notCopied(table string, row []any) bool {
	return table == "settings" && asString(row[0]) == settingCommits
}

// Copied is how many rows of each table were copied, and checked.
type Copied map[string]int

// Total is the number of rows copied.
func (c Copied) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// ErrNotEmpty is returned, wrapped in a UserError, when records would be
// copied into a place that already holds some: merging two caseloads could
// mix two people's records, so it is never done.
var ErrNotEmpty = fmt.Errorf("the target already holds records")

// IsEmpty reports whether the records hold nothing but settings of their own.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	for _, t := range copiedTables() {
		if t.table == "settings" {
			continue
		}
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+t.table).Scan(&n); err != nil {
			return false, s.failed(err)
		}
		if n > 0 {
			return false, nil
		}
	}
	return true, nil
}

// CopyInto copies every record into to, which must be empty, in one
// transaction on to, then reads both back and compares them, table by
// table, row by row. progress, if not nil, is told each table as it goes.
func (s *Store) CopyInto(ctx context.Context, to *Store, progress func(table string, rows int)) (Copied, error) {
	if to.d == onServer && !to.Member().Can(ManageMembers) {
		return nil, refused("move a caseload onto the team's server") // a member would see too little to check it is empty
	}
	empty, err := to.IsEmpty(ctx)
	if err != nil {
		return nil, err
	}
	if !empty {
		return nil, &data.UserError{Err: ErrNotEmpty, Message: "The place you are copying to already holds records. " +
			"Nothing was copied: two caseloads are never merged, so that no one's records are mixed with another's. " +
			"Please choose an empty folder or a new, empty database on the server."}
	}
	copied := Copied{}
	err = to.inTx(ctx, func(tx txn) error {
		for _, t := range copiedTables() {
			n, err := s.copyTable(ctx, to, tx, t)
			if err != nil {
				return fmt.Errorf("copying %s: %w", t.table, err)
			}
			copied[t.table] = n
			if progress != nil {
				progress(t.table, n)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.SameRecords(ctx, to); err != nil {
		return nil, err
	}
	to.guard = guard{} // the copied vault is read again on next use
	return copied, nil
}

func (s *Store) copyTable(ctx context.Context, to *Store, tx txn, t copiedTable) (int, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+joinCols(t.cols)+" FROM "+t.table)
	if err != nil {
		return 0, s.failed(err)
	}
	defer rows.Close()
	insert := "INSERT INTO " + t.table + " (" + joinCols(t.cols) + ") VALUES (" + params(len(t.cols)) + ")"
	if sum := summedCols(t.table); sum != nil {
		insert = to.d.insertSQL(t.table, t.cols)
	}
	stmt, err := tx.PrepareContext(ctx, insert)
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	n := 0
	for rows.Next() {
		row, err := scanRow(rows, len(t.cols))
		if err != nil {
			return n, err
		}
		if notCopied(t.table, row) {
			continue
		}
		if t.table == "settings" { // a member's own settings are theirs in both places (team.go)
			row[0] = to.storedSetting(s.settingName(asString(row[0])))
		}
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

// scanRow reads the current row's n values as the driver gives them.
func scanRow(rows *sql.Rows, n int) ([]any, error) {
	row := make([]any, n)
	ptrs := make([]any, n)
	for i := range row {
		ptrs[i] = &row[i]
	}
	return row, rows.Scan(ptrs...)
}

func summedCols(table string) []string {
	for _, t := range summedTables {
		if t.table == table {
			return t.cols
		}
	}
	return nil
}

func params(n int) string {
	p := make([]string, n)
	for i := range p {
		p[i] = param(i, "")
	}
	return strings.Join(p, ", ")
}

// SameRecords compares every row of every table of s and other, by content
// (each value as text or bytes, whichever engine holds it), and says what
// differs, by table and count, never by content.
func (s *Store) SameRecords(ctx context.Context, other *Store) error {
	var differ []string
	for _, t := range copiedTables() {
		a, err := s.rowDigests(ctx, t)
		if err != nil {
			return err
		}
		b, err := other.rowDigests(ctx, t)
		if err != nil {
			return err
		}
		missing, changed := 0, 0
		for k, d := range a {
			e, ok := b[k]
			switch {
			case !ok:
				missing++
			case !bytes.Equal(d[:], e[:]):
				changed++
			}
		}
		extra := len(b) - (len(a) - missing)
		if missing+changed+extra > 0 {
			differ = append(differ, fmt.Sprintf("%s: %d missing, %d different, %d extra", t.table, missing, changed, extra))
		}
	}
	if len(differ) > 0 {
		sort.Strings(differ)
		return &data.UserError{Err: fmt.Errorf("records differ: %s", strings.Join(differ, "; ")),
			Message: "The copy does not match the records it was made from (" + strings.Join(differ, "; ") + "). " +
				"The original is unchanged. Please try again; if it happens again, keep using the original."}
	}
	return nil
}

// rowDigests is a SHA-256 of each row's values, by the row's key.
func (s *Store) rowDigests(ctx context.Context, t copiedTable) (map[string][32]byte, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+joinCols(t.cols)+" FROM "+t.table)
	if err != nil {
		return nil, s.failed(err)
	}
	defer rows.Close()
	out := map[string][32]byte{}
	var buf []byte
	for rows.Next() {
		row, err := scanRow(rows, len(t.cols))
		if err != nil {
			return nil, err
		}
		if notCopied(t.table, row) {
			continue
		}
		if t.table == "settings" {
			row[0] = s.settingName(asString(row[0]))
		}
		buf = buf[:0]
		for _, v := range row {
			c := canonical(v, nil)
			buf = fmt.Appendf(buf, "%d:", len(c))
			buf = append(buf, c...)
		}
		out[asString(row[0])] = sha256.Sum256(buf)
	}
	return out, rows.Err()
}

// compile-time check that a *sql.Tx is a txn.
var _ txn = (*sql.Tx)(nil)
