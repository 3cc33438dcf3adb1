package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
)

// openTemp opens a fresh database in a temporary folder with a fixed clock.
func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	clock := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	t.Cleanup(func() { s.Close() })
	return s
}

var ctx = context.Background()

func TestMigratesFromEmpty(t *testing.T) {
	s := openTemp(t)
	v, err := s.SchemaVersion(ctx)
	if err != nil || v != LatestSchema() || v < 1 {
		t.Fatalf("schema version = %d, %v; want %d", v, err, LatestSchema())
	}
	for _, table := range append(countedTables, "settings") {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
			t.Errorf("table %s: %v", table, err)
		}
	}
	var mode string
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk int
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
}

func TestReopenKeepsRecordsAndVersion(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := data.Person{Name: "Mair Jones", Nation: data.Wales}
	if err := s.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.Person(ctx, p.ID)
	if err != nil || got.Name != "Mair Jones" {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
}

func TestRefusesNewerSchemaAndLeavesItUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE future (x); PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)

	_, err = Open(dir)
	var ue *data.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Message, "newer version") {
		t.Fatalf("Open of a newer database: %v; want a message about a newer version", err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the newer database was changed")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a WAL file was created beside the newer database")
	}
}

func TestRefusesDamagedDatabase(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		p := data.Person{Name: strings.Repeat("Ffion ", 20), Nation: data.Wales}
		if err := s.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	// Fold the WAL back into the main file so the damage lands in it.
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	path := filepath.Join(dir, FileName)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	garbage := []byte(strings.Repeat("\xde\xad\xbe\xef", 1024))
	if _, err := f.WriteAt(garbage, 4096*2); err != nil { // the middle of the people table
		t.Fatal(err)
	}
	f.Close()

	_, err = Open(dir)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open of a damaged database: %v; want ErrDamaged", err)
	}
	if !strings.Contains(data.Message(err), "damaged") {
		t.Errorf("message %q does not say the database is damaged", data.Message(err))
	}
}

