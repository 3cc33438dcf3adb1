package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupThenRestore(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "40"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	_, before, _ := runAdmin(t, "requests", "-data", dir)
	file := filepath.Join(t.TempDir(), "backup.db")
	if code, out, stderr := runAdmin(t, "backup", "-data", dir, "-o", file); code != ExitOK || !strings.Contains(out, "checked") {
		t.Fatalf("backup: exit %d %q %q", code, out, stderr)
	}
	if code, _, stderr := runAdmin(t, "backup", "-data", dir, "-o", file); code != ExitFailure || !strings.Contains(stderr, "already exists") {
		t.Errorf("backup over an existing file: exit %d %q", code, stderr)
	}

	other := t.TempDir()
	runAdmin(t, "demo", "-data", other, "-clients", "5", "-seed", "9")
	code, out, stderr := runAdmin(t, "restore", "-data", other, "-from", file)
	if code != ExitOK || !strings.Contains(out, "kept in") {
		t.Fatalf("restore: exit %d %q %q", code, out, stderr)
	}
	if _, after, _ := runAdmin(t, "requests", "-data", other); after != before {
		t.Error("the restored records differ from the backed-up ones")
	}

	if code, _, stderr := runAdmin(t, "restore", "-data", other, "-from", filepath.Join(dir, "nothing.db")); code != ExitFailure ||
		!strings.Contains(stderr, "not a usable") {
		t.Errorf("restore from a missing file: exit %d %q", code, stderr)
	}
	if code, _, _ := runAdmin(t, "restore", "-data", other); code != ExitMisuse {
		t.Errorf("restore without -from: exit %d, want 2", code)
	}
}
