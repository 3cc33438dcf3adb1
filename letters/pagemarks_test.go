package letters

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"secondopinion/data"
)

// longReason is n sentences of a patient's own words.
func longReason(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("The pain wakes me most nights and the tablets have not changed that")
		if i%3 == 2 {
			b.WriteString(" since the spring")
		}
		b.WriteString(". ")
	}
	return b.String()
}

// The closing, the space to sign and the name never stand alone at the top
// of a page: the last paragraph goes over with them.
func TestClosingIsKeptWithTheLastParagraph(t *testing.T) {
	fs := mustFonts(t)
	for _, large := range []bool{false, true} {
		for n := 0; n < 70; n++ {
			in := fullInput(data.KindReviewDiagnosis, data.England, false)
			in.Request.Reason = longReason(n)
			l, err := Compose(in)
			if err != nil {
				t.Fatal(err)
			}
			pages := layoutLetter(l, fs, large)
			for p, runs := range pages {
				for i, r := range runs {
					if r.text == l.Closing && i == 0 {
						t.Errorf("large=%v, %d sentences: %q stands alone at the top of page %d", large, n, l.Closing, p+1)
					}
				}
			}
		}
	}
}

// pageText is the text pdftotext finds on one page.
func pageText(t *testing.T, pdf []byte, page int) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed, so the PDF's text cannot be checked")
	}
	in := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(page)
	out, err := exec.Command(bin, "-enc", "UTF-8", "-f", n, "-l", n, in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// Every page after the first starts with the person's name, the date and
// "Page N of M", so a page come loose can be put back.
func TestContinuationPagesNameThePersonDateAndPage(t *testing.T) {
	for _, name := range []string{"Zoë O'Brien-Ng", "محمد عبد الله"} {
		in := fullInput(data.KindReviewDiagnosis, data.England, false)
		in.Person.Name = name
		in.Request.Reason = longReason(60)
		l, pdf := composeAndRender(t, in)
		total := len(layoutLetter(l, mustFonts(t), false))
		if total < 2 {
			t.Fatalf("%d page for a long letter", total)
		}
		for p := 2; p <= total; p++ {
			lines := strings.Split(strings.TrimSpace(pageText(t, pdf, p)), "\n")
			head := strings.Join(lines[:min(3, len(lines))], " ")
			for _, want := range []string{name, "21 November 2026", "Page " + strconv.Itoa(p) + " of " + strconv.Itoa(total)} {
				if !strings.Contains(head, want) {
					t.Errorf("%s: page %d does not start with %q:\n%s", name, p, want, head)
				}
			}
		}
	}
}

// Where the CJK font is missing, the user is told which characters need
// it and what to install, and nothing is written.
func TestMissingCJKFontIsExplained(t *testing.T) {
	for _, key := range []string{"CJK-Regular", "CJK-Bold"} {
		missing := &lazyFont{err: errNoCJKFont}
		missing.once.Do(func() {})
		old, had := fontCache.Swap(key, missing)
		t.Cleanup(func() {
			if had {
				fontCache.Store(key, old)
			} else {
				fontCache.Delete(key)
			}
		})
	}
	l := letterFor(t, "李小龍")
	_, err := RenderPDF(l, PDFOptions{})
	if err == nil {
		t.Fatal("a letter in Chinese was set without a Chinese font")
	}
	for _, want := range []string{`"李", "小", "龍"`, "in the sender's address", "fonts-noto-cjk"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the message lacks %q: %v", want, err)
		}
	}
}

// composeAndRender composes the letter and sets it as a PDF.
func composeAndRender(t *testing.T, in Input) (Letter, []byte) {
	t.Helper()
	l, err := Compose(in)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := RenderPDF(l, PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return l, pdf
}
