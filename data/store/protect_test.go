package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"secondopinion/data"
	"secondopinion/data/vault"
)

const testPass = "harbour kettle juniper nine"

// protectedWords are the erasable person's words that protection must
// hide; record ids stay plain, as do dates of events and kinds.
func protectedWords(e erasable) erasable {
	var w []string
	for _, x := range e.words {
		if x != e.person.ID {
			w = append(w, x)
		}
	}
	e.words = append(w, "Dr Okafor")
	return e
}

// snapshot is everything the window reads from the store.
type snapshot struct {
	Records Records
	Letters []data.Letter
	File    []byte
	Sender  data.Sender
	Draft   string
}

func takeSnapshot(t *testing.T, s *Store, e erasable) snapshot {
	t.Helper()
	var snap snapshot
	var err error
	if snap.Records, err = s.LoadAll(ctx); err != nil {
		t.Fatalf("LoadAll: %v", err)
	}
	reqs, _ := s.RequestsFor(ctx, e.person.ID)
	for _, r := range reqs {
		ls, err := s.LettersFor(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		snap.Letters = append(snap.Letters, ls...)
		steps, _ := s.StepsFor(ctx, r.ID)
		for _, st := range steps {
			if st.Attachment != "" {
				name, b, err := s.AttachedFile(ctx, st.ID)
				if err != nil {
					t.Fatal(err)
				}
				snap.File = append([]byte(name+"|"), b...)
			}
		}
	}
	if snap.Sender, err = s.Sender(ctx); err != nil {
		t.Fatal(err)
	}
	if snap.Draft, err = s.Setting(ctx, SettingDraft); err != nil {
		t.Fatal(err)
	}
	return snap
}

// quickWrapping makes passphrase wrapping cheap for the tests (the costs
// used for real are measured in the benchmarks).
func quickWrapping(t *testing.T) {
	was := wrapParams
	wrapParams = vault.Params{Time: 1, Memory: 8 * 1024, Threads: 1}
	t.Cleanup(func() { wrapParams = was })
}

func newRecoveryKey(t *testing.T) vault.RecoveryKey {
	t.Helper()
	rk, err := vault.NewRecoveryKey()
	if err != nil {
		t.Fatal(err)
	}
	return rk
}

// protectedFolder is a folder with other people and the erasable person,
// protected with testPass; it returns the open store.
func protectedFolder(t *testing.T) (*Store, erasable, snapshot, vault.RecoveryKey) {
	t.Helper()
	quickWrapping(t)
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addOthers(t, s, 30)
	e := protectedWords(addErasable(t, s))
	mustSave(t, s.SaveSender(ctx, data.Sender{Name: "Sender Hollyhock-Barnacle", Address: "1 Quayside"}))
	e.words = append(e.words, "Hollyhock-Barnacle")
	before := takeSnapshot(t, s, e)
	rk := newRecoveryKey(t)
	if _, err := s.Protect(ctx, testPass, rk); err != nil {
		t.Fatalf("Protect: %v", err)
	}
	return s, e, before, rk
}

func reopen(t *testing.T, s *Store) *Store {
	t.Helper()
	dir := s.Dir()
	s.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	return s2
}

func TestProtectingLeavesNoWordsInTheFileOrItsLog(t *testing.T) {
	s, e, before, _ := protectedFolder(t)
	db := s.Path()
	if found := leftIn(t, e, db, db+"-wal"); len(found) > 0 {
		t.Errorf("while open, after protecting, found: %v", found)
	}
	// What the window sees is unchanged.
	if after := takeSnapshot(t, s, e); !reflect.DeepEqual(after, before) {
		t.Errorf("records read back differently after protecting")
	}
	// New records are sealed as they are written, and so are changes.
	p := data.Person{Name: "Ottoline Fairweather-Gunn", NHSNumber: "401 023 2137", Nation: data.Wales,
		Notes: "rings on Fridays about the pomegranate-ladder"}
	mustSave(t, s.SavePerson(ctx, &p))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "condition-tamarind-sloop"}
	mustSave(t, s.SaveRequest(ctx, &r))
	st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 5, 1), Kind: data.StepNote, Summary: "called, left a message"}
	mustSave(t, s.AddStep(ctx, &st))
	st.Summary = "step summary cormorant-teapot"
	mustSave(t, s.UpdateStep(ctx, st))
	e.words = append(e.words, "Fairweather", "4010232137", "pomegranate-ladder", "tamarind-sloop", "cormorant-teapot")
	s.Close()
	if found := leftIn(t, e, db, db+"-wal"); len(found) > 0 {
		t.Errorf("closed, found: %v", found)
	}

	s2, err := Open(filepath.Dir(db))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if !s2.Locked() || !s2.Protected() {
		t.Fatal("reopened protected records are not locked")
	}
	if _, err := s2.LoadAll(ctx); !errors.Is(err, ErrLocked) {
		t.Fatalf("reading locked records: err = %v, want ErrLocked", err)
	}
	if err := s2.SavePerson(ctx, &data.Person{Name: "Someone", Nation: data.England}); !errors.Is(err, ErrLocked) {
		t.Fatalf("writing to locked records: err = %v, want ErrLocked", err)
	}
	if err := s2.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	got, err := s2.Person(ctx, p.ID)
	if err != nil || got.Name != p.Name || got.Notes != p.Notes || got.NHSNumber != "4010232137" {
		t.Fatalf("new person read back as %+v, %v", got, err)
	}
	if err := s2.Check(ctx); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

