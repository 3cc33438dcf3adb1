package cli

import (
	"encoding/csv"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	dir := agendaData(t)
	code, out, stderr := runAdmin(t, "report", "-data", dir, "-on", "2026-11-02")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Second opinion requests: All requests\n",
		"As on 2 November 2026\n",
		"Requests opened                              4\n",
		"Median days to a decision                    9 (1 decision)\n", // Cara: 1 to 10 May
		"Refusals answered within 14 days             1\n",              // Cara: refused 9 days after her letter
		"Refusals answered after 14 days              0\n",
		"Overdue now (requests)                       1\n", // Ann: the chaser
		"Overdue now (deadlines passed)               1\n",
		"  Refused                                        1   25%\n",
		"  Withdrawn                                      1   25%\n",
		"  Awaiting an answer                             2   50%\n",
		"  Northern Ireland                               1   25%\n",
		"  May 2026                                       1\n",
		"  Nov 2026                                       0\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}

	// A period, in UK and ISO forms: Ann, Bob and Dan opened in October.
	_, out, _ = runAdmin(t, "report", "-data", dir, "-on", "2026-11-02", "-from", "1/10/2026", "-to", "2026-10-31")
	if !strings.Contains(out, "Opened 1 October 2026 to 31 October 2026\n") || !strings.Contains(out, "Requests opened                              3\n") {
		t.Errorf("October:\n%s", out)
	}
}

func TestReportFiles(t *testing.T) {
	dir := agendaData(t)
	outDir := t.TempDir()
	figures, rows, anon, pic := filepath.Join(outDir, "figures.csv"), filepath.Join(outDir, "rows.csv"),
		filepath.Join(outDir, "anon.csv"), filepath.Join(outDir, "charts.png")
	code, _, stderr := runAdmin(t, "report", "-data", dir, "-on", "2026-11-02", "-csv", figures, "-rows", rows, "-chart", pic)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := runAdmin(t, "report", "-data", dir, "-rows", anon, "-anonymous"); code != ExitOK {
		t.Fatalf("anonymous: exit %d: %s", code, stderr)
	}
	read := func(path string) [][]string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return recs
	}
	if recs := read(figures); len(recs) < 20 || recs[0][0] != "Section" {
		t.Errorf("figures: %v", recs)
	}
	named := read(rows)
	if len(named) != 5 || !strings.Contains(strings.Join(named[1], ","), "Cara Quinn") {
		t.Errorf("rows: %v", named)
	}
	for _, rec := range read(anon) {
		line := strings.Join(rec, ",")
		for _, name := range []string{"Ann", "Bob", "Cara", "Dan", "Lee", "Reid", "Quinn", "2026-05-01"} {
			if strings.Contains(line, name) {
				t.Errorf("anonymised rows hold %q: %s", name, line)
			}
		}
	}
	if fi, err := os.Stat(rows); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("rows file mode %v, %v; want owner only", fi.Mode(), err)
	}
	f, err := os.Open(pic)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil || img.Bounds().Dx() != chartWidth {
		t.Errorf("chart: %v, %v", img.Bounds(), err)
	}
	if entries, _ := os.ReadDir(outDir); len(entries) != 4 {
		t.Errorf("left other files behind: %v", entries)
	}
}

func TestReportMisuseAndFailure(t *testing.T) {
	dir := agendaData(t)
	missing := filepath.Join(t.TempDir(), "no", "such", "folder")
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{}, ExitMisuse, "-data DIR is required"},
		{[]string{"-data", dir, "-from", "31/02/2026"}, ExitMisuse, "-from"},
		{[]string{"-data", dir, "-to", "soon"}, ExitMisuse, "-to \"soon\" is not a date"},
		{[]string{"-data", dir, "-from", "01/02/26"}, ExitMisuse, "year in full"},
		{[]string{"-data", dir, "-on", "2026-13-01"}, ExitMisuse, "-on"},
		{[]string{"-data", dir, "-from", "2026-11-02", "-to", "2026-11-01"}, ExitMisuse, "is before -from"},
		{[]string{"-data", dir, "-anonymous"}, ExitMisuse, "-anonymous applies to -rows"},
		{[]string{"-data", dir, "extra"}, ExitMisuse, "unexpected argument"},
		{[]string{"-h"}, ExitOK, "Usage: secondopinion report"},
		{[]string{"-data", dir, "-csv", filepath.Join(missing, "f.csv")}, ExitFailure, "Could not save the figures"},
		{[]string{"-data", dir, "-rows", filepath.Join(missing, "r.csv")}, ExitFailure, "Could not save the rows"},
		{[]string{"-data", dir, "-chart", filepath.Join(missing, "c.png")}, ExitFailure, "Could not save the chart"},
		{[]string{"-data", dir, "-from", "2026-11-02", "-to", "2026-11-02"}, ExitOK, ""},
	}
	for _, c := range cases {
		code, _, stderr := runAdmin(t, "report", c.args...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("report %v: exit %d, %q; want exit %d saying %q", c.args, code, stderr, c.code, c.says)
		}
	}
}
