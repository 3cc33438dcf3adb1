package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/store"
)

func TestLettersListsEveryKind(t *testing.T) {
	code, out, _ := runAdmin(t, "letters")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(data.LetterKinds) {
		t.Fatalf("%d kinds listed, want %d:\n%s", len(lines), len(data.LetterKinds), out)
	}
	for i, line := range lines {
		id, title, ok := strings.Cut(line, "\t")
		if !ok || id != data.LetterKinds[i] || title == "" {
			t.Errorf("line %d = %q", i+1, line)
		}
	}
}

// letterData saves one request with a recipient, and an edited letter of
// the complaint kind.
func letterData(t *testing.T) (dir, requestID string) {
	t.Helper()
	dir = t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	p := data.Person{Name: "Siân Llŷr ap Dafydd", Nation: data.Wales, Address: "8 Stryd y Felin\nCardiff\nCF10 2FE"}
	if err := st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	c := data.Contact{Name: "Dr Aisha Rahman", Role: data.RoleClinician, Organisation: "Cardiff CMHT"}
	if err := st.SaveContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Route: data.RouteLocal, RecipientID: c.ID, Condition: "bipolar disorder"}
	if err := st.SaveRequest(ctx, &r); err != nil {
		t.Fatal(err)
	}
	l := data.Letter{RequestID: r.ID, Kind: data.KindComplaint,
		Body: "My own subject\n\nDear Dr Rahman,\n\nI wrote this myself.\n\n- first point\n- second point\n\nYours sincerely,\n\nSiân"}
	if err := st.SaveLetter(ctx, &l); err != nil {
		t.Fatal(err)
	}
	return dir, r.ID
}

func TestLetterWritesTextAndPDF(t *testing.T) {
	dir, id := letterData(t)
	out := t.TempDir()

	txt := filepath.Join(out, "letter.txt")
	if code, _, stderr := runAdmin(t, "letter", "-data", dir, "-request", id, "-kind", data.KindSecondOpinionDiagnosis, "-o", txt); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Dear Dr Rahman,", "Cardiff CMHT", "diagnosis of bipolar disorder", "Siân Llŷr ap Dafydd"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("letter lacks %q:\n%s", w, b)
		}
	}

	// The saved, edited complaint is used as edited.
	if code, _, stderr := runAdmin(t, "letter", "-data", dir, "-request", id, "-kind", data.KindComplaint, "-o", txt); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ = os.ReadFile(txt)
	if !strings.Contains(string(b), "My own subject\n\nDear Dr Rahman,\n\nI wrote this myself.\n\n• first point\n• second point\n") {
		t.Errorf("the edited text was not used:\n%s", b)
	}

	pdf := filepath.Join(out, "letter.pdf")
	if code, _, stderr := runAdmin(t, "letter", "-data", dir, "-request", id, "-kind", data.KindPALS, "-o", pdf, "-large"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ = os.ReadFile(pdf)
	if !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatal("not a PDF")
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command(bin, "-enc", "UTF-8", pdf, "-").Output()
		if err != nil || !strings.Contains(string(text), "Siân Llŷr ap Dafydd") {
			t.Errorf("PDF text (%v):\n%s", err, text)
		}
	}
}

func TestLetterMisuse(t *testing.T) {
	dir, id := letterData(t)
	out := filepath.Join(t.TempDir(), "x")
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"-data", dir, "-request", id, "-kind", data.KindPALS, "-o", out + ".docx"}, ExitMisuse},
		{[]string{"-data", dir, "-request", id, "-kind", "thank-you", "-o", out + ".txt"}, ExitMisuse},
		{[]string{"-data", dir, "-kind", data.KindPALS, "-o", out + ".txt"}, ExitMisuse},
		{[]string{"-request", id, "-kind", data.KindPALS, "-o", out + ".txt"}, ExitMisuse},
		{[]string{"-data", dir, "-request", id, "-kind", data.KindPALS}, ExitMisuse},
		{[]string{"-data", dir, "-request", "no-such-request", "-kind", data.KindPALS, "-o", out + ".txt"}, ExitFailure},
	}
	for _, tt := range tests {
		if code, _, stderr := runAdmin(t, "letter", tt.args...); code != tt.code {
			t.Errorf("%v: exit %d, want %d: %s", tt.args, code, tt.code, stderr)
		}
	}
	if _, err := os.Stat(out + ".docx"); err == nil {
		t.Error("a file was written despite the misuse")
	}
}

func TestLetterReportsUnprintable(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	p := data.Person{Name: "Sam Patel", Nation: data.England}
	if err := st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	// The store keeps an emoji byte for byte; only the PDF cannot show it.
	r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment, Route: data.RouteLocal, Reason: "It makes me feel 😀 all the time"}
	if err := st.SaveRequest(ctx, &r); err != nil {
		t.Fatalf("the store refused the emoji: %v", err)
	}
	st.Close()
	out := filepath.Join(t.TempDir(), "x.pdf")
	code, _, stderr := runAdmin(t, "letter", "-data", dir, "-request", r.ID, "-kind", data.KindReviewTreatment, "-o", out)
	if code != ExitFailure || !strings.Contains(stderr, "grinning face") || strings.Contains(stderr, "internal") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a PDF was written with a character it cannot show")
	}
}