func TestProtectedListsKeepTheirOrder(t *testing.T) {
	s, _, before, _ := protectedFolder(t)
	s = reopen(t, s)
	if err := s.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	people, err := s.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(people, before.Records.People) {
		t.Error("people are not in name order once protected")
	}
	contacts, _ := s.Contacts(ctx)
	if !reflect.DeepEqual(contacts, before.Records.Contacts) {
		t.Error("contacts are not in order once protected")
	}
}

func TestWrongPassphraseIsRefused(t *testing.T) {
	s, _, _, rk := protectedFolder(t)
	s = reopen(t, s)
	for _, wrong := range []string{"", "harbour kettle juniper", "Harbour kettle juniper nine"} {
		err := s.Unlock(ctx, wrong)
		if !errors.Is(err, vault.ErrWrongPassphrase) {
			t.Fatalf("Unlock(%q) = %v, want the wrong passphrase", wrong, err)
		}
		if msg := data.Message(err); !strings.Contains(msg, "does not open") {
			t.Errorf("message %q", msg)
		}
		if !s.Locked() {
			t.Fatal("a wrong passphrase unlocked the records")
		}
	}
	other := newRecoveryKey(t)
	if err := s.UnlockWithRecovery(ctx, other.String()); !errors.Is(err, vault.ErrWrongRecoveryKey) {
		t.Fatalf("another recovery key: %v", err)
	}
	typo := []byte(rk.String())
	typo[7] = map[bool]byte{true: 'A', false: 'B'}[typo[7] != 'A']
	var m *vault.MistypedError
	if err := s.UnlockWithRecovery(ctx, string(typo)); err == nil || (!errors.As(err, &m) && !errors.Is(err, vault.ErrWrongRecoveryKey)) {
		t.Fatalf("mistyped recovery key: %v", err)
	}
	if err := s.UnlockWithRecovery(ctx, strings.ToLower(rk.String())); err != nil {
		t.Fatalf("the recovery key in lower case: %v", err)
	}
	if s.Locked() {
		t.Fatal("still locked")
	}
	// Unlocked, the lock screen's check of the passphrase still refuses a
	// wrong one.
	if err := s.Unlock(ctx, "not the passphrase at all"); !errors.Is(err, vault.ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase on the lock screen: %v", err)
	}
	if err := s.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
}

// flipSealed changes one character of a sealed value as stored, setting
// the record's checksum again to match, as damage (or a deliberate edit)
// that the checksum cannot see would.
func flipSealed(t *testing.T, dir, table, col, id string) (was string) {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(filepath.Join(dir, FileName), false))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow("SELECT "+col+" FROM "+table+" WHERE id = ?", id).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if !vault.IsSealed(v) {
		t.Fatalf("%s.%s is not sealed: %.30q", table, col, v)
	}
	b := []byte(v)
	i := len(b) / 2
	if b[i] == 'A' {
		b[i] = 'B'
	} else {
		b[i] = 'A'
	}
	setStored(t, db, table, col, id, string(b))
	return v
}

// setStored sets one stored value as it is, with a checksum to match.
func setStored(t *testing.T, db *sql.DB, table, col, id, v string) {
	t.Helper()
	var cols []string
	for _, st := range summedTables {
		if st.table == table {
			cols = st.cols
		}
	}
	value := func(_ int, c string) string {
		if c == col {
			return "?1"
		}
		return c
	}
	if _, err := db.Exec("UPDATE "+table+" SET "+col+" = ?1, "+checksumCol+" = "+onSQLite.sumExpr(cols, value)+" WHERE id = ?2",
		v, id); err != nil {
		t.Fatal(err)
	}
}

