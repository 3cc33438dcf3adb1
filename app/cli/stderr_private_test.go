package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
	"secondopinion/data/store"
)

// Nothing personal is ever written to stderr, where cron mails, CI logs
// and terminals scrolled back keep it: every command is run on a demo
// caseload, on paths that succeed and paths that fail, and its error
// output is searched for every demo person's name, NHS number and note.
func TestNoPersonalDetailOnStderr(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "40"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	people, err := st.People(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var reqs []data.Request
	for _, p := range people {
		rs, _ := st.RequestsFor(t.Context(), p.ID)
		reqs = append(reqs, rs...)
	}
	st.Close()
	if len(reqs) == 0 {
		t.Fatal("the demo has no requests")
	}

	out := t.TempDir()
	taken := filepath.Join(out, "taken.pdf")
	os.WriteFile(taken, []byte("x"), 0o600)
	link := filepath.Join(out, "link.pdf")
	os.Symlink(taken, link)
	runs := [][]string{
		{"check", "-data", dir},
		{"requests", "-data", dir},
		{"agenda", "-data", dir, "-ics", filepath.Join(out, "a.ics")},
		{"report", "-data", dir, "-rows", filepath.Join(out, "rows.csv"), "-csv", filepath.Join(out, "f.csv")},
		{"letter", "-data", dir, "-request", reqs[0].ID, "-kind", data.KindComplaint, "-o", filepath.Join(out, "l.pdf")},
		// Failing paths: an existing backup, a link, an unknown kind, a name no one has.
		{"backup", "-data", dir, "-o", taken},
		{"letter", "-data", dir, "-request", reqs[0].ID, "-kind", data.KindComplaint, "-o", link},
		{"letter", "-data", dir, "-request", reqs[0].ID, "-kind", "no-such-kind", "-o", filepath.Join(out, "x.pdf")},
		{"export-person", "-data", dir, "-person", "Nobody Of That Name", "-o", out},
		{"retention", "-data", dir},
		{"audit", "-data", dir, "-csv", filepath.Join(out, "audit.csv")},
		{"audit", "-data", dir, "-csv", link},
	}
	for _, args := range runs {
		_, _, stderr := runAdmin(t, args[0], args[1:]...)
		for _, p := range people {
			for what, v := range map[string]string{"name": p.Name, "NHS number": p.NHSNumber, "notes": p.Notes, "address": firstLine(p.Address)} {
				if len(v) > 3 && strings.Contains(stderr, v) {
					t.Errorf("%s printed a person's %s on stderr: %q", args[0], what, stderr)
				}
			}
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}
