package app

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/subject"
)

// Someone past the retention period is offered for anonymising on their
// page; once anonymised they keep their request for the figures, lose
// their name and words, and are no longer listed as past the period.
func TestAnonymisingSomeonePastTheRetentionPeriod(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir) // Joseph, with a request still open
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return time.Date(2012, 5, 6, 10, 0, 0, 0, time.UTC) }
	old := data.Person{Name: "Morag Fairweather", Nation: data.Scotland, Notes: "Note about the tamarind-sloop",
		DateOfBirth: data.MustDate(1950, 2, 3)}
	must(t, st.SavePerson(ctx, &old))
	r := data.Request{PersonID: old.ID, Subject: data.SubjectTreatment, Route: data.RouteLocal, Treatment: "cormorant-teapot"}
	must(t, st.SaveRequest(ctx, &r))
	must(t, st.AddStep(ctx, &data.Step{RequestID: r.ID, On: data.MustDate(2012, 9, 1), Kind: data.StepClosed,
		Outcome: data.OutcomeAgreed, Summary: "Agreed at the pomegranate-ladder clinic"}))
	must(t, st.SetSetting(ctx, subject.SettingRetentionYears, "6"))
	backup, err := st.AutoBackup(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	s := openOn(t, dir)
	s.showPeople()
	ps := s.current.(*peopleScreen)
	ps.selected = old.ID
	ps.showDetail()
	tapButton(t, s, "Anonymise…")
	s.jobs.wait()
	msg := topDialogText(s)
	for _, want := range []string{"1 request, with when they were made", "their name, date of birth", "1 step",
		"cannot be undone", "type their full name"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the confirmation lacks %q:\n%s", want, msg)
		}
	}
	name, anon := inTopDialog(t, s, "Anonymise for good")
	if !anon.Disabled() {
		t.Fatal("Anonymise is offered before the name is typed")
	}
	test.Type(name, "morag fairweather")
	test.Tap(anon)
	s.jobs.wait()

	msg = topDialogText(s)
	for _, want := range []string{"Morag Fairweather is anonymised: 1 request kept for the figures",
		"1 backup in the backups folder still holds their details"} {
		if !strings.Contains(msg, want) {
			t.Errorf("after anonymising the message lacks %q:\n%s", want, msg)
		}
	}
	p, ok := s.cl.person(old.ID)
	if !ok || p.Name != store.AnonymisedName || p.Notes != "" || !p.DateOfBirth.IsZero() || len(s.cl.requestsOf(old.ID)) != 1 {
		t.Fatalf("after anonymising the window holds %+v (%v), with %d requests", p, ok, len(s.cl.requestsOf(old.ID)))
	}
	ps = s.current.(*peopleScreen)
	if line := ps.summary(p); strings.Contains(line, "past the retention period") {
		t.Errorf("still listed as past the period: %q", line)
	}
	page := labelsText(ps.detail)
	if !strings.Contains(page, "Anonymised on") || strings.Contains(page, "Anonymise…") {
		t.Errorf("their page after anonymising:\n%s", page)
	}
	tapInDialog(t, s, "Replace the backups")
	s.jobs.wait()
	b, _ := os.ReadFile(backup)
	if bytes.Contains(b, []byte("Fairweather")) || !bytes.Contains(b, []byte("Joseph Okoro")) {
		t.Error("the backup still holds her, or lost the others")
	}
	log, _, _ := s.st.AuditLog(ctx, store.AuditFilter{Action: store.AuditAnonymised})
	if len(log) != 1 || log[0].Record != old.ID {
		t.Errorf("the audit log: %+v", log)
	}
}

// labelsText is the text of every label and button in o.
func labelsText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range objects(o) {
		switch v := x.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Button:
			b.WriteString(v.Text + "\n")
		}
	}
	return b.String()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
