package store

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
)

// erasable is a person with something of theirs in every table, each
// piece of text distinctive enough to find in the file's raw bytes.
type erasable struct {
	person     data.Person
	attachment []byte
	words      []string // every text of theirs that must not survive erasing
}

func addErasable(t *testing.T, s *Store) erasable {
	t.Helper()
	e := erasable{}
	p := data.Person{Name: "Zephyrine Quillfeather", NHSNumber: "943 476 5919", Nation: data.England,
		Address: "7 Larkspur Mews\nHexham", Email: "zephyrine@example.org",
		Notes: "First note: Zephyrine prefers morning calls. " + strings.Repeat("She asked us to write it all down. ", 120), ConsentOn: data.MustDate(2026, 3, 1),
		ConsentScope: "Consent scope marshmallow-aardvark"}
	mustSave(t, s.SavePerson(ctx, &p))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment, Treatment: "quetiapine-periwinkle",
		Reason: "Reason with the word xylophone-gooseberry"}
	mustSave(t, s.SaveRequest(ctx, &r))
	l := data.Letter{RequestID: r.ID, Kind: data.KindReviewTreatment,
		Body: "Dear Dr Okafor,\n\nLetter body about the blue-heron-tangerine appointment."}
	mustSave(t, s.SaveLetter(ctx, &l))
	mustSave(t, s.MarkSent(ctx, &l, &data.Step{On: data.MustDate(2026, 4, 2), Summary: "Posted to the cobalt-lantern clinic"}))
	e.attachment = make([]byte, 300<<10) // overflow pages, not just a cell
	rand.Read(e.attachment)
	copy(e.attachment, "ATTACHMENT-SCAN-OF-REPLY")
	reply := data.Step{RequestID: r.ID, On: data.MustDate(2026, 4, 20), Kind: data.StepReply,
		Outcome: data.OutcomeRefused, Summary: "Refused on the telephone by the walrus-saffron team"}
	mustSave(t, s.AddStepWithFile(ctx, &reply, "Reply from Dr Okafor.pdf", e.attachment))
	// The window keeps an unfinished request for them as a setting.
	mustSave(t, s.SetSetting(ctx, "ui.draft", `{"person":"`+p.ID+`","reason":"draft-reason-mangosteen"}`))
	// The long first note spilled onto pages of its own, freed (but not
	// overwritten) when the note was shortened: deleting the row, however
	// securely, never touches them again.
	p.Notes = "Second note: Zephyrine's daughter calls on Tuesdays"
	mustSave(t, s.SavePerson(ctx, &p))
	// A copy of the reply the window opened, in the opened folder.
	os.MkdirAll(filepath.Join(s.Dir(), OpenedFolder), 0o700)
	os.WriteFile(filepath.Join(s.Dir(), OpenedFolder, reply.ID[:8]+"-Reply from Dr Okafor.pdf"), e.attachment, 0o600)

	e.person = p
	e.words = []string{"Zephyrine", "Quillfeather", "9434765919", "Larkspur", "morning calls", "Tuesdays",
		"marshmallow-aardvark", "quetiapine-periwinkle", "xylophone-gooseberry", "blue-heron-tangerine",
		"cobalt-lantern", "walrus-saffron", "draft-reason-mangosteen", "Reply from Dr Okafor"}
	return e
}

// addOthers gives the file other people around the erased one, so their
// pages are shared and must survive.
func addOthers(t *testing.T, s *Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		p := data.Person{Name: "Other Person " + string(rune('A'+i%26)), Nation: data.Scotland, Notes: "kept note"}
		mustSave(t, s.SavePerson(ctx, &p))
		r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "kept condition"}
		mustSave(t, s.SaveRequest(ctx, &r))
	}
}

// leftIn returns the words (or the attachment's bytes) found in the raw
// bytes of the files.
func leftIn(t *testing.T, e erasable, paths ...string) []string {
	t.Helper()
	var found []string
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range e.words {
			if bytes.Contains(b, []byte(w)) {
				found = append(found, filepath.Base(path)+": "+w)
			}
		}
		// Any 64 bytes of the random attachment would be its content.
		for off := 0; off+64 <= len(e.attachment); off += 4096 {
			if bytes.Contains(b, e.attachment[off+32:off+96]) {
				found = append(found, filepath.Base(path)+": the attachment's bytes")
				break
			}
		}
	}
	return found
}

// idOutsideAudit reports whether the id of an erased person is anywhere in
// the records at path but the audit log, which keeps it on purpose: a copy
// is made without the log, and its raw bytes searched.
func idOutsideAudit(t *testing.T, path, id string) bool {
	t.Helper()
	cp := filepath.Join(t.TempDir(), "without-audit.db")
	src, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	_, err = src.Exec("VACUUM INTO ?", cp)
	src.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+cp+"?_pragma=secure_delete(1)&_pragma=journal_mode(MEMORY)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	var n int
	db.QueryRow("SELECT count(*) FROM audit WHERE record = ?", id).Scan(&n)
	if n == 0 {
		t.Errorf("the audit log of %s does not name the erased id", filepath.Base(path))
	}
	_, err = db.Exec("DROP TABLE audit; VACUUM")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(cp)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b, []byte(id))
}

