package store

import (
	"bytes"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
)

// fullCaseload saves one record of every kind, through every write path.
func fullCaseload(t *testing.T, s *Store) (data.Person, data.Request, data.Step) {
	t.Helper()
	p := data.Person{Name: "Gwenllian Quartermain", Nation: data.Wales, Notes: "prefers letters"}
	mustSave(t, s.SavePerson(ctx, &p))
	c := data.Contact{Name: "Dr Rhys", Role: data.RoleGP, Organisation: "Ty Gwyn Surgery", Nations: []data.Nation{data.Wales}}
	mustSave(t, s.SaveContact(ctx, &c))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, RecipientID: c.ID, Condition: "migraine"}
	mustSave(t, s.SaveRequest(ctx, &r))
	l := data.Letter{RequestID: r.ID, Kind: "request", Body: "Dear Dr Rhys"}
	mustSave(t, s.SaveLetter(ctx, &l))
	sent := data.Step{On: data.MustDate(2026, 11, 3)}
	mustSave(t, s.MarkSent(ctx, &l, &sent))
	st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 20), Kind: data.StepReply, Outcome: data.OutcomeRefused}
	mustSave(t, s.AddStepWithFile(ctx, &st, "reply.pdf", []byte("%PDF a reply")))
	st.Summary, st.Minutes = "refused without reasons", 20
	mustSave(t, s.UpdateStep(ctx, st))
	// Saved again with no creation time: the stored one is kept, and the
	// checksum must follow what is stored, not what was sent.
	again := p
	again.CreatedAt = time.Time{}
	again.Notes = "prefers the telephone"
	mustSave(t, s.SavePerson(ctx, &again))
	return p, r, st
}

func TestEveryWritePathKeepsChecksums(t *testing.T) {
	s := openTemp(t)
	fullCaseload(t, s)
	if err := s.Check(ctx); err != nil {
		t.Fatalf("check after saving through every path: %v", err)
	}
	for _, tb := range summedTables {
		var blank int
		s.db.QueryRow("SELECT count(*) FROM " + tb.table + " WHERE checksum = ''").Scan(&blank)
		if blank > 0 {
			t.Errorf("%d %s saved without a checksum", blank, tb.table)
		}
	}
}

// Every column of a record is in its checksum: a column added by a
// migration but missing from the store's list would be left unguarded.
func TestEveryColumnIsSummed(t *testing.T) {
	s := openTemp(t)
	for _, tb := range summedTables {
		have, err := lines(ctx, s.db, "SELECT name FROM pragma_table_info(?) ORDER BY name", tb.table)
		if err != nil {
			t.Fatal(err)
		}
		want := append([]string{checksumCol}, tb.cols...)
		sortStrings(want)
		if !reflect.DeepEqual(have, want) {
			t.Errorf("%s has columns %v; the checksum covers %v", tb.table, have, want)
		}
	}
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

// A word changed by another program, past the store, is found and named
// by kind and date, never by content.
func TestAlteredWordsAreFound(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) }
	_, r, _ := fullCaseload(t, s)
	s.Close()

	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE people SET name = 'Gwenllian Quartermaine'"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE requests SET condition = 'migraines' WHERE id = ?", r.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, err = Open(dir)
	var found RecordDamage
	if !errors.Is(err, ErrDamaged) || !errors.As(err, &found) {
		t.Fatalf("records with altered words opened: %v", err)
	}
	want := RecordDamage{{"people", "2026-11-21", 1}, {"requests", "2026-11-21", 1}}
	if !reflect.DeepEqual(found, want) {
		t.Errorf("found %+v, want %+v", found, want)
	}
	msg := data.Message(err)
	for _, w := range []string{"1 person, last saved on 21 November 2026", "1 request"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not say %q", msg, w)
		}
	}
	if strings.Contains(msg, "Quartermain") || strings.Contains(msg, "migraine") {
		t.Errorf("message shows the records' contents: %q", msg)
	}
	// Nothing was written: the file still holds the altered words, unblessed.
	if _, err := OpenReadOnly(dir); !errors.Is(err, ErrDamaged) {
		t.Errorf("read-only open of the damaged records: %v", err)
	}
}

