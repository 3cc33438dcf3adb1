package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"secondopinion/data"
)

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// dateField scans an ISO date column into a data.Date.
type dateField struct{ d *data.Date }

func (f dateField) Scan(src any) error {
	s := asString(src)
	if d, ok := isoDate(s); ok {
		*f.d = d
		return nil
	}
	d, err := data.ParseDate(s)
	*f.d = d
	return err
}

// isoDate reads the YYYY-MM-DD the records store dates as, without the
// lists of parts data.ParseDate makes: half a million dates are read at
// sign-in to a team's caseload. Anything else is left to ParseDate.
func isoDate[T string | []byte](s T) (data.Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return data.Date{}, false
	}
	n := func(from, to int) (int, bool) {
		v := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := n(0, 4)
	m, ok2 := n(5, 7)
	d, ok3 := n(8, 10)
	if !ok1 || !ok2 || !ok3 {
		return data.Date{}, false
	}
	date, err := data.NewDate(y, time.Month(m), d)
	return date, err == nil
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
	chunks, err := gather(ctx, db, scan, query, args...)
	if err != nil {
		return nil, err
	}
	return chunks.list(), nil
}

// queryListSorted reads every record of table for a query with no ORDER
// BY: the rows are put in order here, by their keys. On a team's server,
// sorting a whole caseload's steps kept the server busy for 400 ms before
// it sent the first row (750 ms under a receptionist's row rules), while
// here it takes a few tens of milliseconds and the rows are read as soon
// as the server finds them.
//
// Each row is scanned into one record reused for every row, at the places
// fields gives (in the order of cols), and copied from there: a record
// made for each row, and the list of places for it, was most of the half
// a gigabyte that reading 50,000 people's records asked of the system.
//
// With texts, the rows' texts are laid out there (see textBlocks).
func queryListSorted[T, K any](ctx context.Context, s *Store, table string, cols []string, fields func(*T) []any, texts *textBlocks, key func(*T) K, order func(a, b K) int, query string, args ...any) ([]T, error) {
	return queryListKeptAs(ctx, s, table, cols, fields, texts, func(row *T) T { return *row }, key, order, query, args...)
}

// queryListKeptAs is queryListSorted keeping of each row only what keep
// makes of it, and its key.
//
// The list is made once at about its size (see rowsAbout), and the rows
// are put in order where they lie. Gathered in blocks, and copied in order
// into a list of their own, they were held twice over while being copied:
// with 50,000 people, 16 MB more for the people and 20 MB for the steps at
// the height of signing in. (The size is only a guess: rows beyond it
// are read all the same, and a list left much too large is copied to
// its size.)
func queryListKeptAs[T, U, K any](ctx context.Context, s *Store, table string, cols []string, fields func(*T) []any, texts *textBlocks, keep func(*T) U, keyOf func(*T) K, order func(a, b K) int, query string, args ...any) ([]U, error) {
	n := s.rowsAbout(ctx, table, args)
	rows := make([]U, 0, n)
	keys := make([]keyed[K], 0, n)
	err := scanEach(ctx, s, table, cols, fields, texts, func(row *T) {
		keys = append(keys, keyed[K]{keyOf(row), int32(len(rows))})
		rows = append(rows, keep(row))
	}, query, args...)
	if err != nil {
		return nil, err
	}
	putInOrder(rows, keys, order)
	if cap(rows)-len(rows) > len(rows)/4+64 {
		rows = slices.Clone(rows) // fewer rows than the count: some not this sign-in's to see
	}
	return rows, nil
}

// rowsAbout is about how many rows a reading of the whole of table will
// find, told beforehand (0 if it cannot be: the reading itself says what
// is wrong). The file counts them. The server gives the estimate it plans
// by, kept up to date as rows are saved: counting 160,000 steps took it
// 95 ms, before the reading went through them all again. That estimate is
// of all the rows, and a sign-in may see fewer of them.
func (s *Store) rowsAbout(ctx context.Context, table string, args []any) int {
	if len(args) > 0 {
		return 0
	}
	query := "SELECT count(*) FROM " + table
	if s.d == onServer {
		query = "SELECT reltuples::bigint FROM pg_class WHERE oid = '" + table + "'::regclass"
	}
	var n int
	if s.db.QueryRowContext(ctx, query).Scan(&n) != nil || n < 0 {
		return 0 // -1: the server has not yet looked at the table
	}
	return min(n, maxRowsAbout)
}

