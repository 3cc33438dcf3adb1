package letters

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/subject"
)

func TestAPersonsCopyReadsAsTheirRecords(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	p := data.Person{Name: "Niamh O'Connell", DateOfBirth: data.MustDate(1990, 8, 14), NHSNumber: "9434765919",
		Nation: data.NorthernIreland, Address: "12 Lagan View\nBelfast BT7 1AA", Notes: "Prefers email.",
		ConsentOn: data.MustDate(2026, 5, 1), ConsentScope: "All letters about her diagnosis"}
	must(st.SavePerson(ctx, &p))
	gp := data.Contact{Name: "Dr Ciaran Doyle", Role: data.RoleGP, Organisation: "Lagan Practice", Nations: []data.Nation{data.NorthernIreland}}
	must(st.SaveContact(ctx, &gp))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "fibromyalgia",
		Reason: "The tests were never done.", RecipientID: gp.ID}
	must(st.SaveRequest(ctx, &r))
	sent := data.Letter{RequestID: r.ID, Kind: data.KindReviewDiagnosis, RecipientID: gp.ID}
	must(st.SaveLetter(ctx, &sent))
	must(st.MarkSent(ctx, &sent, &data.Step{On: data.MustDate(2026, 6, 1), SentHow: data.SentByPost}))
	edited := data.Letter{RequestID: r.ID, Kind: data.KindAskAgain, RecipientID: gp.ID,
		Body: "Asking again\n\nDear Dr Doyle,\n\nThis paragraph is in Niamh's own edited words.\n\nYours sincerely,\n\nNiamh O'Connell"}
	must(st.SaveLetter(ctx, &edited))
	reply := data.Step{RequestID: r.ID, On: data.MustDate(2026, 6, 20), Kind: data.StepReply, Outcome: data.OutcomeRefused,
		Summary: "The practice said no by letter"}
	must(st.AddStepWithFile(ctx, &reply, "Reply from the practice.pdf", make([]byte, 5000)))

	c, err := subject.Gather(ctx, st, p.ID, time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC))
	must(err)
	FillCopy(&c)
	for _, l := range c.Requests[0].Letters {
		if !strings.Contains(l.Text, "Dr Ciaran Doyle") {
			t.Errorf("%s letter's text lacks its recipient's address:\n%s", l.Kind, l.Text)
		}
	}
	if !strings.Contains(c.Requests[0].Letters[0].Text, "fibromyalgia") {
		t.Errorf("the composed letter's text lacks what it is about:\n%s", c.Requests[0].Letters[0].Text)
	}
	pdf, err := RenderCopyPDF(c)
	must(err)
	text := pdfText(t, pdf)
	flat := strings.Join(strings.Fields(text), " ")
	if strings.Count(text, "Page ") < 3 || strings.Contains(flat, ", ,") {
		t.Errorf("want 3 pages or more, each marked once with the name and date; the PDF reads:\n%s", text)
	}
	for _, want := range []string{
		"Your records: everything held about Niamh O'Connell",
		"Date of birth: 14 August 1990", "Health and Care Number: 943 476 5919", "Notes: Prefers email.",
		"Written consent given on: 1 May 2026", "All letters about her diagnosis",
		"Request 1 of 1: Diagnosis: fibromyalgia", "Why: The tests were never done.",
		"20 June 2026: Reply", "The practice said no by letter",
		"Letter: Ask the doctor to review the diagnosis, to Dr Ciaran Doyle, Lagan Practice, sent 1 June 2026",
		"This paragraph is in Niamh's own edited words.", "the words as the user edited them",
		"Reply from the practice.pdf, 5 KB, attached",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF lacks %q; it reads:\n%s", want, text)
		}
	}
}

// The copy names who holds the records (the practice or advocacy service,
// from the user's own details) in the PDF and in the JSON, and says so
// plainly when no one is named.
func TestAPersonsCopyNamesWhoHoldsTheRecords(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := data.Person{Name: "Niamh O'Connell", Nation: data.NorthernIreland, Address: "12 Lagan View\nBelfast BT7 1AA"}
	if err := st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)

	// No details of the user's own: the JSON's holder is null, and the
	// PDF reads as before.
	jsonBytes, pdf, err := CopyFiles(ctx, st, p.ID, now, true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(jsonBytes), `"holder": null`) {
		t.Errorf("with no holder, the JSON:\n%s", jsonBytes)
	}
	if flat := strings.Join(strings.Fields(pdfText(t, pdf)), " "); !strings.Contains(flat, "everything these records hold about Niamh") ||
		strings.Contains(flat, "Who holds these records") {
		t.Errorf("with no holder, the PDF reads:\n%s", flat)
	}

	holder := data.Sender{Name: "Siobhán Kelly", Role: "Advocate", Organisation: "Lagan Advocacy Service",
		Address: "3 Quay Street\nBelfast BT1 3AB", Phone: "028 9000 1234", Email: "help@lagan-advocacy.example"}
	if err := st.SaveSender(ctx, holder); err != nil {
		t.Fatal(err)
	}
	jsonBytes, pdf, err = CopyFiles(ctx, st, p.ID, now, true)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Holder *subject.Holder `json:"holder"`
	}
	if err := json.Unmarshal(jsonBytes, &doc); err != nil || doc.Holder == nil {
		t.Fatalf("the JSON has no holder: %v\n%s", err, jsonBytes)
	}
	want := subject.Holder{Organisation: "Lagan Advocacy Service", Name: "Siobhán Kelly", Role: "Advocate",
		Address: "3 Quay Street\nBelfast BT1 3AB", Phone: "028 9000 1234", Email: "help@lagan-advocacy.example"}
	if *doc.Holder != want {
		t.Errorf("the JSON's holder = %+v, want %+v", *doc.Holder, want)
	}
	text := pdfText(t, pdf)
	flat := strings.Join(strings.Fields(text), " ")
	for _, w := range []string{"everything Lagan Advocacy Service holds about Niamh O'Connell", "Who holds these records",
		"Organisation: Lagan Advocacy Service", "Name: Siobhán Kelly", "Role: Advocate",
		"Address: 3 Quay Street, Belfast BT1 3AB", "Email: help@lagan-advocacy.example",
		"contact Lagan Advocacy Service"} {
		if !strings.Contains(flat, w) {
			t.Errorf("the PDF lacks %q; it reads:\n%s", w, text)
		}
	}
	// The holder heads the first page, as a letter's sender does, above the date.
	head := text[:strings.Index(text, "2 December 2026")]
	if !strings.Contains(head, "Lagan Advocacy Service") || !strings.Contains(head, "028 9000 1234") {
		t.Errorf("the holder does not head the copy; it begins:\n%s", head)
	}
}