func TestErasingLeavesNoTraceInTheFileOrItsLog(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addOthers(t, s, 80)
	e := addErasable(t, s) // the last change, so nothing reuses the space it freed
	db := filepath.Join(dir, FileName)

	got, err := s.ErasePerson(ctx, e.person.ID)
	if err != nil {
		t.Fatalf("ErasePerson: %v", err)
	}
	want := Erased{Name: "Zephyrine Quillfeather", Requests: 1, Letters: 1, Steps: 2, Attachments: 1, Settings: 1,
		OpenedCopies: 1, LogCleared: true}
	if got != want {
		t.Errorf("Erased = %+v, want %+v", got, want)
	}
	if info, err := os.Stat(db + "-wal"); err == nil && info.Size() != 0 {
		t.Errorf("the log holds %d bytes after erasing; want it truncated", info.Size())
	}
	// Still open, the file and its log hold nothing of theirs.
	if found := leftIn(t, e, db, db+"-wal"); len(found) > 0 {
		t.Errorf("while open, found after erasing: %v", found)
	}
	if idOutsideAudit(t, db, e.person.ID) {
		t.Error("their id is still in the records, outside the audit log")
	}
	s.db.SetMaxOpenConns(1) // the one connection is the one that erased
	var secure int
	if err := s.db.QueryRow("PRAGMA secure_delete").Scan(&secure); err != nil || secure != 0 {
		t.Errorf("secure_delete left at %d (%v) on a connection other writes will use", secure, err)
	}
	people, _ := s.People(ctx)
	if len(people) != 80 {
		t.Errorf("%d people left, want the other 80", len(people))
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("Check after erasing: %v", err)
	}
	if _, err := s.ErasePerson(ctx, e.person.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("erasing twice: %v, want ErrNotFound", err)
	}
	if _, err := os.Stat(filepath.Join(dir, OpenedFolder, "x")); err == nil {
		t.Error("unexpected file")
	}
	s.Close()
	if found := leftIn(t, e, db, db+"-wal"); len(found) > 0 {
		t.Errorf("after closing, found after erasing: %v", found)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, OpenedFolder))
	if len(entries) != 0 {
		t.Errorf("%d opened copies left", len(entries))
	}
}

// The search above must be able to find what it looks for: deleting the
// ordinary way leaves the words in the file.
func TestPlainDeletingLeavesWordsTheSearchFinds(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	addOthers(t, s, 40)
	e := addErasable(t, s)
	mustSave(t, s.DeletePerson(ctx, e.person.ID))
	s.Close()
	if found := leftIn(t, e, filepath.Join(dir, FileName)); len(found) == 0 {
		t.Fatal("plain deleting left nothing to find: the erase test would prove nothing")
	}
}

func TestBackupsHoldingThePersonAreFoundAndScrubbed(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	defer s.Close()
	addOthers(t, s, 20)
	older, err := s.AutoBackup(ctx, 10) // before they were added
	if err != nil {
		t.Fatal(err)
	}
	e := addErasable(t, s)
	first, err := s.AutoBackup(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	addOthers(t, s, 5)
	second, err := s.AutoBackup(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ErasePerson(ctx, e.person.ID); err != nil {
		t.Fatal(err)
	}

	holding, unreadable, err := BackupsHolding(ctx, dir, e.person.ID)
	if err != nil || len(unreadable) != 0 {
		t.Fatalf("BackupsHolding: %v, unreadable %v", err, unreadable)
	}
	if len(holding) != 2 || holding[0].Path != second || holding[1].Path != first {
		t.Fatalf("backups holding them = %v, want %s and %s (not %s)", holding, second, first, older)
	}
	if found := leftIn(t, e, first); len(found) == 0 {
		t.Fatal("the backup holds nothing of theirs before scrubbing: the test would prove nothing")
	}
	before, _ := os.Stat(first)
	for _, b := range holding {
		if err := ScrubBackup(ctx, b.Path, e.person.ID); err != nil {
			t.Fatalf("ScrubBackup(%s): %v", b.Path, err)
		}
		if found := leftIn(t, e, b.Path, b.Path+"-journal", b.Path+"-wal"); len(found) > 0 {
			t.Errorf("found in %s after scrubbing: %v", filepath.Base(b.Path), found)
		}
		if idOutsideAudit(t, b.Path, e.person.ID) {
			t.Errorf("their id is still in %s, outside the audit log", filepath.Base(b.Path))
		}
		info, err := os.Stat(b.Path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v after scrubbing, want owner-only", filepath.Base(b.Path), info.Mode().Perm())
		}
		if err := verifyBackup(ctx, b.Path); err != nil {
			t.Errorf("scrubbed backup fails its check: %v", err)
		}
	}
	after, _ := os.Stat(first)
	if !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("scrubbing moved the backup's date from %v to %v", before.ModTime(), after.ModTime())
	}
	if n := peopleIn(t, second); n != 25 {
		t.Errorf("the newer backup holds %d people after scrubbing, want the other 25", n)
	}
	holding, _, _ = BackupsHolding(ctx, dir, e.person.ID)
	if len(holding) != 0 {
		t.Errorf("still holding them after scrubbing: %v", holding)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, BackupFolder))
	if len(entries) != 3 {
		t.Errorf("the backups folder holds %d files after scrubbing, want the 3 backups alone", len(entries))
	}
}

func TestRecordsKeptAsideByARestoreAreReported(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := addErasable(t, s)
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	restored, err := Restore(ctx, dir, backup)
	aside := restored.KeptAside // what was there is kept aside, with them in it
	if err != nil || aside == "" {
		t.Fatalf("Restore: %q, %v", aside, err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ErasePerson(ctx, e.person.ID); err != nil {
		t.Fatal(err)
	}
	holding, unreadable := KeptAsideHolding(ctx, dir, e.person.ID)
	if len(holding) != 1 || holding[0] != aside || len(unreadable) != 0 {
		t.Errorf("kept aside holding them: %v (unreadable %v), want %s", holding, unreadable, aside)
	}
	if holding, _ := KeptAsideHolding(ctx, dir, "someone-else"); len(holding) != 0 {
		t.Errorf("kept aside holding no one: %v", holding)
	}
}
