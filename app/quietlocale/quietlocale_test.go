package quietlocale

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestCOrPOSIX(t *testing.T) {
	for v, want := range map[string]bool{"C.UTF-8": true, "C.utf8": true, "POSIX.UTF-8": true, "C@euro": true,
		"C": false, "POSIX": false, "en_GB.UTF-8": false, "cy_GB.UTF-8": false, "": false, "Catalan.UTF-8": false} {
		if got := cOrPOSIX(v); got != want {
			t.Errorf("cOrPOSIX(%q) = %v, want %v", v, got, want)
		}
	}
}

// The commands print nothing they do not mean: under every locale a
// container, cron or CI gives, letters, check and requests leave stderr
// empty.
func TestCommandsPrintNothingOnStderrUnderAnyLocale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "secondopinion")
	build := exec.Command("go", "build", "-tags", "no_emoji,migrated_fynedo", "-o", bin, "secondopinion")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "data")
	if out, err := exec.Command(bin, "demo", "-data", dir, "-clients", "5").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	var base []string
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE":
		default:
			base = append(base, kv)
		}
	}
	locales := map[string][]string{
		"LANG=C.UTF-8":   {"LANG=C.UTF-8"},
		"LC_ALL=C.UTF-8": {"LC_ALL=C.UTF-8"},
		"LANG=C":         {"LANG=C"},
		"no locale":      nil,
	}
	for name, env := range locales {
		for _, args := range [][]string{{"letters"}, {"check", "-data", dir}, {"requests", "-data", dir}} {
			cmd := exec.Command(bin, args...)
			cmd.Env = append(append([]string{}, base...), env...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Errorf("%s %v: %v\n%s", name, args, err, stderr.String())
				continue
			}
			if stderr.Len() > 0 {
				t.Errorf("%s %v printed on stderr:\n%s", name, args, stderr.String())
			}
		}
	}
}
