package cli

import (
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	code, out, stderr := runAdmin(t, "version")
	if code != ExitOK || stderr != "" {
		t.Fatalf("version: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Second Opinion ", "Built: ", "Go: ", "fyne.io/fyne/v2", "OFL-1.1"} {
		if !strings.Contains(out, want) {
			t.Errorf("version does not say %q:\n%s", want, out)
		}
	}
	code, full, _ := runAdmin(t, "version", "-licenses")
	if code != ExitOK || !strings.Contains(full, "SIL Open Font License") || len(full) < 10*len(out) {
		t.Errorf("version -licenses: exit %d, %d bytes", code, len(full))
	}
	if code, _, _ := runAdmin(t, "version", "extra"); code != ExitMisuse {
		t.Errorf("version extra: exit %d, want %d", code, ExitMisuse)
	}
}
