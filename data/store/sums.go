package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"

	"secondopinion/data"
)

// Every record carries a checksum of its content, written with it in the
// same statement. SQLite's integrity check finds damage to the file's
// structure, but not a changed letter inside a name: the checksum does.
//
// The checksum is computed by SQLite itself, by the record_sum function
// registered below, from the values as they are stored: the writes and
// the check cannot disagree about how a value looks. It covers the
// record's columns by name, in name order, leaving out empty values (NULL,
// '' and 0), so a later migration that adds a column with an empty
// default leaves every checksum as it was. A migration that fills a column
// with something else must set the checksums again.

// checksumCol is the column holding each record's checksum.
const checksumCol = "checksum"

// sumFunc is the SQL function that computes a checksum.
const sumFunc = "record_sum"

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(sumFunc, -1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		return recordSum(args)
	})
}

// recordSum hashes a record: its first argument names the columns, comma
// separated, and the rest are their values in that order. The hash is 16
// hex digits of SHA-256 over the (name, value) pairs sorted by name,
// leaving out empty values, each as name, a byte that is 1 for bytes and
// 0 for text or a number, the value's length as a varint and the value as
// text.
func recordSum(args []driver.Value) (string, error) {
	if len(args) == 0 {
		return "", fmt.Errorf("%s: no columns named", sumFunc)
	}
	names, _ := args[0].(string)
	l := layoutOf(names)
	if len(args) != len(l.names)+1 {
		return "", fmt.Errorf("%s: %d columns named, %d values given", sumFunc, len(l.names), len(args)-1)
	}
	buf := bufPool.Get().(*[]byte)
	b := (*buf)[:0]
	var num [24]byte
	var n [binary.MaxVarintLen64]byte
	for _, i := range l.order {
		v := canonical(args[i+1], num[:0])
		if len(v) == 0 || (len(v) == 1 && v[0] == '0') {
			continue
		}
		b = append(b, l.names[i]...)
		// Bytes (an attached file) are told from text: one flipped bit in
		// the file can turn a text into bytes that read the same but sort
		// apart. A number and its digits are the same: SQLite itself turns
		// one into the other for a column of the other kind.
		if _, blob := args[i+1].([]byte); blob {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		b = append(b, n[:binary.PutUvarint(n[:], uint64(len(v)))]...)
		b = append(b, v...)
	}
	sum := sha256.Sum256(b)
	*buf = b
	bufPool.Put(buf)
	return hex.EncodeToString(sum[:8]), nil
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// sumLayout is a list of column names and the order that sorts them.
type sumLayout struct {
	names []string
	order []int
}

var layouts sync.Map // names as given to record_sum → *sumLayout

func layoutOf(names string) *sumLayout {
	if l, ok := layouts.Load(names); ok {
		return l.(*sumLayout)
	}
	l := &sumLayout{names: strings.Split(names, ",")}
	if names == "" {
		l.names = nil
	}
	l.order = make([]int, len(l.names))
	for i := range l.order {
		l.order[i] = i
	}
	sort.SliceStable(l.order, func(a, b int) bool { return l.names[l.order[a]] < l.names[l.order[b]] })
	layouts.Store(names, l)
	return l
}

// canonical is a value as text, whatever type SQLite holds it as: a
// number bound for a text column, or text for a number column, sums the
// same. Numbers are appended to scratch.
func canonical(v driver.Value, scratch []byte) []byte {
	switch x := v.(type) {
	case nil:
		return nil
	case int64:
		return strconv.AppendInt(scratch, x, 10)
	case float64:
		return strconv.AppendFloat(scratch, x, 'g', -1, 64)
	case bool:
		if x {
			return append(scratch, '1')
		}
		return append(scratch, '0')
	case string:
		return []byte(x)
	case []byte:
		return x
	case time.Time:
		return []byte(x.UTC().Format(timeLayout))
	}
	return []byte(fmt.Sprint(v))
}

// summed is a table of records that carry checksums.
type summed struct {
	table string   // the kind of record, as the counts name it
	saved string   // the column with the time it was last saved
	cols  []string // every column but the checksum
}

var attachmentCols = []string{"step_id", "name", "content", "created_at"}

var summedTables = []summed{
	{"people", "updated_at", personCols},
	{"contacts", "updated_at", contactCols},
	{"requests", "updated_at", requestCols},
	{"letters", "updated_at", letterCols},
	{"steps", "created_at", stepCols},
	{"attachments", "created_at", attachmentCols},
}

func param(i int, _ string) string      { return "?" + strconv.Itoa(i+1) }
func column(_ int, col string) string   { return col }
func excluded(_ int, col string) string { return "excluded." + col }

// insertSQL inserts a record with its checksum; the arguments are the
// values of cols, in order.
func (d dialect) insertSQL(table string, cols []string) string {
	params := make([]string, len(cols))
	for i := range cols {
		params[i] = param(i, "")
	}
	return "INSERT INTO " + table + " (" + joinCols(cols) + ", " + checksumCol + ") VALUES (" +
		strings.Join(params, ", ") + ", " + d.sumExpr(cols, param) + ")"
}

// DamagedRecords counts the records of one kind, last saved on one day,
// whose content no longer matches its checksum. It never holds the content.
type DamagedRecords struct {
	Kind  string // the table: "people", "requests", …
	Saved string // the day they were last saved (YYYY-MM-DD), "" when that is unreadable too
	N     int
}

// RecordDamage is every group of damaged records; errors.Is(err, ErrDamaged) holds.
type RecordDamage []DamagedRecords

func (d RecordDamage) Error() string {
	parts := make([]string, len(d))
	for i, g := range d {
		parts[i] = fmt.Sprintf("%d %s saved %s", g.N, g.Kind, orUnknown(g.Saved))
	}
	return "records changed since they were saved: " + strings.Join(parts, ", ")
}

func (d RecordDamage) Is(target error) bool { return target == ErrDamaged }

// Describe says, in words for the person, which records are damaged.
func (d RecordDamage) Describe() []string {
	lines := make([]string, len(d))
	for i, g := range d {
		when := "on a date that cannot be read either"
		if t, err := time.Parse("2006-01-02", g.Saved); err == nil {
			when = "on " + t.Format("2 January 2006")
		}
		lines[i] = fmt.Sprintf("%s, last saved %s", kindWords(g.Kind, g.N), when)
	}
	return lines
}

func orUnknown(day string) string {
	if day == "" {
		return "on an unreadable date"
	}
	return day
}

// kindWord is one record of a kind in words: "person", "request".
func kindWord(kind string) string {
	if w, ok := kindNames[kind]; ok {
		return w[0]
	}
	return kind
}

// kindWords is "1 person", "3 requests" and so on.
func kindWords(kind string, n int) string {
	w, ok := kindNames[kind]
	if !ok {
		w = [2]string{kind, kind}
	}
	if n == 1 {
		return "1 " + w[0]
	}
	return strconv.Itoa(n) + " " + w[1]
}

var kindNames = map[string][2]string{
	"people":      {"person", "people"},
	"contacts":    {"contact in the directory", "contacts in the directory"},
	"requests":    {"request", "requests"},
	"letters":     {"letter", "letters"},
	"steps":       {"step in a request's timeline", "steps in requests' timelines"},
	"attachments": {"attached file", "attached files"},
}

// damagedRecords finds the records whose content does not match their
// checksum, by kind and the day each was last saved. Tables from before
// checksums were kept are skipped; a column this version knows but the
// file's version does not yet have was empty, so it is left out.
func damagedRecords(ctx context.Context, d dialect, db *sql.DB) (RecordDamage, error) {
	var found RecordDamage
	for _, t := range summedTables {
		have, err := lines(ctx, db, d.columnsSQL(), t.table)
		if err != nil {
			return nil, err
		}
		present := map[string]bool{}
		for _, c := range have {
			present[c] = true
		}
		if !present[checksumCol] || !present[t.saved] {
			continue
		}
		var cols []string
		for _, c := range t.cols {
			if present[c] {
				cols = append(cols, c)
			}
		}
		sum := d.sumExpr(cols, column)
		if d == onServer {
			sum = sumFunc + "(to_jsonb(" + t.table + "))"
		}
		rows, err := db.QueryContext(ctx, "SELECT substr("+t.saved+", 1, 10), count(*) FROM "+t.table+
			" WHERE "+checksumCol+" IS DISTINCT FROM "+sum+" GROUP BY 1 ORDER BY 1")
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var g DamagedRecords
			var day sql.RawBytes
			if err := rows.Scan(&day, &g.N); err != nil {
				rows.Close()
				return nil, err
			}
			g.Kind = t.table
			if _, err := time.Parse("2006-01-02", string(day)); err == nil {
				g.Saved = string(day) // anything else could be a damaged word: never shown
			}
			found = append(found, g)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return mergeUnreadable(found), nil
}

// mergeUnreadable keeps one group per kind for records whose date could
// not be read.
func mergeUnreadable(found RecordDamage) RecordDamage {
	var out RecordDamage
	for _, g := range found {
		if n := len(out); n > 0 && out[n-1].Kind == g.Kind && out[n-1].Saved == g.Saved {
			out[n-1].N += g.N
			continue
		}
		out = append(out, g)
	}
	return out
}

// recordsDamaged is the error for records whose words changed unseen.
func recordsDamaged(d RecordDamage) error {
	return &data.UserError{Err: d, Message: "Some records in the database have changed since they were saved, " +
		"so the file is damaged and cannot be used safely: " + strings.Join(d.Describe(), "; ") + ". " +
		"Nothing has been written to it. Please restore your most recent backup."}
}