func TestFlippedByteInASealedFieldIsDamage(t *testing.T) {
	s, e, _, _ := protectedFolder(t)
	dir := s.Dir()
	s.Close()
	flipSealed(t, dir, "people", "notes", e.person.ID)
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("the checksum was set to match, so the file opens: %v", err)
	}
	defer s.Close()
	if err := s.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	// Reading it is an error, never altered words.
	p, err := s.Person(ctx, e.person.ID)
	var fd *FieldDamaged
	if !errors.As(err, &fd) || p.Notes != "" {
		t.Fatalf("reading the damaged person: %+v, %v", p.Notes, err)
	}
	err = s.Check(ctx)
	var d RecordDamage
	if !errors.As(err, &d) || len(d) != 1 || d[0].Kind != "people" || d[0].N != 1 {
		t.Fatalf("Check = %v, want one damaged person", err)
	}
	if d[0].Saved != e.person.UpdatedAt.UTC().Format("2006-01-02") {
		t.Errorf("damage dated %q, want the day the person was saved", d[0].Saved)
	}
	msg := data.Message(err)
	for _, w := range e.words {
		if strings.Contains(msg, w) {
			t.Errorf("the damage report shows %q: %s", w, msg)
		}
	}
	if !strings.Contains(msg, "1 person") {
		t.Errorf("the report does not say what kind of record: %s", msg)
	}
}

// Every flip of any one character in every sealed field of a record of
// each kind is found by the check.
func TestEveryFlipIsFound(t *testing.T) {
	s, e, _, _ := protectedFolder(t)
	dir := s.Dir()
	reqs, _ := s.RequestsFor(ctx, e.person.ID)
	steps, _ := s.StepsFor(ctx, reqs[0].ID)
	letters, _ := s.LettersFor(ctx, reqs[0].ID)
	s.Close()
	for _, c := range []struct{ table, col, id string }{
		{"people", "name", e.person.ID}, {"people", "nhs_number", e.person.ID}, {"people", "address", e.person.ID},
		{"requests", "treatment", reqs[0].ID}, {"letters", "body", letters[0].ID}, {"steps", "summary", steps[0].ID},
	} {
		was := flipSealed(t, dir, c.table, c.col, c.id)
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Unlock(ctx, testPass); err != nil {
			t.Fatal(err)
		}
		var d RecordDamage
		if err := s.Check(ctx); !errors.As(err, &d) || d[0].Kind != c.table {
			t.Errorf("flip in %s.%s: Check = %v", c.table, c.col, err)
		}
		s.Close()
		db, _ := sql.Open("sqlite", dsn(filepath.Join(dir, FileName), false))
		setStored(t, db, c.table, c.col, c.id, was)
		db.Close()
	}
}

