package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"secondopinion/data"
	"secondopinion/data/vault"
)

// When the records are protected with a passphrase, every personal field
// is sealed (see package vault) as it is written and opened as it is read,
// here in the store: the window, the rules and the reports see the same
// records as before. Empty values stay empty, so what a query tests for
// emptiness still works; only whether a field is filled in can be seen.
// Dates of events, kinds, routes and nations stay plain: the agenda and the
// reports need them and they say nothing about who a person is.

// sealedTable lists the columns of one table that hold personal details.
type sealedTable struct {
	table string
	id    string // the column that names the record
	saved string // the column with when it was saved, for reporting damage
	cols  []string
	blobs map[string]bool // columns holding bytes rather than text
	is    map[string]bool
}

// fillsItself reports whether an opening row fills col's place itself
// (see openingRow), rather than handing it to the row it wraps.
func (t *sealedTable) fillsItself(col string) bool {
	return t != nil && (t.is[col] || col == t.id)
}

var sealedTables = func() []*sealedTable {
	ts := []*sealedTable{
		{table: "people", id: "id", saved: "updated_at", cols: []string{"name", "date_of_birth", "address", "phone",
			"email", "nhs_number", "notes", "consent_scope", "flags", "pronouns", "title", "nhs_name", "relationship"}},
		{table: "contacts", id: "id", saved: "updated_at", cols: []string{"name", "address", "email", "phone", "notes"}},
		{table: "requests", id: "id", saved: "updated_at", cols: []string{"condition", "treatment", "reason",
			"outcome_wanted", "unwell_since", "admissions", "medications_tried", "current_medication", "problems",
			"side_effects", "already_tried", "tests_and_assessments", "risk_assessment", "questions", "timescale"}},
		{table: "letters", id: "id", saved: "updated_at", cols: []string{"body"}},
		{table: "steps", id: "id", saved: "created_at", cols: []string{"summary", "due_what", "attachment"}},
		{table: "attachments", id: "step_id", saved: "created_at", cols: []string{"name", "content"},
			blobs: map[string]bool{"content": true}},
	}
	for _, t := range ts {
		t.is = map[string]bool{}
		for _, c := range t.cols {
			t.is[c] = true
		}
	}
	return ts
}()

var sealedByTable = func() map[string]*sealedTable {
	m := map[string]*sealedTable{}
	for _, t := range sealedTables {
		m[t.table] = t
	}
	return m
}()

// SettingDraft is the window's unfinished request, kept as a setting.
const SettingDraft = "ui.draft"

// sealedSettings are the settings that hold personal details.
var sealedSettings = map[string]bool{SettingSender: true, SettingDraft: true}

func settingPlace(key string) vault.Place {
	return vault.Place{Table: "settings", ID: key, Column: "value"}
}

// ErrLocked is returned, wrapped in a UserError, by a read or write of
// protected records before they are unlocked.
var ErrLocked = errors.New("records locked")

func locked() error {
	return &data.UserError{Err: ErrLocked, Message: "These records are protected with a passphrase. " +
		"Please unlock them with the passphrase or the recovery key first."}
}

// guard is the store's protection: whether the records are protected and,
// once unlocked, the data key. The key lives only here, in memory.
type guard struct {
	once      sync.Once
	loadErr   error
	mu        sync.RWMutex
	protected bool
	key       *vault.Key
}

// keyFor returns the data key to seal and open with: nil when the records
// are not protected, ErrLocked when they are and no key is held.
func (s *Store) keyFor() (*vault.Key, error) {
	s.guard.once.Do(func() { s.guard.loadErr = s.loadGuard() })
	if s.guard.loadErr != nil {
		return nil, s.guard.loadErr
	}
	s.guard.mu.RLock()
	defer s.guard.mu.RUnlock()
	if !s.guard.protected {
		return nil, nil
	}
	if s.guard.key == nil {
		return nil, locked()
	}
	return s.guard.key, nil
}

// FieldDamaged is the error for a sealed field that does not open: its
// bytes were changed on disk. It names the kind of record, never its
// content.
type FieldDamaged struct{ Table, Column string }