// openStore opens a new data folder for a test; it is closed at the end.
func openStore(t *testing.T) (string, *store.Store) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return dir, st
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func letterText(t *testing.T, dir, requestID, kind string) (text, stderr string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "letter.txt")
	code, _, stderr := runAdmin(t, "letter", "-data", dir, "-request", requestID, "-kind", kind, "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	must(t, err)
	return string(b), stderr
}

// A letter with no recipient of its own goes to whoever its kind goes to:
// in Northern Ireland, the ombudsman letter to NIPSO, not the consultant.
func TestLetterGoesToTheNationsOmbudsman(t *testing.T) {
	dir, st := openStore(t)
	ctx := t.Context()
	p := data.Person{Name: "Sam Patel", Nation: data.NorthernIreland}
	must(t, st.SavePerson(ctx, &p))
	consultant := data.Contact{Name: "Dr Aisha Rahman", Role: data.RoleClinician, Organisation: "Belfast Trust"}
	phso := data.Contact{Role: data.RoleOmbudsman, Organisation: "Parliamentary and Health Service Ombudsman"}
	nipso := data.Contact{Role: data.RoleOmbudsman, Organisation: "Northern Ireland Public Services Ombudsman", Address: "Progressive House\nBelfast\nBT1 6HN"}
	for _, c := range []*data.Contact{&consultant, &phso, &nipso} {
		must(t, st.SaveContact(ctx, c))
	}
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Route: data.RouteLocal, RecipientID: consultant.ID}
	must(t, st.SaveRequest(ctx, &r))

	text, _ := letterText(t, dir, r.ID, data.KindOmbudsman)
	if !strings.Contains(text, "Northern Ireland Public Services Ombudsman\nProgressive House") || strings.Contains(text, "Dr Rahman") || strings.Contains(text, "Parliamentary") {
		t.Errorf("the ombudsman letter is not addressed to NIPSO:\n%s", text)
	}
	// The letter to the doctor still goes to the request's consultant.
	if text, _ := letterText(t, dir, r.ID, data.KindSecondOpinionDiagnosis); !strings.Contains(text, "Dear Dr Rahman,") {
		t.Errorf("the doctor's letter is not to the consultant:\n%s", text)
	}
}

// A copy of a sent letter tells only what had happened before it went.
func TestSentLetterTellsOnlyWhatCameBefore(t *testing.T) {
	dir, st := openStore(t)
	ctx := t.Context()
	p := data.Person{Name: "Sam Patel", Nation: data.England, Address: "1 High Street\nLeeds"}
	must(t, st.SavePerson(ctx, &p))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Route: data.RouteLocal, Condition: "bipolar disorder"}
	must(t, st.SaveRequest(ctx, &r))
	day := func(m time.Month, d int) data.Date { return data.MustDate(2025, m, d) }
	asked := data.Step{RequestID: r.ID, On: day(time.June, 2), Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionDiagnosis}
	refused := data.Step{RequestID: r.ID, On: day(time.June, 16), Kind: data.StepReply, Outcome: data.OutcomeRefused, Summary: "Dr Rahman said no"}
	must(t, st.AddStep(ctx, &asked))
	must(t, st.AddStep(ctx, &refused))
	complaint := data.Letter{RequestID: r.ID, Kind: data.KindComplaint, SentOn: day(time.June, 27), SentHow: data.SentByPost}
	must(t, st.MarkSent(ctx, &complaint, &data.Step{On: day(time.June, 27), Summary: "Letter sent by post"}))
	upheld := data.Step{RequestID: r.ID, On: day(time.July, 12), Kind: data.StepReply, Outcome: data.OutcomeAgreed, Summary: "The trust upheld the complaint"}
	must(t, st.AddStep(ctx, &upheld))

	text, _ := letterText(t, dir, r.ID, data.KindComplaint)
	if !strings.Contains(text, "27 June 2025") || !strings.Contains(text, "On 16 June 2025 the request was refused. Dr Rahman said no.") {
		t.Errorf("the copy lacks its date or the refusal before it:\n%s", text)
	}
	if strings.Contains(text, "12 July") || strings.Contains(text, "upheld") || strings.Contains(text, "On 27 June 2025 I wrote") {
		t.Errorf("the copy of the 27 June complaint tells of itself or of later events:\n%s", text)
	}
}

// The file's error reaches the user as safefile worded it, once.
func TestLetterWriteErrorIsNotWrappedTwice(t *testing.T) {
	dir, id := letterData(t)
	out := filepath.Join(t.TempDir(), "no-such-folder", "letter.txt")
	code, _, stderr := runAdmin(t, "letter", "-data", dir, "-request", id, "-kind", data.KindPALS, "-o", out)
	if code != ExitFailure || !strings.Contains(stderr, "Could not save the letter as") || strings.Contains(stderr, "could not be written") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// A referral with no sender's name is written, with a warning.
func TestLetterWarnsOfAMissingSender(t *testing.T) {
	dir, id := letterData(t)
	text, stderr := letterText(t, dir, id, data.KindClinicianReferral)
	if !strings.Contains(text, "[Your name]") || !strings.Contains(stderr, "the sender's name") {
		t.Errorf("no placeholder or warning:\n%s\nstderr: %s", text, stderr)
	}
	// A signed letter is not taken for unsigned; its recipient, with no
	// postal address on record, is flagged.
	if _, stderr := letterText(t, dir, id, data.KindPALS); strings.Contains(stderr, "sender's name") || !strings.Contains(stderr, "the recipient's postal address") {
		t.Errorf("a signed letter to a contact with no address warns: %s", stderr)
	}
}
