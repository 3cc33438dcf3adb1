package store

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"

	"secondopinion/data"
)

// auditLines is the log, oldest first, as "action kind record" lines.
func auditLines(t *testing.T, s *Store, f AuditFilter) []string {
	t.Helper()
	log, n, err := s.AuditLog(ctx, f)
	if err != nil {
		t.Fatalf("AuditLog: %v", err)
	}
	if f.Limit == 0 && n != len(log) {
		t.Errorf("AuditLog counts %d entries and returns %d", n, len(log))
	}
	var out []string
	for i := len(log) - 1; i >= 0; i-- {
		out = append(out, log[i].Action+" "+log[i].Kind+" "+log[i].Record)
	}
	return out
}

func TestAuditNotesSavesDeletesAndErasingWithoutTheirWords(t *testing.T) {
	s := openTemp(t)
	s.SetWho("Front desk 2")
	e := addErasable(t, s)
	other := data.Person{Name: "Deleted Dafydd", Nation: data.Wales}
	mustSave(t, s.SavePerson(ctx, &other))
	mustSave(t, s.DeletePerson(ctx, other.ID))
	reqs, _ := s.RequestsFor(ctx, e.person.ID)
	letters, _ := s.LettersFor(ctx, reqs[0].ID)
	steps, _ := s.StepsFor(ctx, reqs[0].ID)
	if _, err := s.ErasePerson(ctx, e.person.ID); err != nil {
		t.Fatal(err)
	}

	want := []string{
		"created person " + e.person.ID,
		"created request " + reqs[0].ID,
		"created letter " + letters[0].ID,
		"changed letter " + letters[0].ID, // marked as sent
		"created step " + steps[0].ID,
		"created step " + steps[1].ID, // the reply, with its file
		"changed person " + e.person.ID,
		"created person " + other.ID,
		"deleted person " + other.ID,
		"erased person " + e.person.ID,
	}
	got := auditLines(t, s, AuditFilter{})
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	log, _, _ := s.AuditLog(ctx, AuditFilter{})
	for _, en := range log {
		if en.Who != "Front desk 2" {
			t.Errorf("entry %d names %q, want the desk", en.Seq, en.Who)
		}
		if en.At.IsZero() || en.At.Year() != 2026 {
			t.Errorf("entry %d is dated %v, want the store's clock", en.Seq, en.At)
		}
	}
	// Nothing of what they said or who they are is in the log, only ids.
	var all string
	if err := s.db.QueryRow("SELECT group_concat(at || who || action || kind || record, '|') FROM audit").Scan(&all); err != nil {
		t.Fatal(err)
	}
	for _, w := range append(e.words, "Deleted Dafydd", "Dr Okafor") {
		if strings.Contains(all, w) {
			t.Errorf("the audit log holds %q", w)
		}
	}
	if got := auditLines(t, s, AuditFilter{Action: AuditErased}); len(got) != 1 || got[0] != "erased person "+e.person.ID {
		t.Errorf("filtered to erasing: %v", got)
	}
	newest, n, _ := s.AuditLog(ctx, AuditFilter{Limit: 2})
	if n != len(want) || len(newest) != 2 || newest[0].Action != AuditErased || newest[1].Action != AuditDeleted {
		t.Errorf("newest 2 of %d: %+v", n, newest)
	}
}

func TestAuditCSVHasEveryEntryAndNoFormulas(t *testing.T) {
	s := openTemp(t)
	s.SetWho("=HYPERLINK(\"x\")")
	p := data.Person{Name: "Ceri Lloyd", Nation: data.Wales}
	mustSave(t, s.SavePerson(ctx, &p))
	mustSave(t, s.Note(ctx, AuditOpened, AuditPerson, p.ID))
	mustSave(t, s.Note(ctx, AuditExported, AuditPerson, p.ID))
	var b bytes.Buffer
	if err := s.WriteAuditCSV(ctx, &b, AuditFilter{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || strings.Join(rows[0], ",") != "when,who,action,kind,record" {
		t.Fatalf("CSV rows: %q", rows)
	}
	if rows[1][2] != AuditExported || rows[3][2] != AuditCreated || rows[1][4] != p.ID {
		t.Errorf("CSV is not newest first: %q", rows)
	}
	if !strings.HasPrefix(rows[1][0], "2026-11-21T09:00:") || !strings.HasSuffix(rows[1][0], "Z") || len(rows[1][0]) != 20 {
		t.Errorf("when = %q, want UTC to the second", rows[1][0])
	}
	if !strings.HasPrefix(rows[1][1], "'=") {
		t.Errorf("who = %q: a spreadsheet would run it", rows[1][1])
	}
	b.Reset()
	s.WriteAuditCSV(ctx, &b, AuditFilter{Action: AuditOpened})
	if rows, _ := csv.NewReader(&b).ReadAll(); len(rows) != 2 || rows[1][2] != AuditOpened {
		t.Errorf("filtered CSV: %q", rows)
	}
}

// A change that fails is not in the log: the note is in its transaction.
func TestAuditNoteGoesWithItsChange(t *testing.T) {
	s := openTemp(t)
	p := data.Person{Name: "Aled Price", Nation: data.Wales}
	mustSave(t, s.SavePerson(ctx, &p))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis}
	mustSave(t, s.SaveRequest(ctx, &r))
	before := auditLines(t, s, AuditFilter{})
	missing := data.Step{ID: "no-such-step", RequestID: r.ID, On: data.MustDate(2026, 5, 1), Kind: data.StepNote, Summary: "x"}
	if err := s.UpdateStep(ctx, missing); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("UpdateStep of a missing step: %v", err)
	}
	if err := s.DeleteLetter(ctx, "no-such-letter"); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("DeleteLetter of a missing letter: %v", err)
	}
	// A batch refused part-way (a request for someone missing) notes nothing.
	err := s.SaveBatch(ctx, &Batch{People: []data.Person{{Name: "Batch Person", Nation: data.England}},
		Requests: []data.Request{{PersonID: "nobody", Subject: data.SubjectDiagnosis}}})
	if err == nil {
		t.Fatal("a batch with a request for no one was saved")
	}
	if after := auditLines(t, s, AuditFilter{}); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("failed changes were noted:\n%v\nwant\n%v", after, before)
	}
	step := data.Step{RequestID: r.ID, On: data.MustDate(2026, 5, 1), Kind: data.StepNote, Summary: "called"}
	mustSave(t, s.AddStep(ctx, &step))
	step.Summary = "called twice"
	mustSave(t, s.UpdateStep(ctx, step))
	mustSave(t, s.DeleteStep(ctx, step.ID))
	mustSave(t, s.DeleteRequest(ctx, r.ID))
	got := auditLines(t, s, AuditFilter{})[len(before):]
	want := []string{"created step " + step.ID, "changed step " + step.ID, "deleted step " + step.ID, "deleted request " + r.ID}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("audit log %v, want %v", got, want)
	}
	if s.Who() == "" {
		t.Error("no user name for the log")
	}
}