func (e *FieldDamaged) Error() string {
	return "Part of " + kindWords(e.Table, 1) + " is damaged and cannot be read. " +
		"Nothing was changed. Please run the check, and restore your most recent backup if it finds damage."
}

func (e *FieldDamaged) Is(target error) bool { return target == ErrDamaged }

// fieldError turns a damaged field found while scanning (which
// database/sql wraps in its own words) into a message for the person.
func fieldError(err error) error {
	var fd *FieldDamaged
	if errors.As(err, &fd) {
		return &data.UserError{Err: fd, Message: fd.Error()}
	}
	return err
}

// sealed returns args, the values of cols for one record of table, with
// the personal values sealed when the records are protected. Every write
// goes through inTx, which refuses locked records first, so here the key
// is there whenever the records are protected.
func (s *Store) sealed(table string, cols []string, args []any) []any {
	key, _ := s.keyFor()
	if key == nil {
		return args
	}
	return sealWith(key, sealedByTable[table], cols, args)
}

// stepUpdateCols are the columns of UpdateStep's arguments.
var stepUpdateCols = append(append([]string(nil), stepChanges...), "id")

func sealWith(key *vault.Key, t *sealedTable, cols []string, args []any) []any {
	if t == nil {
		return args
	}
	id := ""
	for i, c := range cols {
		if c == t.id {
			id, _ = args[i].(string)
		}
	}
	out := append([]any(nil), args...)
	for i, c := range cols {
		if !t.is[c] {
			continue
		}
		at := vault.Place{Table: t.table, ID: id, Column: c}
		switch v := args[i].(type) {
		case string:
			if v != "" {
				out[i] = key.Seal(v, at)
			}
		case []byte:
			if len(v) > 0 {
				out[i] = key.SealBytes(v, at)
			}
		}
	}
	return out
}

// sealSetting seals the value of a setting that holds personal details.
func (s *Store) sealSetting(key, value string) (string, error) {
	if !sealedSettings[key] || value == "" {
		return value, nil
	}
	k, err := s.keyFor()
	if k == nil || err != nil {
		return value, err
	}
	return k.Seal(value, settingPlace(key)), nil
}

// openSetting opens the stored value of a setting that holds personal
// details.
func (s *Store) openSetting(key, stored string) (string, error) {
	if !sealedSettings[key] || stored == "" {
		return stored, nil
	}
	k, err := s.keyFor()
	if k == nil || err != nil {
		return stored, err
	}
	v, err := k.Open(stored, settingPlace(key))
	if err != nil {
		return "", fieldError(&FieldDamaged{Table: "settings", Column: key})
	}
	return v, nil
}

// opened wraps a scan function for table, whose query selects cols, so
// that sealed values are opened before they reach the record.
func opened[T any](s *Store, table string, cols []string, scan func(scanner) (T, error)) func(scanner) (T, error) {
	return openedFor(s, table, "", cols, scan) // the id comes from its column
}

// openedFor is opened for a query that does not select the column naming
// the record: id is given instead.
func openedFor[T any](s *Store, table, id string, cols []string, scan func(scanner) (T, error)) func(scanner) (T, error) {
	return func(row scanner) (T, error) {
		key, err := s.keyFor()
		if err != nil {
			var zero T
			return zero, err
		}
		if key == nil {
			return scan(row)
		}
		v, err := scan(openingRow{row: row, key: key, t: sealedByTable[table], cols: cols, id: id})
		return v, fieldError(err)
	}
}

// openingRow scans a row, opening the sealed columns on the way. The
// column naming the record comes before the sealed ones in every query,
// and database/sql fills columns in order, so its value is known by the
// time a sealed value is opened; id is used when the query does not
// select it.
type openingRow struct {
	row  scanner
	key  *vault.Key
	t    *sealedTable
	cols []string
	id   string
}

