package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

// twoDesks signs two windows in to one new caseload on the test server.
func twoDesks(t *testing.T) (a, b *shell) {
	t.Helper()
	dirA, address := teamDesk(t)
	a = openOn(t, dirA)
	signIn(t, a, pgtest.Password)
	chooseMode(t, a, modeAdvocate)
	dirB := t.TempDir()
	if err := store.RememberServer(dirB, address); err != nil {
		t.Fatal(err)
	}
	b = openOn(t, dirB)
	signIn(t, b, pgtest.Password)
	return a, b
}

// Two desks change the same directory entry: the second is shown both
// changes and keeps both; then both change the same field, and the second
// keeps theirs over the first's. Nothing is silently overwritten.
func TestTheSecondDeskChoosesWhatToKeep(t *testing.T) {
	a, b := twoDesks(t)
	b.showDirectory()
	d := b.current.(*directoryScreen)
	d.list.Select(0)
	picked := d.form.contact
	if picked.ID == "" {
		t.Fatal("nothing chosen in the directory")
	}

	// Desk A changes the phone number while B is typing an email address.
	atA, _ := a.cl.contact(picked.ID)
	atA.Phone = "0300 123 4567"
	if err := a.st.SaveContact(ctx, &atA); err != nil {
		t.Fatal(err)
	}
	d.form.email.entry.SetText("complaints@example.nhs.uk")
	d.onSave()
	b.jobs.wait()
	r, ok := b.conflict.(*conflictResolver[data.Contact])
	if !ok {
		t.Fatalf("no choice shown after the second save; dialogs %d", len(b.dialogs))
	}
	if !r.both() || len(r.rows) != 2 {
		t.Fatalf("rows %+v, both %v", r.rows, r.both())
	}
	for _, row := range r.rows {
		switch row.label {
		case "Phone":
			if !row.changedByThem || row.changedByMe || row.theirs != atA.Phone {
				t.Errorf("phone row %+v", row)
			}
		case "Email":
			if row.changedByThem || !row.changedByMe {
				t.Errorf("email row %+v", row)
			}
		default:
			t.Errorf("unexpected row %+v", row)
		}
	}
	test.Tap(r.keepBoth)
	b.jobs.wait()
	stored, _ := a.st.Contact(ctx, picked.ID)
	if stored.Phone != atA.Phone || stored.Email != "complaints@example.nhs.uk" {
		t.Fatalf("after keeping both: phone %q email %q", stored.Phone, stored.Email)
	}

	// Now both change the phone number: B must choose, and keeps its own.
	atA = stored
	atA.Phone = "0300 000 0001"
	if err := a.st.SaveContact(ctx, &atA); err != nil {
		t.Fatal(err)
	}
	d.form.phone.entry.SetText("0300 000 0002")
	d.onSave()
	b.jobs.wait()
	r = b.conflict.(*conflictResolver[data.Contact])
	if r.both() || !r.overlaps {
		t.Fatalf("the same field changed by both: both %v overlaps %v", r.both(), r.overlaps)
	}
	test.Tap(r.keepMine)
	b.jobs.wait()
	stored, _ = a.st.Contact(ctx, picked.ID)
	if stored.Phone != "0300 000 0002" || stored.Email != "complaints@example.nhs.uk" {
		t.Errorf("after keeping mine: %q %q", stored.Phone, stored.Email)
	}
}

func TestFieldLabels(t *testing.T) {
	for name, want := range map[string]string{"DateOfBirth": "Date of birth", "NHSNumber": "NHS number", "Name": "Name",
		"NHSName": "NHS name", "FundingReviewDays": "Funding review days", "Email": "Email"} {
		if got := fieldLabel(name); got != want {
			t.Errorf("fieldLabel(%q) = %q, want %q", name, got, want)
		}
	}
}

// One desk changes a letter's wording while another ticks large print and
// keeps both: the second desk's screen then shows the new wording, and
// moving on does not save its old wording over it.
func TestKeepingBothChangesToALetterKeepsTheOtherWording(t *testing.T) {
	a, b := twoDesks(t)
	p := data.Person{Name: "Mair Jones", Nation: data.Wales}
	must(t, a.st.SavePerson(ctx, &p))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma"}
	must(t, a.st.SaveRequest(ctx, &r))
	l := data.Letter{RequestID: r.ID, Kind: data.KindAskAgain, Body: "Dear Dr Rees,\n\nFirst wording."}
	must(t, a.st.SaveLetter(ctx, &l))
	waitUntil(t, b, 10*time.Second, "the other desk sees the request", func() bool { _, ok := b.cl.requests[r.ID]; return ok })
	b.showLetter(l)
	settle(t, b)
	ls := b.current.(*letterScreen)

	atA := l
	atA.Body = "Dear Dr Rees,\n\nBetter wording."
	must(t, a.st.SaveLetter(ctx, &atA))
	ls.large.SetChecked(true)
	ls.onSave()
	b.jobs.wait()
	res, ok := b.conflict.(*conflictResolver[data.Letter])
	if !ok || !res.both() {
		t.Fatalf("no choice to keep both was shown (%T)", b.conflict)
	}
	test.Tap(res.keepBoth)
	b.jobs.wait()
	if !strings.Contains(ls.editor.Text, "Better wording") || ls.dirty {
		t.Fatalf("after keeping both the screen shows %q (unsaved %v), want the other desk's wording, saved", ls.editor.Text, ls.dirty)
	}
	b.showToday()
	settle(t, b)
	stored, err := a.st.Letter(ctx, l.ID)
	if err != nil || stored.Body != atA.Body || !stored.LargePrint {
		t.Fatalf("stored: %q, large print %v (%v); want the other desk's wording in large print", stored.Body, stored.LargePrint, err)
	}
}