// maxRowsAbout bounds what an estimate left behind by many rows deleted
// at once can make this desk set aside: more rows than any caseload has.
const maxRowsAbout = 1 << 20

// keyed is a row's key, with the row's place in the order read.
type keyed[K any] struct {
	key K
	at  int32
}

// putInOrder puts rows in the order of their keys, where they lie. The
// keys are small and sorted with each row's place; each row (a person is
// some 300 bytes) is then moved once, following the cycles of the order.
// Comparing the rows where they lay took 400 ms for 160,000 steps.
func putInOrder[U, K any](rows []U, keys []keyed[K], order func(a, b K) int) {
	slices.SortFunc(keys, func(a, b keyed[K]) int { return order(a.key, b.key) })
	for start := range rows {
		if keys[start].at < 0 {
			continue // in place already
		}
		held := rows[start]
		to := start
		for {
			from := int(keys[to].at)
			keys[to].at = -1
			if from == start {
				rows[to] = held
				break
			}
			rows[to] = rows[from]
			to = from
		}
	}
}

// scanEach scans each row of a query into one record reused for every
// row, at the places fields gives (in the order of cols), and hands it to
// each, with the row's texts laid out in texts if it is not nil.
func scanEach[T any](ctx context.Context, s *Store, table string, cols []string, fields func(*T) []any, texts *textBlocks, each func(*T), query string, args ...any) error {
	seal, err := s.keyFor()
	if err != nil {
		return err
	}
	var row, zero T
	dest := fields(&row)
	// The texts read from the server go into texts as they are read;
	// those the file's driver made, or opened from sealed fields, are
	// moved there after.
	var moveAfter []*string
	for i, place := range dest {
		if text, ok := place.(*string); ok && texts != nil && (s.d != onServer || seal != nil && sealedByTable[table].fillsItself(cols[i])) {
			moveAfter = append(moveAfter, text)
		}
	}
	return s.eachRow(ctx, query, args, texts, func(rows scanner) error {
		var into scanner = rows
		if seal != nil {
			into = openingRow{row: rows, key: seal, t: sealedByTable[table], cols: cols}
		}
		row = zero
		if err := into.Scan(dest...); err != nil {
			return explainRead(fieldError(err))
		}
		for _, text := range moveAfter {
			texts.keep(text)
		}
		each(&row)
		return nil
	})
}

func gather[T any](ctx context.Context, db *sql.DB, scan func(scanner) (T, error), query string, args ...any) (*chunked[T], error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, explainRead(err)
	}
	defer rows.Close()
	chunks := &chunked[T]{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, explainRead(err)
		}
		chunks.add(v)
	}
	if err := rows.Err(); err != nil {
		return nil, explainRead(err)
	}
	return chunks, nil
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

// oldestFirst orders records by when they were made, then by id: the
// times themselves, not the text the database holds them as, in which
// 09:00:00Z comes after 09:00:00.5Z.
func oldestFirst(at time.Time, id string, otherAt time.Time, otherID string) int {
	return cmp.Or(at.Compare(otherAt), strings.Compare(id, otherID))
}

// queryOne runs a query for one row; no row is data.ErrNotFound.
func queryOne[T any](ctx context.Context, db *sql.DB, scan func(scanner) (T, error), query string, args ...any) (T, error) {
	v, err := scan(db.QueryRowContext(ctx, query, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return v, data.ErrNotFound
	}
	return v, explainRead(err)
}

// explainRead is explain for a reading. On a team's server that cannot be
// reached, nothing was changed and the reading may simply be tried again;
// without this, the window called it a fault inside the program.
func explainRead(err error) error {
	if cannotReach(err) {
		return &data.UserError{Err: fmt.Errorf("%w: %w", ErrServerUnreachable, err), Message: "The team's server cannot be reached " +
			"just now (the network or the server may be down), so this could not be read. Nothing was changed. " +
			"Please try again once the connection is back."}
	}
	return explain(err)
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