func (r openingRow) Scan(dest ...any) error {
	if r.t == nil || len(dest) != len(r.cols) {
		return r.row.Scan(dest...)
	}
	id := r.id
	wrapped := make([]any, len(dest))
	for i, c := range r.cols {
		switch {
		case c == r.t.id:
			wrapped[i] = idField{dest: dest[i], id: &id}
		case r.t.is[c]:
			wrapped[i] = openField{key: r.key, table: r.t.table, col: c, id: &id, blob: r.t.blobs[c], dest: dest[i]}
		default:
			wrapped[i] = dest[i]
		}
	}
	return r.row.Scan(wrapped...)
}

type idField struct {
	dest any
	id   *string
}

func (f idField) Scan(src any) error {
	*f.id = asString(src)
	return assign(f.dest, src)
}

type openField struct {
	key   *vault.Key
	table string
	col   string
	id    *string
	blob  bool
	dest  any
}

func (f openField) Scan(src any) error {
	at := vault.Place{Table: f.table, ID: *f.id, Column: f.col}
	if f.blob {
		b, _ := src.([]byte)
		if len(b) == 0 {
			return assign(f.dest, []byte{})
		}
		plain, err := f.key.OpenBytes(b, at)
		if err != nil {
			return &FieldDamaged{Table: f.table, Column: f.col}
		}
		return assign(f.dest, plain)
	}
	v := asString(src)
	if v == "" {
		return assign(f.dest, "")
	}
	plain, err := f.key.Open(v, at)
	if err != nil {
		return &FieldDamaged{Table: f.table, Column: f.col}
	}
	return assign(f.dest, plain)
}

// assign puts an opened value where the record's scan wanted it.
func assign(dest, v any) error {
	switch d := dest.(type) {
	case sql.Scanner:
		return d.Scan(v)
	case *string:
		*d = asString(v)
		return nil
	case *[]byte:
		b, _ := v.([]byte)
		*d = append([]byte(nil), b...)
		return nil
	case *any:
		*d = v
		return nil
	}
	rv := reflect.ValueOf(dest)
	if rv.Kind() == reflect.Pointer && rv.Elem().Kind() == reflect.String {
		rv.Elem().SetString(asString(v))
		return nil
	}
	return fmt.Errorf("store: cannot open a sealed value into %T", dest)
}

// sortNoCase sorts as ORDER BY lower(…), id does (ASCII letters folded), for
// lists whose sort keys are sealed and so cannot be sorted by the database.
func sortNoCase[T any](list []T, keys func(T) []string) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := keys(list[i]), keys(list[j])
		for k := range a {
			if c := compareNoCase(a[k], b[k]); c != 0 {
				return c < 0
			}
		}
		return false
	})
}

func compareNoCase(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return int(x) - int(y)
		}
	}
	return len(a) - len(b)
}

// openErased opens what erasing read of a person from protected records:
// their name, for the message, and the names of their attached files, to
// find the copies the window opened.
func (s *Store) openErased(id string, e *Erased, attached []attachedName) {
	key, _ := s.keyFor()
	if key == nil {
		return
	}
	if v, err := key.Open(e.Name, vault.Place{Table: "people", ID: id, Column: "name"}); err == nil {
		e.Name = v
	}
	for i, a := range attached {
		if v, err := key.Open(a.name, vault.Place{Table: "attachments", ID: a.stepID, Column: "name"}); err == nil {
			attached[i].name = v
		}
	}
}

// eraseSealedSettings deletes, in tx, the sealed settings that name the
// person with this id (an unfinished request for them): erasing finds the
// plain ones by their text, which a sealed value hides.
func (s *Store) eraseSealedSettings(ctx context.Context, tx *sql.Tx, id string, e *Erased) error {
	key, _ := s.keyFor()
	if key == nil {
		return nil
	}
	for k := range sealedSettings {
		stored, err := storedSettings(ctx, tx, k) // on a server, every member's the signed-in one may change
		if err != nil {
			return err
		}
		for _, kv := range stored {
			plain, err := key.Open(kv[1], settingPlace(k))
			if err != nil || !strings.Contains(plain, id) {
				continue
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM settings WHERE key = ?", kv[0]); err != nil {
				return err
			}
			e.Settings++
		}
	}
	return nil
}
