package letters

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
)

// namesInScripts are names as people in the UK write them.
var namesInScripts = map[string]string{
	"arabic":   "محمد عبد الله",
	"chinese":  "李小龍",
	"greek":    "Ελένη",
	"cyrillic": "Сергій",
	"gurmukhi": "ਹਰਪ੍ਰੀਤ ਕੌਰ",
	// A vowel sign drawn before its consonant (ਿ, ि, ি) must still come
	// back after it.
	"gurmukhi-singh": "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ",
	"devanagari":     "प्रिया शर्मा",
	"bengali":        "প্রিয়াঙ্কা দাস",
	"urdu":           "عائشہ خان",
	"hebrew":         "שרה לוי",
	"tamil":          "கிருஷ்ணன்",
}

// letterFor is a letter from the person with the name, written by them.
func letterFor(t testing.TB, name string) Letter {
	t.Helper()
	in := fullInput(data.KindSecondOpinionDiagnosis, data.England, false)
	in.Person.Name = name
	l, err := Compose(in)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestNamesInEveryScriptSurviveToPDF(t *testing.T) {
	for script, name := range namesInScripts {
		t.Run(script, func(t *testing.T) {
			if script == "chinese" {
				if _, err := cjkFont(false); err != nil {
					t.Skipf("no CJK font on this computer (%v); CI installs fonts-noto-cjk", err)
				}
			}
			l := letterFor(t, name)
			pdf, err := RenderPDF(l, PDFOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if dir := os.Getenv("LETTERS_PDF_DIR"); dir != "" {
				os.WriteFile(filepath.Join(dir, script+".pdf"), pdf, 0o644)
			}
			text := pdfText(t, pdf)
			if !strings.Contains(text, name) {
				t.Errorf("%q did not survive to the PDF:\n%s", name, text)
			}
		})
	}
}

// BenchmarkRenderPDFArabicName is the cost of shaping: a letter whose
// sender's name and signature are in Arabic.
func BenchmarkRenderPDFArabicName(b *testing.B) {
	l := letterFor(b, namesInScripts["arabic"])
	if _, err := RenderPDF(l, PDFOptions{}); err != nil { // load the fonts once
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := RenderPDF(l, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
