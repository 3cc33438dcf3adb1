package store_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/report"
	"secondopinion/data/store"
	"secondopinion/data/vault"
)

// figures is everything a report for all time says, as its CSV of
// figures and its anonymised rows.
func figures(t *testing.T, st *store.Store, today data.Date) string {
	t.Helper()
	r, err := report.FromStore(context.Background(), st, data.Date{}, data.Date{}, today)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.WriteFiguresCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	if err := report.WriteText(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// kept is what anonymising must keep of a person's requests: everything
// the figures count.
func kept(t *testing.T, st *store.Store, personID string) string {
	t.Helper()
	ctx := context.Background()
	reqs, err := st.RequestsFor(ctx, personID)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range reqs {
		b.WriteString(strings.Join([]string{r.ID, string(r.Subject), string(r.Route), string(r.AskedBy), string(r.AskedHow),
			string(r.ReasonCategory), r.RecipientID, r.CreatedAt.String()}, "|") + "\n")
		steps, _ := st.StepsFor(ctx, r.ID)
		for _, s := range steps {
			b.WriteString("  " + strings.Join([]string{s.ID, s.On.String(), string(s.Kind), string(s.Outcome), s.DueOn.String(),
				s.LetterKind, string(s.SentHow), s.ReceivedOn.String()}, "|") + "\n")
		}
	}
	return b.String()
}

func TestAnonymisingKeepsTheFiguresAndLeavesNoWordsOfTheirs(t *testing.T) {
	for _, protected := range []bool{false, true} {
		name := "plain"
		if protected {
			name = "protected"
		}
		t.Run(name, func(t *testing.T) { anonymiseTrial(t, protected) })
	}
}

func anonymiseTrial(t *testing.T, protected bool) {
	ctx := context.Background()
	today := data.MustDate(2026, 12, 2)
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveBatch(ctx, demo.Build(60, 7, today)); err != nil {
		t.Fatal(err)
	}
	// The person with the most requests, given words found nowhere else.
	all, _ := st.LoadAll(ctx)
	count := map[string]int{}
	for _, r := range all.Requests {
		count[r.PersonID]++
	}
	var p data.Person
	for _, x := range all.People {
		if count[x.ID] > count[p.ID] {
			p = x
		}
	}
	p.Name, p.NHSNumber, p.Address = "Zephyrine Quillfeather", "943 476 5919", "7 Larkspur Mews\nHexham"
	p.Notes, p.Email, p.Phone = "Prefers calls about the marshmallow-aardvark", "zq@example.org", "01632 960 417"
	must(t, st.SavePerson(ctx, &p))
	reqs, _ := st.RequestsFor(ctx, p.ID)
	r := reqs[0]
	r.Condition, r.Reason = "quetiapine-periwinkle", "Reason about the xylophone-gooseberry"
	must(t, st.SaveRequest(ctx, &r))
	draft := data.Letter{RequestID: r.ID, Kind: data.KindReviewTreatment, Body: "Draft about the blue-heron-tangerine"}
	must(t, st.SaveLetter(ctx, &draft))
	sent := data.Letter{RequestID: r.ID, Kind: data.KindComplaint, Body: "Sent letter on the cobalt-lantern clinic"}
	must(t, st.SaveLetter(ctx, &sent))
	must(t, st.MarkSent(ctx, &sent, &data.Step{On: data.MustDate(2026, 3, 2), Summary: "Posted by walrus-saffron"}))
	scan := make([]byte, 200<<10)
	rand.Read(scan)
	must(t, st.AddStepWithFile(ctx, &data.Step{RequestID: r.ID, On: data.MustDate(2026, 3, 20), Kind: data.StepReply,
		Outcome: data.OutcomeRefused, Summary: "Refused by the tamarind-sloop team"}, "Reply from the pomegranate clinic.pdf", scan))
	must(t, st.SetSetting(ctx, store.SettingDraft, `{"person":"`+p.ID+`","reason":"draft-reason-mangosteen"}`))
	words := []string{"Zephyrine", "Quillfeather", "9434765919", "Larkspur", "marshmallow-aardvark", "zq@example.org",
		"01632 960 417", "quetiapine-periwinkle", "xylophone-gooseberry", "blue-heron-tangerine", "cobalt-lantern",
		"walrus-saffron", "tamarind-sloop", "pomegranate clinic", "draft-reason-mangosteen"}
	if protected {
		rk, _ := vault.NewRecoveryKey()
		if _, err := st.Protect(ctx, "harbour kettle juniper nine", rk); err != nil {
			t.Fatal(err)
		}
	}
	before, keptBefore := figures(t, st, today), kept(t, st, p.ID)
	db := filepath.Join(dir, store.FileName)
	if !protected && len(leftOf(t, words, scan, db, db+"-wal")) == 0 {
		t.Fatal("their words are not in the file to begin with: the test would prove nothing")
	}

	got, err := st.AnonymisePerson(ctx, p.ID, today)
	if err != nil {
		t.Fatalf("AnonymisePerson: %v", err)
	}
	want := store.Anonymised{Name: "Zephyrine Quillfeather", Requests: len(reqs), Drafts: 1, Attachments: 1, Settings: 1, LogCleared: true}
	if got.Name != want.Name || got.Requests != want.Requests || got.Drafts != want.Drafts || got.Attachments != want.Attachments ||
		got.Settings != want.Settings || !got.LogCleared || got.Letters < 1 || got.Steps < 2 {
		t.Errorf("Anonymised = %+v, want %+v with letters and steps kept", got, want)
	}
	if found := leftOf(t, words, scan, db, db+"-wal"); len(found) > 0 {
		t.Errorf("found after anonymising: %v", found)
	}
	if after := figures(t, st, today); after != before {
		t.Errorf("the figures changed:\n%s\nwant\n%s", after, before)
	}
	if k := kept(t, st, p.ID); k != keptBefore {
		t.Errorf("their requests changed:\n%s\nwant\n%s", k, keptBefore)
	}
	anon, err := st.Person(ctx, p.ID)
	if err != nil || anon.Name != store.AnonymisedName || anon.Nation != p.Nation || anon.AnonymisedOn != today ||
		anon.NHSNumber != "" || anon.Notes != "" || !anon.DateOfBirth.IsZero() {
		t.Errorf("the person after anonymising: %+v, %v", anon, err)
	}
	if err := st.Check(ctx); err != nil {
		t.Errorf("Check after anonymising: %v", err)
	}
	if _, err := st.AnonymisePerson(ctx, p.ID, today); err == nil || !strings.Contains(data.Message(err), "anonymised already") {
		t.Errorf("anonymising twice: %v", err)
	}
	if _, err := st.AnonymisePerson(ctx, "nobody", today); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("anonymising no one: %v", err)
	}
	log, _, _ := st.AuditLog(ctx, store.AuditFilter{Action: store.AuditAnonymised})
	if len(log) != 1 || log[0].Record != p.ID {
		t.Errorf("the audit log of anonymising: %+v", log)
	}
	st.Close()
	if found := leftOf(t, words, scan, db, db+"-wal"); len(found) > 0 {
		t.Errorf("found after closing: %v", found)
	}
}

// leftOf returns the words, or the attached file's bytes, found in the
// raw bytes of the files.
func leftOf(t *testing.T, words []string, file []byte, paths ...string) []string {
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
		for _, w := range words {
			if bytes.Contains(b, []byte(w)) {
				found = append(found, filepath.Base(path)+": "+w)
			}
		}
		for off := 0; off+64 <= len(file); off += 4096 {
			if bytes.Contains(b, file[off:off+64]) {
				found = append(found, filepath.Base(path)+": the attached file's bytes")
				break
			}
		}
	}
	return found
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