func TestRoundTripEveryRecordType(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {

		person := data.Person{
			Name: "Siân Llŷr ap Dafydd", DateOfBirth: data.MustDate(1984, 2, 29),
			Address: "2 Heol y Felin\nLlandeilo\nSA19 6AA", Phone: "01632 960123", Email: "sian@example.org",
			NHSNumber: "943 476 5919", Nation: data.Wales, Notes: "Prefers letters in the morning post.",
			ConsentOn: data.MustDate(2026, 10, 30), ConsentScope: "Letters and calls about her second opinion",
			Flags:    []string{"interpreter", "urgent"},
			Pronouns: data.PronounsShe, Title: data.TitleMs, NHSName: "Sian Dafydd", Relationship: "my sister",
		}
		mustSave(t, s.SavePerson(ctx, &person))
		if person.ID == "" || person.CreatedAt.IsZero() || person.NHSNumber != "9434765919" {
			t.Fatalf("SavePerson did not stamp and normalise: %+v", person)
		}
		gotPerson, err := s.Person(ctx, person.ID)
		mustEqual(t, "person", gotPerson, person, err)

		contact := data.Contact{
			Name: "Dr Aled Rees", Role: data.RoleClinician, Organisation: "Hywel Dda University Health Board",
			Address: "Community Mental Health Team\nCarmarthen", Email: "aled.rees@example.org", Phone: "01632 960999",
			Notes: "Consultant psychiatrist", LastVerified: data.MustDate(2026, 10, 1), FundingReviewDays: 28,
		}
		mustSave(t, s.SaveContact(ctx, &contact))
		gotContact, err := s.Contact(ctx, contact.ID)
		mustEqual(t, "contact", gotContact, contact, err)

		request := data.Request{
			PersonID: person.ID, Subject: data.SubjectDiagnosis, Route: data.RouteLocal, AskedBy: data.AskedByCarer,
			AskedHow: data.AskedInWriting, ReasonCategory: data.ReasonDisagreeDiagnosis, OnBehalf: true,
			RecipientID: contact.ID, Condition: "bipolar disorder", Treatment: "lithium", RaisedWithDoctor: true,
			Reason: "The diagnosis was made after one short appointment.", OutcomeWanted: "A second opinion",
			UnwellSince: "2019", Admissions: "Two, in 2020 and 2023", MedicationsTried: "Sertraline; quetiapine",
			CurrentMedication: "Lithium 800 mg", Problems: "Cannot work", SideEffects: "Tremor", AlreadyTried: "Asked at review",
			ReplyMethod: data.ReplyByEmail, TestsAndAssessments: "Thyroid function normal (October 2026)",
			RiskAssessment: "Low risk to self and others", Questions: "Is the diagnosis right?\nWould lamotrigine help?",
			Timescale: "within four weeks",
		}
		mustSave(t, s.SaveRequest(ctx, &request))
		gotRequest, err := s.Request(ctx, request.ID)
		mustEqual(t, "request", gotRequest, request, err)

		letter := data.Letter{RequestID: request.ID, Kind: data.KindSecondOpinionDiagnosis, RecipientID: contact.ID,
			Body: "Subject\n\nDear Dr Rees,\n\n• one\n• two", LargePrint: true}
		mustSave(t, s.SaveLetter(ctx, &letter))
		gotLetter, err := s.Letter(ctx, letter.ID)
		mustEqual(t, "letter", gotLetter, letter, err)

		sent := data.Step{On: data.MustDate(2026, 11, 2), DueOn: data.MustDate(2026, 11, 16), DueWhat: "A reply", Minutes: 30}
		letter.SentHow = data.SentByPost
		mustSave(t, s.MarkSent(ctx, &letter, &sent))
		gotLetter, err = s.Letter(ctx, letter.ID)
		mustEqual(t, "sent letter", gotLetter, letter, err)
		if !gotLetter.Sent() {
			t.Error("letter not marked sent")
		}

		reply := data.Step{RequestID: request.ID, On: data.MustDate(2026, 11, 10), Kind: data.StepReply,
			Outcome: data.OutcomeRefused, Summary: "Refused by phone", Attachment: "attachments/reply.pdf"}
		mustSave(t, s.AddStep(ctx, &reply))
		steps, err := s.StepsFor(ctx, request.ID)
		if err != nil || len(steps) != 2 {
			t.Fatalf("StepsFor: %d steps, %v", len(steps), err)
		}
		mustEqual(t, "sent step", steps[0], sent, nil)
		mustEqual(t, "reply step", steps[1], reply, nil)
		if steps[0].LetterKind != data.KindSecondOpinionDiagnosis || steps[0].Kind != data.StepLetterSent {
			t.Errorf("sent step lost its letter: %+v", steps[0])
		}

		reply.Summary = "Refused by phone; letter to follow"
		mustSave(t, s.UpdateStep(ctx, reply))
		steps, _ = s.StepsFor(ctx, request.ID)
		if steps[1].Summary != reply.Summary {
			t.Errorf("UpdateStep: summary = %q", steps[1].Summary)
		}

		sender := data.Sender{Name: "Zoë O'Brien-Ng", Role: "Advocate", Organisation: "Example Advocacy",
			Address: "1 High Street\nLeeds", Phone: "0113 496 0000", Email: "zoe@example.org"}
		mustSave(t, s.SaveSender(ctx, sender))
		gotSender, err := s.Sender(ctx)
		mustEqual(t, "sender", gotSender, sender, err)

		counts, err := s.Counts(ctx)
		want := []Count{{"people", 1}, {"contacts", 1}, {"requests", 1}, {"letters", 1}, {"steps", 2}, {"attachments", 0}}
		mustEqual(t, "counts", counts, want, err)
		if err := s.Check(ctx); err != nil {
			t.Errorf("Check: %v", err)
		}
	})
}

func TestDeletingAPersonDeletesTheirRecords(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		p := data.Person{Name: "Aoife Ní Bhriain", Nation: data.NorthernIreland}
		mustSave(t, s.SavePerson(ctx, &p))
		r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment}
		mustSave(t, s.SaveRequest(ctx, &r))
		st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 1, 5), Kind: data.StepNote}
		mustSave(t, s.AddStep(ctx, &st))

		mustSave(t, s.DeletePerson(ctx, p.ID))
		if _, err := s.Request(ctx, r.ID); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("request after deleting its person: %v", err)
		}
		steps, _ := s.StepsFor(ctx, r.ID)
		if len(steps) != 0 {
			t.Errorf("%d steps left after deleting their person", len(steps))
		}
		if err := s.DeletePerson(ctx, p.ID); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("deleting twice: %v, want ErrNotFound", err)
		}
	})
}

func TestInvalidRecordsAreNotSaved(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		cases := []struct {
			name string
			save func() error
			msg  string
		}{
			{"person without a name", func() error { return s.SavePerson(ctx, &data.Person{Nation: data.England}) }, "name is needed"},
			{"person with a bad NHS number", func() error {
				return s.SavePerson(ctx, &data.Person{Name: "A", Nation: data.England, NHSNumber: "9434765918"})
			}, "not a valid number"},
			{"request for nobody", func() error { return s.SaveRequest(ctx, &data.Request{Subject: data.SubjectDiagnosis}) }, "who this request is for"},
			{"request for a missing person", func() error {
				return s.SaveRequest(ctx, &data.Request{PersonID: "missing", Subject: data.SubjectDiagnosis})
			}, ""},
			{"reply without an outcome", func() error {
				return s.AddStep(ctx, &data.Step{RequestID: "x", On: data.MustDate(2026, 1, 1), Kind: data.StepReply})
			}, "what they said"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				err := c.save()
				if err == nil {
					t.Fatal("saved; want an error")
				}
				if c.msg != "" && !strings.Contains(data.Message(err), c.msg) {
					t.Errorf("message %q does not contain %q", data.Message(err), c.msg)
				}
			})
		}
		counts, _ := s.Counts(ctx)
		for _, c := range counts {
			if c.N != 0 {
				t.Errorf("%d %s saved despite errors", c.N, c.Table)
			}
		}
	})
}

