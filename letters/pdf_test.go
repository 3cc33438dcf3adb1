package letters

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"secondopinion/data"
)

// pdfText extracts a PDF's text with pdftotext, or skips the test.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed, so the PDF's text cannot be checked")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "letter.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// squash drops white space so that words broken across lines still match.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkWordsInOrder checks every word of the text is in the PDF, in order.
func checkWordsInOrder(t *testing.T, name, text, pdf string) {
	t.Helper()
	rest := squash(pdf)
	for _, w := range strings.Fields(text) {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("%s: the PDF lacks %q (or has it out of order)", name, w)
			return
		}
		rest = rest[i+len(w):]
	}
}

func TestPDFHoldsEveryWord(t *testing.T) {
	for name, in := range goldenCases() {
		if !strings.Contains(name, "-england") && !strings.HasSuffix(name, "full-wales") {
			continue
		}
		l, err := Compose(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, large := range []bool{false, true} {
			pdf, err := RenderPDF(l, PDFOptions{LargePrint: large})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
				t.Fatalf("%s: not a PDF", name)
			}
			checkWordsInOrder(t, name, RenderText(l), pdfText(t, pdf))
		}
	}
}

func TestLongLetterPaginates(t *testing.T) {
	in := fullInput(data.KindReviewDiagnosis, data.England, false)
	var b strings.Builder
	words := []string{"appointment", "medication", "sleep", "tremor", "the", "and", "weeks", "Siân", "hospital", "worse"}
	for i := 0; b.Len() < 20000; i++ {
		b.WriteString(words[i%len(words)])
		if i%13 == 12 {
			b.WriteString(". ")
		} else {
			b.WriteString(" ")
		}
	}
	in.Request.Reason = b.String()
	// A word longer than a line must be broken, never lost or overflowing.
	in.Request.Problems = strings.Repeat("unbelievably", 20) + " end"
	l, pdf := composeAndRender(t, in)
	text := pdfText(t, pdf)
	checkWordsInOrder(t, "long letter", RenderText(l), text)
	pages := layoutLetter(l, mustFonts(t), false)
	if len(pages) < 4 {
		t.Fatalf("%d pages for a 20,000-character letter", len(pages))
	}
	for n := 1; n <= len(pages); n++ {
		if want := "Page " + strconv.Itoa(n) + " of " + strconv.Itoa(len(pages)); !strings.Contains(text, want) {
			t.Errorf("footer %q missing", want)
		}
	}
}

func TestNoLineCrossesTheMargin(t *testing.T) {
	in := fullInput(data.KindComplaint, data.Wales, true)
	in.Request.Reason = strings.Repeat("W", 400) + " " + strings.Repeat("ŷ", 300)
	in.Person.Address = strings.Repeat("Llanfairpwllgwyngyll", 4) + "\nCardiff"
	l, _ := Compose(in)
	fs := mustFonts(t)
	for _, large := range []bool{false, true} {
		for p, runs := range layoutLetter(l, fs, large) {
			for _, r := range runs {
				f := fs.regular
				if r.bold {
					f = fs.bold
				}
				if right := r.x + f.measure(r.text, r.size); r.x < margin-0.01 || right > pageW-margin+0.01 {
					t.Errorf("page %d: %q runs from %.1f to %.1f, outside the margins", p+1, r.text, r.x, right)
				}
				if r.y < margin-0.01 || r.y+r.size > pageH-margin+0.01 {
					t.Errorf("page %d: %q is set at %.1f, outside the margins", p+1, r.text, r.y)
				}
				if large && r.size < 16 {
					t.Errorf("large print set %q at %.1f pt", r.text, r.size)
				}
			}
		}
	}
}

func TestNamesSurviveToPDF(t *testing.T) {
	in := fullInput(data.KindSecondOpinionDiagnosis, data.Wales, true)
	l, _ := Compose(in)
	pdf, err := RenderPDF(l, PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, name := range []string{"Siân Llŷr ap Dafydd", "Zoë O'Brien-Ng", "Tŷ Gwyn"} {
		if !strings.Contains(text, name) {
			t.Errorf("%q did not survive to the PDF:\n%s", name, text)
		}
	}
}

func TestDecomposedAccentsPrint(t *testing.T) {
	in := fullInput(data.KindAdvocacy, data.England, false)
	in.Person.Name = "Zoe\u0308 O'Brien-Ng" // "ë" typed as "e" and a combining diaeresis
	l, _ := Compose(in)
	pdf, err := RenderPDF(l, PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "Zoë O'Brien-Ng") {
		t.Errorf("the accent was lost:\n%s", text)
	}
}

func TestUnprintableIsNamed(t *testing.T) {
	l, _ := Compose(fullInput(data.KindReviewTreatment, data.England, false))
	l.Body = append(l.Body, para("I have felt 😀 about it lately."))
	err := CheckPrintable(l)
	var ue *UnprintableError
	if !errors.As(err, &ue) {
		t.Fatalf("got %v, want an UnprintableError", err)
	}
	msg := err.Error()
	for _, w := range []string{`"😀"`, "grinning face", "U+1F600", `paragraph starting "I have felt 😀…"`, "Please remove or replace it"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q: %s", w, msg)
		}
	}
	if _, err := RenderPDF(l, PDFOptions{}); !errors.As(err, &ue) {
		t.Errorf("RenderPDF wrote a letter it cannot show: %v", err)
	}
	l.Body = l.Body[:len(l.Body)-1]
	l.Subject += " \u200b"
	if err := CheckPrintable(l); err == nil || !strings.Contains(err.Error(), "zero width space") || !strings.Contains(err.Error(), "subject line") {
		t.Errorf("invisible character: %v", err)
	}
}

func TestRendersConcurrently(t *testing.T) {
	l, _ := Compose(fullInput(data.KindAppeal, data.England, false))
	want, err := RenderPDF(l, PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := RenderPDF(l, PDFOptions{})
			if err == nil && len(got) != len(want) {
				err = errors.New("a letter rendered at the same time as others came out different")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func FuzzEditedPDF(f *testing.F) {
	l, _ := Compose(fullInput(data.KindPALS, data.England, false))
	f.Add(l.EditableText())
	f.Add("Subject\n\nDear you,\n\n- a\n  b\n* c\n\nYours sincerely,\n\nMe")
	f.Add("\n\n\n•\t\r\n" + strings.Repeat("x", 300))
	f.Fuzz(func(t *testing.T, s string) {
		e := l.WithEditedText(s)
		_ = RenderText(e)
		if _, err := RenderPDF(e, PDFOptions{LargePrint: len(s)%2 == 0}); err != nil {
			var ue *UnprintableError
			if !errors.As(err, &ue) {
				t.Fatalf("RenderPDF: %v", err)
			}
		}
	})
}

func BenchmarkRenderPDF(b *testing.B) {
	l, _ := Compose(fullInput(data.KindSecondOpinionDiagnosis, data.England, false))
	if _, err := RenderPDF(l, PDFOptions{}); err != nil { // load the fonts once
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := RenderPDF(l, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func mustFonts(t testing.TB) *fontSet {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}
