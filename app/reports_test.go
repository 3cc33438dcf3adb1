package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/store"
)

// openDemo opens a data folder holding a small demo caseload.
func openDemo(t *testing.T) (*shell, *store.Batch) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	b := demo.Build(60, 7, data.Today())
	if err := st.SaveBatch(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, settingMode, string(modeAdvocate)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return openOn(t, dir), b
}

func TestReportsFiguresAndExports(t *testing.T) {
	s, b := openDemo(t)
	s.showReports()
	rp := s.current.(*reportsScreen)
	rp.rng.set(data.Date{}, data.Date{}) // everything
	rp.run()
	settle(t, s)
	if rp.rep == nil || rp.rep.Opened != len(b.Requests) {
		t.Fatalf("the report counts %v requests, want %d", rp.rep, len(b.Requests))
	}
	if len(rp.charts.Objects) != 2 || rp.months == nil || rp.outcome == nil {
		t.Fatal("the two charts were not drawn")
	}
	outcomes := 0
	for _, c := range rp.rep.Outcomes {
		outcomes += c.N
	}
	if outcomes != rp.rep.Opened {
		t.Errorf("the outcomes add up to %d, not the %d requests", outcomes, rp.rep.Opened)
	}

	out := t.TempDir()
	figures, rows, anon, png := filepath.Join(out, "f.csv"), filepath.Join(out, "r.csv"), filepath.Join(out, "a.csv"), filepath.Join(out, "c.png")
	rp.export(figures, false, false)
	rp.export(rows, true, false)
	rp.export(anon, true, true)
	rp.saveChart(rp.months, png)
	settle(t, s)

	f := readFile(t, figures)
	if want := "Summary,Requests opened," + itoa(len(b.Requests)); !strings.Contains(f, want) {
		t.Errorf("the figures CSV lacks %q:\n%s", want, f)
	}
	named := readFile(t, rows)
	a := readFile(t, anon)
	if strings.Count(a, "\n") != len(b.Requests)+1 {
		t.Errorf("the anonymised CSV has %d lines, want a header and %d rows", strings.Count(a, "\n"), len(b.Requests))
	}
	for _, p := range b.People {
		if !strings.Contains(named, p.Name) && len(s.cl.byPerson[p.ID]) > 0 {
			t.Errorf("the full rows CSV leaves out %q", p.Name)
		}
		for _, part := range strings.Fields(p.Name) {
			if len(part) > 3 && strings.Contains(a, part) {
				t.Errorf("the anonymised CSV contains %q, from %q", part, p.Name)
			}
		}
		if !p.DateOfBirth.IsZero() && (strings.Contains(a, p.DateOfBirth.String()) || strings.Contains(a, p.DateOfBirth.UK())) {
			t.Errorf("the anonymised CSV contains %s's date of birth", p.Name)
		}
	}
	for _, r := range b.Requests {
		if r.Reason != "" && strings.Contains(a, r.Reason) {
			t.Errorf("the anonymised CSV contains the free text %q", r.Reason)
		}
	}
	if img, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(img, []byte("\x89PNG")) {
		t.Errorf("the chart was not saved as PNG: %v", err)
	}
}

func TestRequestLogListsEveryRequestInRange(t *testing.T) {
	s, b := openDemo(t)
	s.showLog()
	tl := s.current.(*trendLog)
	tl.rng.set(data.Date{}, data.Date{})
	tl.load()
	settle(t, s)
	if len(tl.rows) != len(b.Requests) {
		t.Fatalf("the log lists %d requests, want %d", len(tl.rows), len(b.Requests))
	}
	for i := 1; i < len(tl.rows); i++ {
		if tl.rows[i].Opened.After(tl.rows[i-1].Opened) {
			t.Fatalf("the log is not newest first: %v before %v", tl.rows[i-1].Opened, tl.rows[i].Opened)
		}
	}
	r := tl.rows[0]
	if tl.cell(r, 2) != r.Reason.Label() || tl.cell(r, 6) == "" || tl.cell(r, 5) == "" {
		t.Errorf("the first line reads %q / %q / %q", tl.cell(r, 2), tl.cell(r, 5), tl.cell(r, 6))
	}
	future := data.Today().AddDays(30)
	tl.rng.set(future, future.AddDays(5))
	tl.load()
	settle(t, s)
	if len(tl.rows) != 0 {
		t.Errorf("a range in the future lists %d requests", len(tl.rows))
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func itoa(n int) string { return thousands(n) }

// The report opens on whole months (this month and the eleven before, to
// the month's last day), so an anonymised export, which covers whole
// months only, works from the screen as it first shows.
func TestAnonymisedExportWorksFromTheDefaultPeriod(t *testing.T) {
	s, _ := openDemo(t)
	s.showReports()
	rp := s.current.(*reportsScreen)
	settle(t, s)
	from, to, ok := rp.rng.dates()
	if !ok || from.Day() != 1 || to.AddDays(1).Day() != 1 {
		t.Fatalf("the default period is %v to %v, not whole months", from, to)
	}
	anon := filepath.Join(t.TempDir(), "a.csv")
	rp.export(anon, true, true)
	settle(t, s) // fails on an error dialog
	if _, err := os.Stat(anon); err != nil {
		t.Fatalf("the anonymised export from the default period was not written: %v", err)
	}
}

// The reports and the request log let go of their figures, a row for each
// request, and the charts once another screen takes their place, including
// those worked out after it has.
func TestReportsAndTheLogLetGoOfTheirFiguresWhenLeft(t *testing.T) {
	s, _ := openDemo(t)
	s.showReports()
	settle(t, s)
	rp := s.current.(*reportsScreen)
	if rp.rep == nil || rp.months == nil {
		t.Fatal("the reports show no figures")
	}
	s.showLog()
	settle(t, s)
	tl := s.current.(*trendLog)
	if rp.rep != nil || rp.months != nil || rp.outcome != nil {
		t.Error("the reports left behind still hold their figures")
	}
	if len(tl.rows) == 0 {
		t.Fatal("the log lists nothing")
	}
	s.showPeople()
	settle(t, s)
	if tl.rows != nil {
		t.Errorf("the log left behind still holds %d rows", len(tl.rows))
	}

	s.showReports()
	late := s.current.(*reportsScreen)
	s.showToday() // before the figures are worked out
	settle(t, s)
	if late.rep != nil {
		t.Error("reports left before their figures came hold them")
	}
}
