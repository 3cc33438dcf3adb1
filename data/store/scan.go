package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"secondopinion/data"
)

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// dateField scans an ISO date column into a data.Date.
type dateField struct{ d *data.Date }

func (f dateField) Scan(src any) error {
	d, err := data.ParseDate(asString(src))
	*f.d = d
	return err
}

// timeField scans an RFC 3339 column into a time.
type timeField struct{ t *time.Time }

func (f timeField) Scan(src any) error {
	if t, ok := src.(time.Time); ok { // a server's timestamp column
		*f.t = t.UTC()
		return nil
	}
	*f.t = parseTime(asString(src))
	return nil
}

func asString(src any) string {
	switch v := src.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return ""
}

// textOrNull scans a nullable text column (an optional reference) into a string.
type textOrNull struct{ s *string }

func (f textOrNull) Scan(src any) error {
	*f.s = asString(src)
	return nil
}

// queryList runs a query and scans each row with scan.
func queryList[T any](ctx context.Context, db *sql.DB, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var chunks chunked[T]
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, explain(err)
		}
		chunks.add(v)
	}
	if err := rows.Err(); err != nil {
		return nil, explain(err)
	}
	return chunks.list(), nil
}

// chunked gathers rows in blocks and copies them once into a list of the
// right size. Appending to one slice instead copies a caseload's records
// again at each doubling, which for 50,000 people was most of the time
// taken to read them.
type chunked[T any] struct {
	full [][]T
	last []T
	n    int
}

const chunkRows = 1024

func (c *chunked[T]) add(v T) {
	if len(c.last) == chunkRows {
		c.full = append(c.full, c.last)
		c.last = make([]T, 0, chunkRows)
	}
	c.last = append(c.last, v) // the first block grows as usual, so a few rows cost a few
	c.n++
}

func (c *chunked[T]) list() []T {
	if len(c.full) == 0 {
		return c.last
	}
	out := make([]T, 0, c.n)
	for _, b := range c.full {
		out = append(out, b...)
	}
	return append(out, c.last...)
}

// queryOne runs a query for one row; no row is data.ErrNotFound.
func queryOne[T any](ctx context.Context, db *sql.DB, scan func(scanner) (T, error), query string, args ...any) (T, error) {
	v, err := scan(db.QueryRowContext(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return v, data.ErrNotFound
	}
	return v, explain(err)
}

func joinCols(cols []string) string { return strings.Join(cols, ", ") }

// errNotFound is data.ErrNotFound, named here for brevity.
var errNotFound = data.ErrNotFound

// linesField scans a newline-separated column into a list (nil when empty).
type linesField struct{ list *[]string }

func (f linesField) Scan(src any) error {
	s := asString(src)
	if s == "" {
		*f.list = nil
		return nil
	}
	*f.list = strings.Split(s, "\n")
	return nil
}

// nationsField scans a comma-separated column of nations.
type nationsField struct{ list *[]data.Nation }

func (f nationsField) Scan(src any) error {
	*f.list = nil
	for _, n := range strings.Split(asString(src), ",") {
		if n = strings.TrimSpace(n); n != "" {
			*f.list = append(*f.list, data.Nation(n))
		}
	}
	return nil
}

func joinNations(ns []data.Nation) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = string(n)
	}
	return strings.Join(parts, ",")
}
