package subject_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/subject"
)

var ctx = context.Background()

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fixture is a person with a request, an edited and sent letter, a reply
// with a file attached, and someone else whose records must stay out.
type fixture struct {
	st      *store.Store
	person  data.Person
	other   data.Person
	file    []byte
	request data.Request
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	st, err := store.Open(t.TempDir())
	must(t, err)
	t.Cleanup(func() { st.Close() })
	f := fixture{st: st}
	f.person = data.Person{Name: "Bronwen Ellis-Achebe", DateOfBirth: data.MustDate(1971, 6, 3), NHSNumber: "943 476 5919",
		Nation: data.Wales, Address: "4 Stryd y Castell\nAberystwyth", Notes: "Hard of hearing: write, don't phone.",
		ConsentOn: data.MustDate(2026, 2, 1), ConsentScope: "Letters about her treatment", Flags: []string{"interpreter"}}
	must(t, st.SavePerson(ctx, &f.person))
	f.other = data.Person{Name: "Someone Else Entirely", Nation: data.England}
	must(t, st.SavePerson(ctx, &f.other))
	gp := data.Contact{Name: "Dr Ffion Rhys", Role: data.RoleGP, Organisation: "Castle Surgery"}
	must(t, st.SaveContact(ctx, &gp))
	f.request = data.Request{PersonID: f.person.ID, Subject: data.SubjectTreatment, Treatment: "sertraline",
		Condition: "depression", Reason: "It has not helped in eight months.", RecipientID: gp.ID}
	must(t, st.SaveRequest(ctx, &f.request))
	edited := data.Letter{RequestID: f.request.ID, Kind: data.KindReviewTreatment, RecipientID: gp.ID,
		Body: "Please review my sertraline\n\nDear Dr Rhys,\n\nIn my own words: it is not working.\n\nYours sincerely,\n\nBronwen"}
	must(t, st.SaveLetter(ctx, &edited))
	must(t, st.MarkSent(ctx, &edited, &data.Step{On: data.MustDate(2026, 3, 2), DueOn: data.MustDate(2026, 3, 16)}))
	draft := data.Letter{RequestID: f.request.ID, Kind: data.KindPALS}
	must(t, st.SaveLetter(ctx, &draft))
	f.file = append([]byte("%PDF-1.4 reply\x00\xff"), bytes.Repeat([]byte{7}, 3000)...)
	reply := data.Step{RequestID: f.request.ID, On: data.MustDate(2026, 3, 20), Kind: data.StepReply,
		Outcome: data.OutcomeRefused, Summary: "Refused; no reasons given", NoReasons: true}
	must(t, st.AddStepWithFile(ctx, &reply, "reply.pdf", f.file))
	r2 := data.Request{PersonID: f.other.ID, Subject: data.SubjectDiagnosis, Condition: "someone else's condition"}
	must(t, st.SaveRequest(ctx, &r2))
	return f
}

