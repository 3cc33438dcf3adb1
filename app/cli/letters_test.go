package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
	st.SavePerson(ctx, &p)
	r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment, Route: data.RouteLocal, Reason: "It makes me feel 😀 all the time"}
	if err := st.SaveRequest(ctx, &r); err != nil {
		st.Close()
		t.Skipf("the store refuses the emoji itself: %v", err)
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
