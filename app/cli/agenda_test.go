package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/store"
)

// agendaData saves three people with one request each, at different
// points on the ladder and in different nations.
func agendaData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	add := func(name string, nation data.Nation, steps ...data.Step) {
		p := data.Person{Name: name, Nation: nation}
		if err := st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment, Route: data.RouteLocal}
		if err := st.SaveRequest(ctx, &r); err != nil {
			t.Fatal(err)
		}
		for _, s := range steps {
			s.RequestID = r.ID
			if err := st.AddStep(ctx, &s); err != nil {
				t.Fatal(err)
			}
		}
	}
	on := func(s string) data.Date {
		d, err := data.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	letter := func(day, kind string) data.Step {
		return data.Step{On: on(day), Kind: data.StepLetterSent, LetterKind: kind}
	}
	add("Ann Lee", data.England, letter("2026-10-01", data.KindSecondOpinionTreatment))
	add("Bob Reid", data.Scotland, letter("2026-10-26", data.KindComplaint))
	add("Cara Quinn", data.NorthernIreland, letter("2026-05-01", data.KindSecondOpinionTreatment),
		data.Step{On: on("2026-05-10"), Kind: data.StepReply, Outcome: data.OutcomeRefused})
	add("Dan Closed", data.Wales, letter("2026-10-01", data.KindReviewTreatment),
		data.Step{On: on("2026-10-05"), Kind: data.StepClosed, Outcome: data.OutcomeWithdrawn})
	return dir
}

func TestAgendaCommand(t *testing.T) {
	dir := agendaData(t)
	want := strings.Join([]string{
		"2026-10-15\toverdue\tAnn Lee\tNo reply to the request for a second opinion after 14 days: chase it",
		"2026-11-02\tdue\tBob Reid\tStage 1 answer to the complaint owed (5 working days)",
		"2026-11-10\tdue\tCara Quinn\tLast day to complain (6 months from 10/05/2026)",
	}, "\n") + "\n"
	code, out, stderr := runAdmin(t, "agenda", "-data", dir, "-on", "2026-11-02")
	if code != ExitOK || out != want {
		t.Fatalf("agenda: exit %d, stderr %q\n got:\n%s\nwant:\n%s", code, stderr, out, want)
	}

	// -chase moves the chaser; the other lines stay.
	_, out, _ = runAdmin(t, "agenda", "-data", dir, "-on", "2026-11-02", "-chase", "21")
	if !strings.Contains(out, "2026-10-22\toverdue\tAnn Lee\tNo reply to the request for a second opinion after 21 days: chase it\n") {
		t.Errorf("with -chase 21:\n%s", out)
	}

	// Without -chase, the window's setting is used.
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(t.Context(), store.SettingChaseDays, "10"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_, out, _ = runAdmin(t, "agenda", "-data", dir, "-on", "2026-11-02")
	if !strings.Contains(out, "2026-10-11\toverdue\tAnn Lee\tNo reply to the request for a second opinion after 10 days: chase it\n") {
		t.Errorf("with the chase setting at 10 days:\n%s", out)
	}

	// Earlier, nothing is overdue yet and the time limit is not near.
	_, out, _ = runAdmin(t, "agenda", "-data", dir, "-on", "2026-10-02")
	if strings.Contains(out, "overdue") || strings.Contains(out, "Cara Quinn") {
		t.Errorf("on 2 October:\n%s", out)
	}
}

func TestAgendaCalendarFile(t *testing.T) {
	dir := agendaData(t)
	path := filepath.Join(t.TempDir(), "deadlines.ics")
	code, out, stderr := runAdmin(t, "agenda", "-data", dir, "-on", "2026-11-02", "-ics", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cal := string(b)
	if !strings.HasPrefix(cal, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(cal, "END:VCALENDAR\r\n") {
		t.Errorf("not a calendar:\n%s", cal)
	}
	if n, lines := strings.Count(cal, "BEGIN:VEVENT\r\n"), strings.Count(out, "\n"); n != lines || n != 3 {
		t.Errorf("%d events for %d agenda lines", n, lines)
	}
	if !strings.Contains(cal, "DTSTART;VALUE=DATE:20261015\r\n") || !strings.Contains(cal, "SUMMARY:OVERDUE Ann Lee: No reply") {
		t.Errorf("calendar lacks the overdue chaser:\n%s", cal)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left temporary files behind: %v", entries)
	}

	// A folder that does not exist is a failure, said plainly.
	code, _, stderr = runAdmin(t, "agenda", "-data", dir, "-ics", filepath.Join(t.TempDir(), "missing", "x.ics"))
	if code != ExitFailure || !strings.Contains(stderr, "Could not save the calendar") {
		t.Errorf("missing folder: exit %d, %q", code, stderr)
	}
}

func TestAgendaMisuse(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{}, ExitMisuse, "-data DIR is required"},
		{[]string{"-data", dir, "-on", "2026-13-45"}, ExitMisuse, "write it as YYYY-MM-DD"},
		{[]string{"-data", dir, "-on", "tomorrow"}, ExitMisuse, "write it as YYYY-MM-DD"},
		{[]string{"-data", dir, "-on", "01/02/26"}, ExitMisuse, "year in full"},
		{[]string{"-data", dir, "-chase", "0"}, ExitMisuse, "-chase must be"},
		{[]string{"-data", dir, "-chase", "many"}, ExitMisuse, "invalid value"},
		{[]string{"-data", dir, "later"}, ExitMisuse, "unexpected argument"},
		{[]string{"-h"}, ExitOK, "Usage: secondopinion agenda"},
		{[]string{"-data", dir, "-on", "21/11/2026"}, ExitFailure, "no Second Opinion records"},
	}
	for _, c := range cases {
		code, _, stderr := runAdmin(t, "agenda", c.args...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("agenda %v: exit %d, %q; want exit %d saying %q", c.args, code, stderr, c.code, c.says)
		}
	}
}

// The demo caseload's agenda is well formed and in order.
func TestAgendaOfDemo(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "150"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	code, out, stderr := runAdmin(t, "agenda", "-data", dir)
	if code != ExitOK {
		t.Fatalf("agenda: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 10 {
		t.Fatalf("only %d agenda lines for 150 clients:\n%s", len(lines), out)
	}
	today := data.Today()
	prev := ""
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 4 || f[2] == "" || f[3] == "" {
			t.Fatalf("bad line %q", l)
		}
		d, err := time.Parse(time.DateOnly, f[0])
		if err != nil {
			t.Fatalf("bad date in %q", l)
		}
		if f[0] < prev {
			t.Errorf("out of order: %q after %s", l, prev)
		}
		prev = f[0]
		overdue := data.DateOf(d).Before(today)
		if (f[1] == "overdue") != overdue || (f[1] != "due" && f[1] != "overdue") {
			t.Errorf("line %q marked %q, today is %s", l, f[1], today)
		}
	}
}