func TestMovedSealedValueIsDamage(t *testing.T) {
	s, e, _, _ := protectedFolder(t)
	dir := s.Dir()
	people, _ := s.People(ctx)
	var other data.Person
	for _, p := range people {
		if p.ID != e.person.ID {
			other = p
		}
	}
	s.Close()
	// Copy the other person's sealed name over this person's, checksum and all.
	db, _ := sql.Open("sqlite", dsn(filepath.Join(dir, FileName), false))
	var name string
	db.QueryRow("SELECT name FROM people WHERE id = ?", other.ID).Scan(&name)
	value := func(_ int, c string) string {
		if c == "name" {
			return "?1"
		}
		return c
	}
	if _, err := db.Exec("UPDATE people SET name = ?1, "+checksumCol+" = "+onSQLite.sumExpr(personCols, value)+" WHERE id = ?2", name, e.person.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, _ = Open(dir)
	defer s.Close()
	s.Unlock(ctx, testPass)
	if _, err := s.Person(ctx, e.person.ID); err == nil {
		t.Fatal("a name moved from another person's record was read as this person's")
	}
}

func TestChangingThePassphraseKeepsTheRecords(t *testing.T) {
	s, e, before, rk := protectedFolder(t)
	if err := s.ChangePassphrase(ctx, "not the passphrase at all", "new passphrase: otter lamp"); !errors.Is(err, vault.ErrWrongPassphrase) {
		t.Fatalf("change with a wrong passphrase: %v", err)
	}
	if err := s.ChangePassphrase(ctx, testPass, "short"); !errors.Is(err, vault.ErrPassphraseShort) {
		t.Fatalf("change to a short passphrase: %v", err)
	}
	if err := s.ChangePassphrase(ctx, testPass, "new passphrase: otter lamp"); err != nil {
		t.Fatal(err)
	}
	db := s.Path()
	s = reopen(t, s)
	if err := s.Unlock(ctx, testPass); !errors.Is(err, vault.ErrWrongPassphrase) {
		t.Fatalf("the old passphrase after a change: %v", err)
	}
	if err := s.Unlock(ctx, "new passphrase: otter lamp"); err != nil {
		t.Fatal(err)
	}
	if after := takeSnapshot(t, s, e); !reflect.DeepEqual(after, before) {
		t.Error("records read back differently after changing the passphrase")
	}
	s = reopen(t, s)
	if err := s.UnlockWithRecovery(ctx, rk.String()); err != nil {
		t.Fatalf("the recovery key after a change: %v", err)
	}
	// The old wrapping is gone from the file and the log: only one
	// passphrase wrapping is there.
	s.Close()
	b, _ := os.ReadFile(db)
	if n := bytes.Count(b, []byte("$argon2id$")); n != 1 {
		t.Errorf("%d passphrase wrappings in the file, want 1", n)
	}
}

func TestTurningProtectionOffRestoresPlainValues(t *testing.T) {
	s, e, before, _ := protectedFolder(t)
	if err := s.Unprotect(ctx, "not the passphrase at all"); !errors.Is(err, vault.ErrWrongPassphrase) {
		t.Fatalf("turning off with a wrong passphrase: %v", err)
	}
	if err := s.Unprotect(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	if s.Protected() {
		t.Fatal("still protected")
	}
	db := s.Path()
	s = reopen(t, s)
	if s.Locked() || s.Protected() {
		t.Fatal("records are locked after protection was turned off")
	}
	if after := takeSnapshot(t, s, e); !reflect.DeepEqual(after, before) {
		t.Error("records read back differently after turning protection off")
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(db)
	if !bytes.Contains(raw, []byte("Quillfeather")) || bytes.Contains(raw, []byte("$argon2id$")) {
		t.Error("the file does not hold the plain values, or still holds a key")
	}
	// The safety copies made on the way are in the backups folder; the one
	// from while it was protected stays protected.
	backups, _ := Backups(s.Dir())
	prot := 0
	for _, b := range backups {
		if p, _ := BackupProtected(ctx, b.Path); p {
			prot++
		}
	}
	if prot == 0 {
		t.Error("no protected backup was kept from before turning protection off")
	}
}

func TestBackupsStayProtected(t *testing.T) {
	s, e, _, rk := protectedFolder(t)
	res := filepath.Join(s.Dir(), BackupFolder)
	plain := s.PlainBackups(ctx)
	if len(plain) != 1 {
		t.Fatalf("%d plain backups, want the one made before protecting", len(plain))
	}
	path, err := s.AutoBackup(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if found := leftIn(t, e, path); len(found) > 0 {
		t.Errorf("the protected backup holds %v", found)
	}
	if p, err := BackupProtected(ctx, path); err != nil || !p {
		t.Fatalf("BackupProtected = %v, %v", p, err)
	}
	if err := VerifyBackupKey(ctx, path, "not the passphrase at all", false); !errors.Is(err, vault.ErrWrongPassphrase) {
		t.Fatalf("the backup with a wrong passphrase: %v", err)
	}
	if err := VerifyBackupKey(ctx, path, testPass, false); err != nil {
		t.Fatal(err)
	}
	if err := VerifyBackupKey(ctx, path, rk.String(), true); err != nil {
		t.Fatal(err)
	}
	_ = res
}

func TestErasingFromProtectedRecords(t *testing.T) {
	s, e, _, _ := protectedFolder(t)
	got, err := s.ErasePerson(ctx, e.person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Zephyrine Quillfeather" || got.Settings != 1 {
		t.Errorf("Erased = %+v: want their name read back and their draft erased", got)
	}
	if v, _ := s.Setting(ctx, SettingDraft); v != "" {
		t.Errorf("their draft is still there")
	}
}

func TestProtectIsRefusedTwiceAndForShortPassphrases(t *testing.T) {
	quickWrapping(t)
	s := openTemp(t)
	if _, err := s.Protect(ctx, "too short", newRecoveryKey(t)); !errors.Is(err, vault.ErrPassphraseShort) {
		t.Fatalf("short passphrase: %v", err)
	}
	if s.Protected() {
		t.Fatal("protected after a refusal")
	}
	if _, err := s.Protect(ctx, testPass, newRecoveryKey(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Protect(ctx, testPass, newRecoveryKey(t)); err == nil {
		t.Fatal("protected twice")
	}
}

func TestDamagedFieldIsExplainedInPlainWords(t *testing.T) {
	s, e, _, _ := protectedFolder(t)
	dir := s.Dir()
	s.Close()
	flipSealed(t, dir, "people", "name", e.person.ID)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Unlock(ctx, testPass)
	_, err = s.People(ctx)
	msg := data.Message(err)
	if !strings.Contains(msg, "Part of 1 person is damaged") || strings.Contains(msg, "sql") {
		t.Fatalf("message %q", msg)
	}
	if err := s.Unprotect(ctx, testPass); err == nil || !strings.Contains(data.Message(err), "Protection was not turned off") {
		t.Fatalf("turning off damaged records: %v", err)
	}
	if !s.Protected() {
		t.Fatal("protection went off over damaged records")
	}
}
