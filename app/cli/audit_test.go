package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAuditCommandListsFiltersAndExports(t *testing.T) {
	dir, rhiannon, _ := peopleFolder(t)
	if code, _, stderr := runAdmin(t, "export-person", "-data", dir, "-person", rhiannon.ID, "-o", t.TempDir()); code != ExitOK {
		t.Fatalf("export-person: exit %d: %s", code, stderr)
	}
	code, out, stderr := runAdmin(t, "audit", "-data", dir)
	if code != ExitOK {
		t.Fatalf("audit: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasSuffix(lines[0], "\texported\tperson\t"+rhiannon.ID) {
		t.Errorf("newest entry is %q, want the export", lines[0])
	}
	if !strings.HasSuffix(lines[len(lines)-1], "\tcreated\tperson\t") && !strings.Contains(lines[len(lines)-1], "\tcreated\tperson\t") {
		t.Errorf("oldest entry is %q, want the first person created", lines[len(lines)-1])
	}
	for _, word := range []string{"Rhiannon", "Pryce", "Alex", "Morgan", "pregabalin", "9434765919"} {
		if strings.Contains(out, word) {
			t.Errorf("the audit log shows %q", word)
		}
	}

	code, out, _ = runAdmin(t, "audit", "-data", dir, "-action", "exported")
	if got := strings.Split(strings.TrimSpace(out), "\n"); code != ExitOK || len(got) != 1 || !strings.Contains(got[0], "\texported\t") {
		t.Errorf("audit -action exported: exit %d:\n%s", code, out)
	}
	code, out, _ = runAdmin(t, "audit", "-data", dir, "-limit", "2")
	if got := strings.Split(strings.TrimSpace(out), "\n"); code != ExitOK || len(got) != 3 ||
		!strings.HasPrefix(got[2], "(the newest 2 of ") {
		t.Errorf("audit -limit 2: exit %d:\n%s", code, out)
	}

	file := filepath.Join(t.TempDir(), "audit.csv")
	if code, _, stderr := runAdmin(t, "audit", "-data", dir, "-csv", file); code != ExitOK {
		t.Fatalf("audit -csv: exit %d: %s", code, stderr)
	}
	info, err := os.Stat(file)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the CSV: %v, %v", info, err)
	}
	f, _ := os.Open(file)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != len(lines)+1 || strings.Join(rows[0], ",") != "when,who,action,kind,record" {
		t.Fatalf("the CSV has %d rows (want %d and a heading), %v: %q", len(rows), len(lines), err, rows)
	}
	if rows[1][2] != "exported" || rows[1][4] != rhiannon.ID {
		t.Errorf("first CSV row %q, want the export", rows[1])
	}
	// Exporting the log is in the log too.
	_, out, _ = runAdmin(t, "audit", "-data", dir, "-limit", "1")
	if !strings.Contains(out, "\texported\taudit log\t") {
		t.Errorf("exporting the log was not noted:\n%s", out)
	}
}

func TestAuditMisuse(t *testing.T) {
	dir, _, _ := peopleFolder(t)
	for _, args := range [][]string{
		{"-data", dir, "-action", "looked"},
		{"-data", dir, "-limit", "-1"},
		{"-action", "opened"},
	} {
		if code, _, stderr := runAdmin(t, "audit", args...); code != ExitMisuse {
			t.Errorf("audit %v: exit %d, want %d: %s", args, code, ExitMisuse, stderr)
		}
	}
}
