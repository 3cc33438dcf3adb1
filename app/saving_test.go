package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
)

// A second press of Save while the first save is still going (a slow or
// lost server) must not save the step twice.
func TestPressingSaveAgainWhileSavingSavesOnce(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.showRequest(r.ID)
	settle(t, s)
	before, _ := s.st.StepsFor(ctx, r.ID)

	f := s.current.(*requestScreen).logStep(data.StepNote)
	test.Type(f.summary.entry, "Rang the clinic; they will call back.")
	f.onSave()
	f.onSave() // before the first save has answered
	settle(t, s)

	after, _ := s.st.StepsFor(ctx, r.ID)
	if len(after) != len(before)+1 {
		t.Fatalf("two presses of Save during one save made %d steps, want 1", len(after)-len(before))
	}
	if len(s.saving) != 0 {
		t.Errorf("the form is still marked as saving after its save ended")
	}
}

// A save that takes longer than it should says it is still going, and the
// notice goes when the save ends.
func TestASlowSaveSaysItIsStillSaving(t *testing.T) {
	s := openOn(t, t.TempDir())
	settle(t, s)
	was := slowSave
	slowSave = time.Millisecond
	defer func() { slowSave = was }()

	form := newField("summary", "Summary", "", nil)
	finish, ok := s.startSave(form, nil)
	if !ok {
		t.Fatal("a first save was refused")
	}
	if _, again := s.startSave(form, nil); again {
		t.Fatal("a second save of the same form was let through while the first was going")
	}
	waitUntil(t, s, 5*time.Second, "the still-saving notice", func() bool { return len(s.dialogs) == 1 })
	if top := s.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(visibleText(top), "taking longer than usual") {
		t.Fatalf("a slow save showed something else than the still-saving notice")
	}
	finish()
	if len(s.dialogs) != 0 {
		t.Fatalf("the notice stayed after the save ended")
	}
	if _, ok := s.startSave(form, nil); !ok {
		t.Fatal("the form could not be saved again after its save ended")
	}
}

// A letter saved, then typed in again and left while that save is still
// going: the words typed after are saved too, before the screen moves on.
func TestWordsTypedWhileALetterSavesAreKept(t *testing.T) {
	s, ls := openNewLetter(t, data.KindAskAgain)
	test.Type(ls.editor, "First words. ")
	ls.onSave() // still saving when the rest is typed
	test.Type(ls.editor, "Second words. ")
	s.showToday() // leaving saves what is not saved yet
	settle(t, s)

	if _, ok := s.current.(*todayScreen); !ok {
		t.Fatalf("after leaving, the screen is %T, want Today", s.current)
	}
	stored, err := s.st.LettersFor(ctx, ls.req.ID)
	var ours []data.Letter
	for _, l := range stored {
		if l.Kind == data.KindAskAgain {
			ours = append(ours, l)
		}
	}
	if err != nil || len(ours) != 1 || !strings.HasPrefix(ours[0].Body, "First words. Second words. ") {
		t.Fatalf("stored %d ask-again letters (%v); the body starts %q, want one letter with both typings", len(ours), err, bodyStart(ours))
	}
}

func bodyStart(ls []data.Letter) string {
	if len(ls) == 0 {
		return ""
	}
	return ls[0].Body[:min(40, len(ls[0].Body))]
}

// A contact saved, then a new one typed and saved while the first is still
// saving: both are kept, and the form is not put back to the first.
func TestAContactTypedWhileAnotherSavesIsKept(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	s.showDirectory()
	d := s.current.(*directoryScreen)
	d.onAdd()
	test.Type(d.form.name.entry, "Dr Aled Rees")
	test.Type(d.form.org.entry, "Hywel Dda University Health Board")
	d.onSave() // still saving when the next is typed
	d.onAdd()
	test.Type(d.form.name.entry, "Dr Fiona Baird")
	test.Type(d.form.org.entry, "NHS Lothian")
	d.onSave()
	settle(t, s)

	contacts, err := s.st.Contacts(ctx)
	var names []string
	for _, c := range contacts {
		names = append(names, c.Name)
	}
	if err != nil || !slices.Contains(names, "Dr Aled Rees") || !slices.Contains(names, "Dr Fiona Baird") {
		t.Fatalf("the directory holds %v (%v), want both new contacts", names, err)
	}
	if d.form.name.text() != "Dr Fiona Baird" {
		t.Errorf("the form shows %q, want the contact typed last", d.form.name.text())
	}
}

// Words typed while a letter saves are not taken for saved: leaving later
// still saves them.
func TestALetterSavedWhileTypingStaysUnsaved(t *testing.T) {
	s, ls := openNewLetter(t, data.KindAskAgain)
	test.Type(ls.editor, "First words. ")
	ls.onSave()
	test.Type(ls.editor, "Second words. ")
	settle(t, s) // the first save ends after the second typing
	if !ls.dirty || !strings.Contains(ls.status.Text, "not saved") {
		t.Fatalf("after a save that missed the last words: dirty %v, status %q", ls.dirty, ls.status.Text)
	}
	s.showToday()
	settle(t, s)
	l, err := s.st.Letter(ctx, ls.rec.ID)
	if err != nil || !strings.HasPrefix(l.Body, "First words. Second words. ") {
		t.Fatalf("the stored letter starts %q (%v), want both typings", l.Body[:min(40, len(l.Body))], err)
	}
}

// "Mark as sent" asked for twice while the first is saving marks it once:
// one "letter sent" step, not two.
func TestALetterMarkedSentTwiceIsSentOnce(t *testing.T) {
	s, ls := openNewLetter(t, data.KindAskAgain)
	test.Type(ls.editor, "Please look again. ")
	ls.onSave()
	ls.markSent(s.today(), data.SentByPost, 0) // waits for the save
	ls.markSent(s.today(), data.SentByPost, 0) // and this for that
	settle(t, s)
	steps, err := s.st.StepsFor(ctx, ls.req.ID)
	sent := 0
	for _, st := range steps {
		if st.Kind == data.StepLetterSent && st.LetterID == ls.rec.ID {
			sent++
		}
	}
	if err != nil || sent != 1 {
		t.Fatalf("%d letter-sent steps for the letter (%v), want 1", sent, err)
	}
}