func TestMarkSentIsAllOrNothing(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		p := data.Person{Name: "Ewan MacLeòid", Nation: data.Scotland}
		mustSave(t, s.SavePerson(ctx, &p))
		r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment}
		mustSave(t, s.SaveRequest(ctx, &r))
		l := data.Letter{RequestID: r.ID, Kind: data.KindReviewTreatment}
		mustSave(t, s.SaveLetter(ctx, &l))

		// A step whose letter points at a missing request fails the foreign key
		// inside the transaction: the letter must not be marked sent either.
		bad := l
		bad.RequestID = "no-such-request"
		bad.SentOn = data.MustDate(2026, 11, 1)
		step := data.Step{On: bad.SentOn}
		if err := s.MarkSent(ctx, &bad, &step); err == nil {
			t.Fatal("MarkSent with a missing request succeeded")
		}
		got, _ := s.Letter(ctx, l.ID)
		if got.Sent() {
			t.Error("letter marked sent although its step failed")
		}
		steps, _ := s.AllSteps(ctx)
		if len(steps) != 0 {
			t.Errorf("%d steps saved by a failed MarkSent", len(steps))
		}
	})
}

func TestTextIsKeptByteForByte(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		texts := []string{
			"Siân Llŷr ap Dafydd", "Zoë O'Brien-Ng", "Ffŵrnes", "José Ñúñez", "مريم الحسيني", "שרה כהן",
			"Robert'); DROP TABLE people; --", "👩‍⚕️ 🙂", "Line one\nLine two\r\n\tindented",
		}
		for _, text := range texts {
			p := data.Person{Name: strings.ReplaceAll(strings.ReplaceAll(text, "\n", " "), "\t", " "), Nation: data.England, Notes: text}
			p.Name = strings.ReplaceAll(p.Name, "\r", "")
			mustSave(t, s.SavePerson(ctx, &p))
			got, err := s.Person(ctx, p.ID)
			if err != nil || got.Notes != text || got.Name != p.Name {
				t.Errorf("%q came back as %q / %q (%v)", text, got.Name, got.Notes, err)
			}
		}
		big := strings.Repeat("Ysbyty Gwynedd — ", 60000)[:1<<20-10]
		p := data.Person{Name: "Big paste", Nation: data.Wales, Notes: big}
		mustSave(t, s.SavePerson(ctx, &p))
		got, _ := s.Person(ctx, p.ID)
		if got.Notes != big {
			t.Errorf("a %d-byte paste came back as %d bytes", len(big), len(got.Notes))
		}
		people, err := s.People(ctx)
		if err != nil || len(people) != len(texts)+1 {
			t.Errorf("People: %d, %v", len(people), err)
		}
	})
}

func mustSave(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("save: %v", err)
	}
}

func mustEqual(t *testing.T, what string, got, want any, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s round trip:\n got %+v\nwant %+v", what, got, want)
	}
}

