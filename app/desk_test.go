package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/store"
)

func TestDeskLogsARequestWithReceiptAndDueDate(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	gp := data.Contact{Name: "Dr B Patel", Organisation: "Hillside Surgery", Role: data.RoleGP}
	if err := st.SaveContact(ctx, &gp); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSender(ctx, data.Sender{Name: "Reception", Organisation: "Hillside Surgery", Address: "1 Hill Road\nLeeds"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, settingMode, string(modeSurgery)); err != nil {
		t.Fatal(err)
	}
	st.Close()

	s := openOn(t, dir)
	if s.nav.buttons[navDesk] == nil {
		t.Fatal("a surgery has no Log a request in the navigation")
	}
	if s.deskCard() == nil {
		t.Error("a surgery's Today does not offer Log a request")
	}
	test.Tap(s.nav.buttons[navDesk])
	d, ok := s.current.(*deskScreen)
	if !ok {
		t.Fatalf("Log a request opened %T", s.current)
	}

	// Save with nobody chosen says so, and writes nothing.
	test.Tap(d.saveBtn)
	settle(t, s)
	if !d.problem.Visible() {
		t.Error("saving with no patient did not say why not")
	}

	test.Type(d.find, "Mary Quinn")
	d.onAddNew()
	test.Type(d.born.entry, "02/05/1961")
	test.Type(d.reason.entry, "The tablets make me too dizzy to work.")
	d.category.SetSelected(data.ReasonSideEffects.Label())
	d.subject.SetSelected(data.SubjectMedication.Label())
	test.Type(d.about.entry, "amitriptyline")
	d.routeTo.SetSelected(d.routeTo.Options[0])
	test.Tap(d.saveBtn)
	settle(t, s)

	ls, ok := s.current.(*letterScreen)
	if !ok {
		t.Fatalf("after saving the screen is %T, want the receipt", s.current)
	}
	if ls.rec.Kind != data.KindReceptionReceipt || ls.rec.Sent() {
		t.Errorf("the letter shown is %q (given %v), want the receipt, not yet given", ls.rec.Kind, ls.rec.Sent())
	}
	if ls.composed.Subject == "" || !strings.Contains(ls.editor.Text, "too dizzy to work") {
		t.Errorf("the receipt does not record the reason:\n%s", ls.editor.Text)
	}

	test.Tap(ls.sendBtn)
	tapInDialog(t, s, "Mark as given")
	settle(t, s)

	people, _ := s.st.People(ctx)
	if len(people) != 1 || people[0].Name != "Mary Quinn" || people[0].DateOfBirth != data.MustDate(1961, 5, 2) {
		t.Fatalf("people stored: %+v", people)
	}
	reqs, _ := s.st.RequestsFor(ctx, people[0].ID)
	if len(reqs) != 1 {
		t.Fatalf("requests stored: %d, want 1", len(reqs))
	}
	r := reqs[0]
	if r.AskedHow != data.AskedVerbally || r.ReasonCategory != data.ReasonSideEffects || r.RecipientID != gp.ID ||
		r.Treatment != "amitriptyline" || r.Reason != "The tablets make me too dizzy to work." {
		t.Errorf("the request stored is %+v", r)
	}
	steps, _ := s.st.StepsFor(ctx, r.ID)
	if len(steps) != 1 {
		t.Fatalf("steps stored: %d, want 1", len(steps))
	}
	step := steps[0]
	if step.LetterKind != data.KindReceptionReceipt || step.On != s.today() || step.DueOn != s.today().AddDays(14) {
		t.Errorf("the step is %+v; want the receipt, today, with an answer due in the practice's 14 days", step)
	}
	if !strings.Contains(step.DueWhat, "14 days") {
		t.Errorf("what is owed reads %q", step.DueWhat)
	}
	letters, _ := s.st.LettersFor(ctx, r.ID)
	if len(letters) != 1 || letters[0].SentHow != data.SentByHand {
		t.Errorf("letters stored: %+v; want the receipt, given by hand", letters)
	}
}
