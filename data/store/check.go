package store

import (
	"context"
	"strings"
)

// Count is the number of records of one type.
type Count struct {
	Table string
	N     int
}

// countedTables are the record types, in the order they are reported.
var countedTables = []string{"people", "contacts", "requests", "letters", "steps", "attachments"}

// Counts returns the number of records of each type.
func (s *Store) Counts(ctx context.Context) ([]Count, error) {
	var counts []Count
	for _, t := range countedTables {
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return nil, explain(err)
		}
		counts = append(counts, Count{t, n})
	}
	return counts, nil
}

// Check runs SQLite's full integrity check and the foreign-key check; it
// returns a damaged-database error describing the first problems found.
func (s *Store) Check(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return explain(err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return explain(err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return explain(err)
	}
	fk, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return explain(err)
	}
	for fk.Next() {
		problems = append(problems, "a record refers to one that is missing")
		break
	}
	fk.Close()
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = problems[:5]
		}
		return damaged(strings.Join(problems, "; "))
	}
	return nil
}
