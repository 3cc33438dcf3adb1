package letters

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"secondopinion/data"
)

func TestRecoveryKeyPageSaysWhatItIsForOnOnePage(t *testing.T) {
	groups := []string{"7K2MX", "Q9RTA", "B4HNP", "W8CDE", "F3GJV", "Y6SZ1", "0XKQ7"}
	folder := "/home/alex/.local/share/SecondOpinion"
	pdf, err := RecoveryKeyPDF(groups, folder, data.MustDate(2026, 12, 2))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"7K2MX Q9RTA B4HNP W8CDE F3GJV Y6SZ1 0XKQ7", folder, "2 December 2026",
		"What it is for", "If the passphrase is ever forgotten", "If both are lost", "no one can open these records again",
		"There is no back door"} {
		if !strings.Contains(squash(text), squash(want)) {
			t.Errorf("the page lacks %q:\n%s", want, text)
		}
	}
	if bin, err := exec.LookPath("pdfinfo"); err == nil {
		path := filepath.Join(t.TempDir(), "key.pdf")
		os.WriteFile(path, pdf, 0o600)
		out, err := exec.Command(bin, path).Output()
		if err != nil || !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(out) {
			t.Errorf("pdfinfo: %v\n%s", err, out)
		}
	}
}