// One flipped byte inside a name in the file itself: SQLite's integrity
// check passes it, the checksum does not.
func TestFlippedByteInANameIsFound(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	fullCaseload(t, s)
	s.Close() // the last connection folds the log into the file

	path := filepath.Join(dir, FileName)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The name is in the table and in its index: a flip in both, as when
	// the same damage reaches both copies, leaves SQLite nothing to compare.
	hits := 0
	for at := bytes.Index(b, []byte("Quartermain")); at >= 0; at = bytes.Index(b, []byte("Quartermain")) {
		b[at+3] ^= 0x01 // 'r' becomes 's'
		hits++
	}
	if hits == 0 {
		t.Fatal("the name is not in the file")
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, _ := sql.Open("sqlite", dsn(path, true))
	problems, err := lines(ctx, db, "PRAGMA integrity_check")
	db.Close()
	if err != nil || len(problems) != 1 || problems[0] != "ok" {
		t.Fatalf("the flip was meant to pass SQLite's own check: %v %v", problems, err)
	}
	_, err = Open(dir)
	var found RecordDamage
	if !errors.As(err, &found) || len(found) != 1 || found[0].Kind != "people" || found[0].N != 1 {
		t.Fatalf("a flipped byte in a name: %v (%+v)", err, found)
	}
	// A backup of it is refused too: one definition of healthy.
	if err := verifyBackup(ctx, path); !errors.Is(err, ErrDamaged) {
		t.Errorf("verifyBackup of the damaged file: %v", err)
	}
}

// Records saved before checksums were kept get theirs when migrated, and
// then pass the check.
func TestOlderRecordsGetChecksums(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	files := migrations()
	for i, m := range files {
		b, _ := migrationFiles.ReadFile(m)
		if strings.Contains(string(b), checksumCol) {
			files = files[:i]
			break
		}
		if _, err := db.Exec(string(b)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d;", len(files)) + `
		INSERT INTO people (id, name, nation, created_at, updated_at)
		VALUES ('p1', 'Seònaid Ross', 'scotland', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
		INSERT INTO requests (id, person_id, subject, on_behalf, created_at, updated_at)
		VALUES ('r1', 'p1', 'diagnosis', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open of records from before checksums: %v", err)
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Errorf("check after migrating: %v", err)
	}
	var sum string
	s.db.QueryRow("SELECT checksum FROM people WHERE id = 'p1'").Scan(&sum)
	if len(sum) != 16 {
		t.Errorf("checksum %q after migrating", sum)
	}
}

// sumOf is record_sum on (name, value) pairs.
func sumOf(t *testing.T, pairs ...driver.Value) string {
	t.Helper()
	var names []string
	args := []driver.Value{""}
	for i := 0; i < len(pairs); i += 2 {
		names = append(names, pairs[i].(string))
		args = append(args, pairs[i+1])
	}
	args[0] = strings.Join(names, ",")
	sum, err := recordSum(args)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// An empty value, a value stored as a number or as text, the order the
// columns are named in, and a column added later with an empty default all
// leave a checksum as it was.
func TestChecksumIgnoresEmptyAndStorageType(t *testing.T) {
	a := sumOf(t, "name", "Ffion", "minutes", int64(20), "notes", "")
	b := sumOf(t, "minutes", "20", "name", "Ffion", "added_later", nil, "flag", int64(0))
	if a != b {
		t.Errorf("%s != %s", a, b)
	}
	if sumOf(t, "name", "Ffiom", "minutes", int64(20)) == a || sumOf(t, "name", "Ffion", "minutes", int64(21)) == a {
		t.Error("a changed value kept its checksum")
	}
	// A value moved to another column is a change.
	if sumOf(t, "name", "", "notes", "Ffion", "minutes", int64(20)) == a {
		t.Error("a value moved to another column kept its checksum")
	}
	// Bytes that read as the same text are not the same value.
	if sumOf(t, "name", []byte("Ffion"), "minutes", int64(20)) == a {
		t.Error("text turned into bytes kept its checksum")
	}
	if _, err := recordSum([]driver.Value{"name,notes", "Ffion"}); err == nil {
		t.Error("a value missing was not noticed")
	}
}