func TestTheCopyHoldsEverythingOfTheirsAndNothingElse(t *testing.T) {
	f := newFixture(t)
	made := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	c, err := subject.Gather(ctx, f.st, f.person.ID, made)
	must(t, err)
	b, err := c.JSON()
	must(t, err)
	if bytes.Contains(b, []byte("Someone Else")) || bytes.Contains(b, []byte("someone else's condition")) {
		t.Error("the copy holds another person's records")
	}

	// Read back as plain JSON: the documented names, not Go's.
	var doc map[string]any
	must(t, json.Unmarshal(b, &doc))
	if doc["format"] != subject.Format || doc["version"] != float64(1) || doc["made_at"] != "2026-12-02T10:00:00Z" {
		t.Errorf("header = %v %v %v", doc["format"], doc["version"], doc["made_at"])
	}
	person := doc["person"].(map[string]any)
	for key, want := range map[string]any{"name": "Bronwen Ellis-Achebe", "date_of_birth": "1971-06-03",
		"nhs_number": "9434765919", "nation": "wales", "notes": "Hard of hearing: write, don't phone."} {
		if person[key] != want {
			t.Errorf("person.%s = %v, want %v", key, person[key], want)
		}
	}
	consent := person["consent"].(map[string]any)
	if consent["given_on"] != "2026-02-01" || consent["scope"] != "Letters about her treatment" {
		t.Errorf("consent = %v", consent)
	}
	reqs := doc["requests"].([]any)
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	req := reqs[0].(map[string]any)
	if req["treatment"] != "sertraline" || req["recipient"] != "Dr Ffion Rhys, Castle Surgery" || req["status"] == "" {
		t.Errorf("request = %v", req)
	}
	letters := req["letters"].([]any)
	if len(letters) != 2 {
		t.Fatalf("%d letters, want 2", len(letters))
	}
	sent := letters[0].(map[string]any)
	if sent["text_source"] != "edited" || !strings.Contains(sent["text"].(string), "In my own words") || sent["sent_on"] != "2026-03-02" {
		t.Errorf("edited letter = %v", sent)
	}
	if d := letters[1].(map[string]any); d["text_source"] != "composed" || d["sent_on"] != "" {
		t.Errorf("draft letter = %v", d)
	}
	steps := req["steps"].([]any)
	if len(steps) != 2 {
		t.Fatalf("%d steps, want 2", len(steps))
	}
	reply := steps[1].(map[string]any)
	att := reply["attachment"].(map[string]any)
	content, err := base64.StdEncoding.DecodeString(att["content_base64"].(string))
	must(t, err)
	if !bytes.Equal(content, f.file) || att["name"] != "reply.pdf" || att["size"] != float64(len(f.file)) {
		t.Errorf("attachment %v: content %d bytes, want the %d attached", att["name"], len(content), len(f.file))
	}
	if len(att["sha256"].(string)) != 64 || reply["no_reasons"] != true {
		t.Errorf("reply step = %v", reply)
	}
	if steps[0].(map[string]any)["attachment"] != nil {
		t.Error("a step with no file has an attachment")
	}
}

func TestTheCopyOfSomeoneWithNothingElseIsStillWhole(t *testing.T) {
	st, err := store.Open(t.TempDir())
	must(t, err)
	defer st.Close()
	p := data.Person{Name: "Only A Name", Nation: data.Scotland}
	must(t, st.SavePerson(ctx, &p))
	c, err := subject.Gather(ctx, st, p.ID, time.Now())
	must(t, err)
	b, _ := c.JSON()
	for _, want := range []string{`"requests": []`, `"flags": []`, `"consent": null`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	if _, err := subject.Gather(ctx, st, "no-such-id", time.Now()); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Gather of no one: %v", err)
	}
}

func TestChoosingAPerson(t *testing.T) {
	people := []data.Person{
		{ID: "a1", Name: "Sam Jones", DateOfBirth: data.MustDate(1980, 1, 2)},
		{ID: "b2", Name: "Sam  jones"},
		{ID: "c3", Name: "Samantha Jones"},
	}
	if p, err := subject.Choose(people, "c3"); err != nil || p.ID != "c3" {
		t.Errorf("by id: %v, %v", p.ID, err)
	}
	if p, err := subject.Choose(people, " samantha JONES "); err != nil || p.ID != "c3" {
		t.Errorf("by name: %v, %v", p.ID, err)
	}
	_, err := subject.Choose(people, "Sam Jones")
	var amb *subject.Ambiguous
	if !errors.As(err, &amb) || len(amb.People) != 2 {
		t.Fatalf("two of a name: %v", err)
	}
	if strings.Contains(err.Error(), "Sam") {
		t.Errorf("the error names people: %q", err)
	}
	list := amb.Listing()
	for _, want := range []string{"a1\tSam Jones, born 2 January 1980\n", "b2\tSam  jones, date of birth not recorded\n"} {
		if !strings.Contains(list, want) {
			t.Errorf("listing lacks %q:\n%s", want, list)
		}
	}
	if _, err := subject.Choose(people, "Sam"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("part of a name must not match: %v", err)
	}
}
