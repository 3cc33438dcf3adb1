package store

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// Reading a whole table from the team's server goes through pgx's own
// interface, row by row as PostgreSQL sends it in text, rather than
// through database/sql. There every value of every row was made into a
// driver value, boxed, and converted again into its place: with 50,000
// people, 45 MB asked of the heap and a sixth of the CPU of signing in.
// The records' columns are text and integers only (dates and times are
// kept as text), so each place takes its value from the text itself.

// eachRow runs query and hands each row read to row, as a scanner whose
// Scan fills the places it is given from that row. With texts, the texts
// read from the server are laid out there (see textBlocks); from the file,
// they are as database/sql makes them.
func (s *Store) eachRow(ctx context.Context, query string, args []any, texts *textBlocks, row func(scanner) error) error {
	if s.d == onServer {
		return s.eachServerRow(ctx, query, args, texts, row)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return explainRead(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return err
		}
	}
	return explainRead(rows.Err())
}

// eachServerRow is eachRow on the server: on a connection of the pool,
// held while the rows are read.
func (s *Store) eachServerRow(ctx context.Context, query string, args []any, texts *textBlocks, row func(scanner) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return explainRead(err)
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		pc := driverConn.(serverConn).Conn.Conn()
		// Every column in text, as the places read it.
		rows, err := pc.Query(ctx, dollarParams(query), append([]any{pgx.QueryResultFormats{pgx.TextFormatCode}}, args...)...)
		if err != nil {
			return explainRead(err)
		}
		defer rows.Close()
		tr := &textRow{rows: rows, texts: texts}
		for rows.Next() {
			if err := row(tr); err != nil {
				return err
			}
		}
		return explainRead(rows.Err())
	})
}

// textRow fills places from a row of text. The places a query reads into
// are the same for every row, so how to fill each is worked out once.
type textRow struct {
	rows    pgx.Rows
	checked bool // every column is of a type the places can read
	for0    *any // the first place of the list the plan was made for
	plan    []func(text []byte) error
	names   []string
	texts   *textBlocks // where texts go, if not each on its own
}

func (r *textRow) Scan(dest ...any) error {
	raw := r.rows.RawValues()
	if len(raw) != len(dest) {
		return fmt.Errorf("store: %d columns read into %d places", len(raw), len(dest))
	}
	if !r.checked {
		if err := r.allText(); err != nil {
			return err
		}
		r.checked = true
	}
	// A protected caseload's places are wrapped anew for each row (see
	// openingRow), and so are planned anew.
	if len(dest) > 0 && (r.for0 != &dest[0] || len(r.plan) != len(dest)) {
		r.for0, r.plan = &dest[0], make([]func([]byte) error, len(dest))
		for i, d := range dest {
			r.plan[i] = fillFor(d, r.texts)
		}
	}
	for i, fill := range r.plan {
		if err := fill(raw[i]); err != nil {
			if r.names == nil {
				for _, f := range r.rows.FieldDescriptions() {
					r.names = append(r.names, f.Name)
				}
			}
			// As database/sql says it, so that what looks through it
			// (a sealed field that cannot be opened) still finds it.
			return fmt.Errorf("sql: Scan error on column index %d, name %q: %w", i, r.names[i], err)
		}
	}
	return nil
}

// allText refuses a column of any type but text or a whole number, which
// the places below would not read as database/sql does: a timestamp's
// text, for one, is not the form the records keep times in.
func (r *textRow) allText() error {
	for _, f := range r.rows.FieldDescriptions() {
		switch f.DataTypeOID {
		case pgtype.TextOID, pgtype.VarcharOID, pgtype.Int2OID, pgtype.Int4OID, pgtype.Int8OID:
		default:
			return fmt.Errorf("store: column %s (type %d) is not text or a whole number", f.Name, f.DataTypeOID)
		}
	}
	return nil
}

// fillFor is how a place is filled from a column's text (nil for NULL),
// as database/sql would fill it from the same column; a text place, with
// texts laid out in texts when it is not nil.
func fillFor(dest any, texts *textBlocks) func([]byte) error {
	switch d := dest.(type) {
	case *string:
		return func(text []byte) error {
			if text == nil {
				return fmt.Errorf("converting NULL to string is unsupported")
			}
			if texts != nil {
				*d = texts.bytes(text)
			} else {
				*d = string(text)
			}
			return nil
		}
	case *int:
		return func(text []byte) error {
			n, err := intText(text)
			*d = n
			return err
		}
	case *bool:
		// Yes and no are kept as 1 and 0 (see CheckNamedValue).
		return func(text []byte) error {
			switch string(text) {
			case "1":
				*d = true
			case "0":
				*d = false
			default:
				return fmt.Errorf("converting %q to a yes or no is unsupported", text)
			}
			return nil
		}
	case dateField:
		return func(text []byte) error {
			if date, ok := isoDate(text); ok {
				*d.d = date
				return nil
			}
			return d.Scan(string(text))
		}
	case timeField:
		return func(text []byte) error {
			*d.t = parseTime(string(text))
			return nil
		}
	case textOrNull:
		return func(text []byte) error {
			*d.s = string(text)
			return nil
		}
	case sql.Scanner:
		return func(text []byte) error {
			if text == nil {
				return d.Scan(nil)
			}
			return d.Scan(string(text))
		}
	}
	if v := reflect.ValueOf(dest); v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.String {
		// A kind of text of its own (a nation, a step's kind).
		place := v.Elem()
		return func(text []byte) error {
			if text == nil {
				return fmt.Errorf("converting NULL to %s is unsupported", place.Type())
			}
			place.SetString(string(text))
			return nil
		}
	}
	return func([]byte) error { return fmt.Errorf("store: cannot read text into %T", dest) }
}

// intText reads a whole number written in decimal, as an INTEGER column
// is sent in text.
func intText(text []byte) (int, error) {
	if text == nil {
		return 0, fmt.Errorf("converting NULL to int is unsupported")
	}
	digits, negative := text, false
	if len(digits) > 0 && (digits[0] == '-' || digits[0] == '+') {
		digits, negative = digits[1:], digits[0] == '-'
	}
	if len(digits) == 0 || len(digits) > 18 {
		return 0, fmt.Errorf("converting %q to a number is unsupported", text)
	}
	n := 0
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("converting %q to a number is unsupported", text)
		}
		n = n*10 + int(c-'0')
	}
	if negative {
		n = -n
	}
	return n, nil
}
