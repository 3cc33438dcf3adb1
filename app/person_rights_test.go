package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

func TestSavingAPersonsOwnCopy(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	p := s.cl.people[0]
	folder := t.TempDir()
	// A copy made earlier the same day is kept, not replaced.
	earlier := filepath.Join(folder, "Records of Joseph Okoro "+s.today().String()+".pdf")
	os.WriteFile(earlier, []byte("earlier"), 0o600)

	s.saveCopyTo(p, folder)
	s.jobs.wait()
	msg := topDialogText(s)
	base := "Records of Joseph Okoro " + s.today().String() + " (2)"
	for _, want := range []string{folder, base + ".pdf", base + ".json", "Everything held about Joseph Okoro"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message lacks %q:\n%s", want, msg)
		}
	}
	if b, _ := os.ReadFile(earlier); string(b) != "earlier" {
		t.Error("the earlier copy was replaced")
	}
	for _, ext := range []string{".pdf", ".json"} {
		info, err := os.Stat(filepath.Join(folder, base+ext))
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want owner-only", ext, info.Mode().Perm())
		}
	}
	b, _ := os.ReadFile(filepath.Join(folder, base+".json"))
	var doc struct {
		Person struct{ Name string } `json:"person"`
	}
	if err := json.Unmarshal(b, &doc); err != nil || doc.Person.Name != "Joseph Okoro" {
		t.Errorf("the JSON is not his copy: %v\n%s", err, b)
	}
}

// inTopDialog finds the entry and the button with this text in the dialog on top.
func inTopDialog(t *testing.T, s *shell, button string) (*widget.Entry, *widget.Button) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var e *widget.Entry
	var b *widget.Button
	for _, o := range objects(top) {
		switch v := o.(type) {
		case *widget.Entry:
			e = v
		case *widget.Button:
			if v.Text == button {
				b = v
			}
		}
	}
	if b == nil {
		t.Fatalf("the dialog has no %q button:\n%s", button, topDialogText(s))
	}
	return e, b
}

func TestErasingAPersonAsksForTheirNameThenOffersTheBackups(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	other := data.Person{Name: "Stays Here", Nation: data.Wales}
	if err := st.SavePerson(ctx, &other); err != nil {
		t.Fatal(err)
	}
	backup, err := st.AutoBackup(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	s := openOn(t, dir)
	s.showPeople()
	ps := s.current.(*peopleScreen)
	joseph := s.cl.people[0]
	if joseph.Name != "Joseph Okoro" {
		t.Fatalf("first person is %s", joseph.Name)
	}
	ps.selected = joseph.ID
	ps.showDetail()
	tapButton(t, s, "Erase this person…")
	s.jobs.wait()

	msg := topDialogText(s)
	for _, want := range []string{"Erasing Joseph Okoro removes everything", "1 request", "1 letter", "1 step",
		"no attached files", "cannot be undone", "type their full name"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the confirmation lacks %q:\n%s", want, msg)
		}
	}
	name, erase := inTopDialog(t, s, "Erase for good")
	if !erase.Disabled() {
		t.Fatal("Erase is offered before the name is typed")
	}
	test.Type(name, "Joseph")
	test.Tap(erase)
	s.jobs.wait()
	if _, ok := s.cl.person(joseph.ID); !ok || !erase.Disabled() {
		t.Fatal("part of the name erased him, or enabled Erase")
	}
	test.Type(name, " okoro")
	if erase.Disabled() {
		t.Fatal("his full name, in other letter case, does not enable Erase")
	}
	test.Tap(erase)
	s.jobs.wait()

	if _, ok := s.cl.person(joseph.ID); ok || len(s.cl.people) != 1 || len(s.cl.requests) != 0 {
		t.Fatalf("after erasing the window still shows %d people, %d requests", len(s.cl.people), len(s.cl.requests))
	}
	if _, err := s.st.Person(ctx, joseph.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("he is still in the records: %v", err)
	}
	msg = topDialogText(s)
	for _, want := range []string{"Joseph Okoro has been erased", "1 backup in the backups folder still holds them",
		filepath.Base(backup)} {
		if !strings.Contains(msg, want) {
			t.Errorf("after erasing the message lacks %q:\n%s", want, msg)
		}
	}
	tapInDialog(t, s, "Replace the backups")
	s.jobs.wait()
	if msg := topDialogText(s); !strings.Contains(msg, "1 backup replaced. None of them holds Joseph Okoro now.") {
		t.Errorf("after replacing: %s", msg)
	}
	b, _ := os.ReadFile(backup)
	if bytes.Contains(b, []byte("Joseph Okoro")) || !bytes.Contains(b, []byte("Stays Here")) {
		t.Error("the backup still holds him, or lost the others")
	}
}

func TestPeoplePastTheRetentionPeriodAreMarkedNotErased(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir) // Joseph, with a request open
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return time.Date(2012, 5, 6, 10, 0, 0, 0, time.UTC) }
	old := data.Person{Name: "Added Long Ago", Nation: data.Scotland}
	if err := st.SavePerson(ctx, &old); err != nil {
		t.Fatal(err)
	}
	st.Close()
	s := openOn(t, dir)
	s.showSettings()
	ss := s.current.(*settingsScreen)
	if ss.keepYears.text() != "" {
		t.Fatalf("a retention period is set by default: %q", ss.keepYears.text())
	}
	ss.keepYears.set("six")
	ss.onSave()
	s.jobs.wait()
	if s.cl.retentionYears() != 0 || !strings.Contains(ss.saved.Text, "messages in red") {
		t.Fatalf("a period in words was saved: %d, %q", s.cl.retentionYears(), ss.saved.Text)
	}
	ss.keepYears.set("6")
	ss.onSave()
	s.jobs.wait()
	if s.cl.retentionYears() != 6 {
		t.Fatalf("the period was not kept: %d", s.cl.retentionYears())
	}

	s.showPeople()
	ps := s.current.(*peopleScreen)
	for _, p := range s.cl.people {
		line := ps.summary(p)
		if past := strings.Contains(line, "past the retention period"); past != (p.ID == old.ID) {
			t.Errorf("%s: %q", p.Name, line)
		}
	}
	ps.selected = old.ID
	ps.showDetail()
	text := ""
	for _, o := range objects(s.win.Content()) {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text + "\n"
		}
	}
	if !strings.Contains(text, "added on 6 May 2012: records are kept for 6 years after that, so theirs were due to go on 6 May 2018") {
		t.Errorf("their page does not say they are past it:\n%s", text)
	}
	if len(s.cl.people) != 2 {
		t.Error("someone was erased without being asked")
	}
}