func TestMigratesFromTheFirstVersion(t *testing.T) {
	// A database left at version 1 with a person in it gains the new
	// columns and keeps the person.
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := migrationFiles.ReadFile(migrations()[0])
	if _, err := db.Exec(string(first) + "; PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO people (id, name, nation, created_at, updated_at)
		VALUES ('p1', 'Seònaid Ross', 'scotland', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open of a version 1 database: %v", err)
	}
	defer s.Close()
	if v, _ := s.SchemaVersion(ctx); v != LatestSchema() {
		t.Errorf("version %d after migrating, want %d", v, LatestSchema())
	}
	p, err := s.Person(ctx, "p1")
	if err != nil || p.Name != "Seònaid Ross" || p.HasConsent() || p.Flags != nil {
		t.Errorf("person after migrating: %+v, %v", p, err)
	}
}

func TestAttachedFilesTravelWithTheirStep(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		p := data.Person{Name: "Tegwen", Nation: data.Wales}
		mustSave(t, s.SavePerson(ctx, &p))
		r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis}
		mustSave(t, s.SaveRequest(ctx, &r))
		scan := []byte("%PDF-1.4 a scanned reply \x00\xff")
		st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 2), Kind: data.StepReply, Outcome: data.OutcomeRefused}
		mustSave(t, s.AddStepWithFile(ctx, &st, "/home/someone/Downloads/reply.pdf", scan))
		if st.Attachment != "reply.pdf" {
			t.Errorf("Attachment = %q, want the file's name", st.Attachment)
		}
		name, got, err := s.AttachedFile(ctx, st.ID)
		if err != nil || name != "reply.pdf" || string(got) != string(scan) {
			t.Fatalf("AttachedFile = %q, %q, %v", name, got, err)
		}
		// A backup carries it.
		backup := filepath.Join(t.TempDir(), "b.db")
		mustSave(t, s.Backup(ctx, backup))
		other := t.TempDir()
		if _, err := Restore(ctx, other, backup); err != nil {
			t.Fatal(err)
		}
		o, _ := Open(other)
		if _, got, err := o.AttachedFile(ctx, st.ID); err != nil || string(got) != string(scan) {
			t.Errorf("after a restore: %q, %v", got, err)
		}
		o.Close()
		// Deleting the step deletes it; a too-large file is refused.
		mustSave(t, s.DeleteStep(ctx, st.ID))
		if _, _, err := s.AttachedFile(ctx, st.ID); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("after deleting the step: %v", err)
		}
		big := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 3), Kind: data.StepNote}
		if err := s.AddStepWithFile(ctx, &big, "huge.jpg", make([]byte, LimitAttachment+1)); err == nil ||
			!strings.Contains(data.Message(err), "too large") {
			t.Errorf("a too-large file: %v", err)
		}
	})
}

func TestSaveTogetherIsAllOrNothing(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		person := data.Person{Name: "Gwilym", Nation: data.Wales}
		contact := data.Contact{Name: "Dr Ann Lewis", Role: data.RoleGP}
		req := data.Request{Subject: data.SubjectTreatment}
		letter := data.Letter{Kind: data.KindReceptionReceipt, SentOn: data.MustDate(2026, 11, 20), SentHow: data.SentByHand}
		step := data.Step{On: letter.SentOn}
		// A bad step fails the whole: no person, contact or request is left.
		bad := step
		bad.DueOn = data.MustDate(2026, 1, 1)
		err := s.SaveTogether(ctx, Together{Person: &person, Contact: &contact, Request: &req, Letter: &letter, Step: &bad})
		if err == nil || person.ID != "" || req.ID != "" {
			t.Fatalf("a failed SaveTogether: %v, person %q, request %q", err, person.ID, req.ID)
		}
		counts, _ := s.Counts(ctx)
		for _, c := range counts {
			if c.N != 0 {
				t.Errorf("%d %s left by a failed save", c.N, c.Table)
			}
		}
		mustSave(t, s.SaveTogether(ctx, Together{Person: &person, Contact: &contact, Request: &req, Letter: &letter, Step: &step}))
		if req.PersonID != person.ID || req.RecipientID != contact.ID || step.LetterID != letter.ID || step.RequestID != req.ID {
			t.Errorf("ids not wired: %+v %+v", req, step)
		}
		steps, _ := s.StepsFor(ctx, req.ID)
		if len(steps) != 1 || steps[0].Kind != data.StepLetterSent {
			t.Errorf("steps %+v", steps)
		}
	})
}

func TestRefusalWithoutReasonsIsKept(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *Store) {
		p := data.Person{Name: "Joseph Okoro", Nation: data.England}
		if err := st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Route: data.RouteReview}
		if err := st.SaveRequest(ctx, &r); err != nil {
			t.Fatal(err)
		}
		step := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 2), Kind: data.StepReply, Outcome: data.OutcomeRefused, NoReasons: true}
		if err := st.AddStep(ctx, &step); err != nil {
			t.Fatal(err)
		}
		got, _ := st.StepsFor(ctx, r.ID)
		if len(got) != 1 || !got[0].NoReasons {
			t.Fatalf("steps read back: %+v; want the refusal without reasons", got)
		}
		step.NoReasons = false
		if err := st.UpdateStep(ctx, step); err != nil {
			t.Fatal(err)
		}
		if got, _ = st.StepsFor(ctx, r.ID); got[0].NoReasons {
			t.Error("reasons given later were not kept")
		}
	})
}

func TestRelationshipIsKept(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *Store) {
		p := data.Person{Name: "Margaret Ellis", Nation: data.England, Relationship: "my mother"}
		if err := st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		if got, err := st.Person(ctx, p.ID); err != nil || got.Relationship != "my mother" {
			t.Fatalf("read back %+v, %v; want the relationship kept", got, err)
		}
	})
}
