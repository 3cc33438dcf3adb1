package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"secondopinion/letters"
)

// A carer's first letter is signed with their own name and address, and
// warns, until it is recorded, that there is no written consent.
func TestCarersLetterIsSignedByTheWriterAndAsksForConsent(t *testing.T) {
	s := openOn(t, t.TempDir())
	w := carerToLastPage(t, s)
	finishAsCarer(t, s, w)
	ls := s.current.(*letterScreen)
	text := letters.RenderText(ls.final())
	for _, want := range []string{"Anna Ellis", "4 Mill Lane"} {
		if !strings.Contains(text, want) {
			t.Errorf("the carer's letter does not carry %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, letters.PlaceholderName) {
		t.Errorf("the carer's letter is signed %q:\n%s", letters.PlaceholderName, text)
	}
	if snd, _ := s.st.Sender(ctx); snd.Name != "Anna Ellis" {
		t.Errorf("the writer's details stored: %+v", snd)
	}

	if !strings.Contains(topText(s.win.Content()), "No written consent from Margaret Ellis") {
		t.Fatalf("a letter on someone's behalf without consent does not warn:\n%s", topText(s.win.Content()))
	}
	tapButton(t, s, "Record their consent")
	es := dialogEntries(t, s)
	test.Type(es[7], "my mother") // after the name on the NHS record
	test.Type(es[8], s.today().AddDays(-3).UK())
	tapInDialog(t, s, "Save")
	settle(t, s)
	ls = s.current.(*letterScreen)
	if strings.Contains(topText(s.win.Content()), "No written consent") {
		t.Error("the consent warning stays after the consent was recorded")
	}
	if text := letters.RenderText(ls.final()); !strings.Contains(text, "gave me written consent") ||
		!strings.Contains(text, "on behalf of my mother, Margaret Ellis") {
		t.Errorf("the letter does not name the relationship and the consent now recorded:\n%s", text)
	}
}

// Saving a PDF is not sending: the letter is kept, listed as not sent yet,
// and marking it as sent is offered there and then.
func TestSavingAPDFOffersToMarkItSent(t *testing.T) {
	s := openOn(t, t.TempDir())
	w := carerToLastPage(t, s)
	finishAsCarer(t, s, w)
	ls := s.current.(*letterScreen)

	pdf, err := letters.RenderPDF(ls.final(), letters.PDFOptions{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "letter.pdf")
	out, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	ls.savePDFTo(out, pdf) // as the file dialog does once a place is chosen
	s.jobs.wait()
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("the PDF was not written: %v", err)
	}
	if msg := topDialogText(s); !strings.Contains(msg, "does not record the letter as sent") {
		t.Fatalf("after saving the PDF, on top: %q", msg)
	}
	stored, _ := s.st.LettersFor(ctx, ls.req.ID)
	if len(stored) != 1 || stored[0].Sent() {
		t.Fatalf("after saving the PDF the letters stored are %+v; want the letter, not sent yet", stored)
	}
	tapInDialog(t, s, "Mark as sent…")
	if msg := topDialogText(s); !strings.Contains(msg, "Once it is marked as sent") {
		t.Errorf("Mark as sent… did not open the dialog to mark it; on top: %q", msg)
	}
}

// Every page of the wizard opens at its top, whatever the last page's scroll.
func TestWizardPagesOpenAtTheirTop(t *testing.T) {
	s := openOn(t, t.TempDir())
	s.win.Resize(fyne.NewSize(700, 420))
	w := startWizardAsCarer(t, s)
	w.ask.raised.SetSelected(raisedYes)
	w.scroll.ScrollToBottom()
	if w.scroll.Offset.Y == 0 {
		t.Fatal("the page is too short to scroll; the test needs a smaller window")
	}
	next(t, s, w, 3)
	if w.scroll.Offset.Y != 0 {
		t.Errorf("the next page opened scrolled down by %v", w.scroll.Offset.Y)
	}
}

// Not now to the writer's details still opens the letter, which then says
// what it lacks and offers to add it: the finished wizard is never a dead end.
func TestCarerWhoSaysNotNowStillGetsTheLetter(t *testing.T) {
	s := openOn(t, t.TempDir())
	w := carerToLastPage(t, s)
	test.Tap(w.next)
	s.jobs.wait()
	tapInDialog(t, s, "Not now")
	settle(t, s)
	if _, ok := s.current.(*letterScreen); !ok {
		t.Fatalf("after Not now the screen is %T, want the letter", s.current)
	}
	if !strings.Contains(topText(s.win.Content()), "Your own name and address are not filled in yet") {
		t.Errorf("the letter does not say the writer's details are missing:\n%s", topText(s.win.Content()))
	}
}
