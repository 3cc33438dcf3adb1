package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/letters"
)

// dialogEntries are the text boxes of the dialog on top, in order.
func dialogEntries(t *testing.T, s *shell) []*entry {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var out []*entry
	for _, o := range objects(top) {
		if e, ok := o.(*entry); ok {
			out = append(out, e)
		}
	}
	return out
}

// openFreshDesk is a surgery's first morning: a new data folder, the
// surgery chosen on the first run, and Log a request opened.
func openFreshDesk(t *testing.T) (*shell, *deskScreen) {
	t.Helper()
	s := openOn(t, t.TempDir())
	chooseMode(t, s, modeSurgery)
	test.Tap(s.nav.buttons[navDesk])
	settle(t, s)
	d, ok := s.current.(*deskScreen)
	if !ok {
		t.Fatalf("Log a request opened %T", s.current)
	}
	return s, d
}

// The first request at a new surgery: nobody to route to yet, so the
// receptionist adds "the duty GP" on the spot; the practice's details are
// asked for once; the receipt is read before it is marked as given; and it
// names the duty GP as who the request was passed to.
func TestDeskFirstRequestOnAFreshInstall(t *testing.T) {
	s, d := openFreshDesk(t)
	national := 0
	for _, c := range s.cl.contacts {
		if !c.LastVerified.IsZero() {
			national++
		}
	}
	if national == 0 {
		t.Fatal("a fresh install has no national bodies in its directory; the test needs them")
	}
	if len(d.routeTo.Options) != 0 {
		t.Fatalf("on a fresh install the request can be routed to %q: national bodies never decide on it", d.routeTo.Options)
	}

	test.Type(d.find, "Mòrag Dunn")
	test.Tap(d.newBtn)
	test.Type(d.born.entry, "14/03/1958")
	test.Type(d.nhs.entry, "943 476 5919")
	test.Type(d.reason.entry, "I want another doctor to look at my scan.")

	test.Tap(d.addRoute)
	es := dialogEntries(t, s)
	if len(es) != 2 {
		t.Fatalf("the Who decides dialog has %d boxes, want name and where", len(es))
	}
	test.Type(es[0], "the duty GP")
	tapInDialog(t, s, "Add and route to them")
	settle(t, s)
	if d.routeTo.Selected == "" || !strings.Contains(d.routeTo.Selected, "the duty GP") {
		t.Fatalf("after adding the duty GP the form routes to %q", d.routeTo.Selected)
	}
	if _, ok := s.current.(*deskScreen); !ok || s.current != d {
		t.Fatal("adding who decides left the desk form")
	}

	test.Tap(d.saveBtn)
	s.jobs.wait()
	if !strings.Contains(topDialogText(s), "practice") {
		t.Fatalf("saving the first receipt did not ask for the practice's details; dialog: %q", topDialogText(s))
	}
	es = dialogEntries(t, s)
	if len(es) != 5 {
		t.Fatalf("the practice dialog has %d boxes, want 5", len(es))
	}
	test.Type(es[0], "Glenview Medical Practice")
	test.Type(es[1], "2 Glen Road\nPerth\nPH1 1AA")
	test.Type(es[3], "Jo Smith")
	tapInDialog(t, s, "Save and carry on")
	settle(t, s)

	ls, ok := s.current.(*letterScreen)
	if !ok {
		t.Fatalf("after saving the screen is %T, want the receipt", s.current)
	}
	if ls.rec.Sent() {
		t.Fatal("the receipt was marked as given before anyone said so")
	}
	if ls.sendBtn.Text != "Mark as given…" {
		t.Errorf("the receipt's button reads %q", ls.sendBtn.Text)
	}
	text := letters.RenderText(ls.final())
	for _, want := range []string{"pass your request to the duty GP", "Glenview Medical Practice", "Jo Smith"} {
		if !strings.Contains(text, want) {
			t.Errorf("the receipt does not say %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"Care Quality Commission", "[Practice name]", "[Your name]"} {
		if strings.Contains(text, never) {
			t.Errorf("the receipt says %q:\n%s", never, text)
		}
	}
	if !strings.Contains(topText(ls.receiptRow()), "the duty GP") {
		t.Errorf("Passed to reads %q", topText(ls.receiptRow()))
	}

	// Corrected before it is given: the words given are the ones kept.
	ls.editor.SetText(strings.Replace(ls.editor.Text, "Thank you for your request.", "Thank you for your request, Mòrag.", 1))
	test.Tap(ls.sendBtn)
	tapInDialog(t, s, "Mark as given")
	settle(t, s)

	people, _ := s.st.People(ctx)
	if len(people) != 1 || people[0].NHSNumber != "9434765919" {
		t.Fatalf("people stored: %+v", people)
	}
	reqs, _ := s.st.RequestsFor(ctx, people[0].ID)
	if len(reqs) != 1 {
		t.Fatalf("requests stored: %d", len(reqs))
	}
	to, _ := s.st.Contact(ctx, reqs[0].RecipientID)
	if to.Name != "the duty GP" || to.Organisation != "Glenview Medical Practice" && to.Organisation != "" {
		t.Errorf("the request is routed to %+v", to)
	}
	ls2, _ := s.st.LettersFor(ctx, reqs[0].ID)
	if len(ls2) != 1 || !ls2[0].Sent() || ls2[0].SentHow != data.SentByHand || ls2[0].RecipientID != to.ID ||
		!strings.Contains(ls2[0].Body, "Mòrag.") {
		t.Errorf("the receipt stored: %+v", ls2)
	}
	steps, _ := s.st.StepsFor(ctx, reqs[0].ID)
	if len(steps) != 1 || steps[0].DueOn != s.today().AddDays(14) {
		t.Errorf("steps stored: %+v; want one, with an answer owed in the practice's 14 days", steps)
	}
	snd, _ := s.st.Sender(ctx)
	if snd.Organisation != "Glenview Medical Practice" || snd.Name != "Jo Smith" {
		t.Errorf("the practice's details stored: %+v", snd)
	}
}

// tapButton taps the button with this text on the screen shown.
func tapButton(t *testing.T, s *shell, text string) {
	t.Helper()
	for _, o := range objects(s.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the screen has no %q button", text)
}

// routeToNew adds who decides from the desk form, as the receptionist does.
func routeToNew(t *testing.T, s *shell, d *deskScreen, name string) {
	t.Helper()
	test.Tap(d.addRoute)
	test.Type(dialogEntries(t, s)[0], name)
	tapInDialog(t, s, "Add and route to them")
	settle(t, s)
}

// Looking someone up in the directory halfway through keeps the form.
func TestDeskKeepsWhatWasTypedWhileLookingElsewhere(t *testing.T) {
	s, d := openFreshDesk(t)
	test.Type(d.find, "Siân Lloyd")
	test.Tap(d.newBtn)
	test.Type(d.reason.entry, "The pain has not changed in a year.")
	d.askedHow.SetSelected(data.AskedInWriting.Label())

	test.Tap(s.nav.buttons[navDirectory])
	settle(t, s)
	if _, ok := s.current.(*directoryScreen); !ok {
		t.Fatalf("the Directory opened %T", s.current)
	}
	test.Tap(s.nav.buttons[navDesk])
	settle(t, s)
	back, ok := s.current.(*deskScreen)
	if !ok {
		t.Fatalf("Log a request opened %T", s.current)
	}
	if back.name.text() != "Siân Lloyd" || back.reason.text() != "The pain has not changed in a year." ||
		back.askedHow.Selected != data.AskedInWriting.Label() {
		t.Errorf("coming back to the desk shows name %q, reason %q, asked %q: what was typed is lost",
			back.name.text(), back.reason.text(), back.askedHow.Selected)
	}
}

// saysWhyNotPrintable reports whether a message says the letter has a
// character its font cannot show: with no CJK font on the computer, it
// names the font to install instead.
func saysWhyNotPrintable(msg string) bool {
	return strings.Contains(msg, "cannot show") || strings.Contains(msg, "has no font for")
}

// A name the PDF font cannot show is refused with the reason, and no
// file is written: neither an empty one where the person chose to save,
// nor one in the letters folder to print.
func TestReceiptWithAnUnprintableNameWritesNoFile(t *testing.T) {
	s, d := openFreshDesk(t)
	name := "李明"
	if letters.CheckPrintable(letters.Letter{Subject: name}) == nil {
		name = "\U00013000 Amen" // a hieroglyph, should the font ever learn Chinese
	}
	s.cl.sender = data.Sender{Name: "Jo Smith", Organisation: "Glenview Medical Practice", Address: "2 Glen Road\nPerth"}
	test.Type(d.find, name)
	test.Tap(d.newBtn)
	test.Type(d.reason.entry, "A second opinion on my knee.")
	routeToNew(t, s, d, "Dr A Rahman")
	test.Tap(d.saveBtn)
	s.jobs.wait()
	if _, ok := s.current.(*letterScreen); !ok {
		t.Fatalf("after saving the screen is %T (dialog %q)", s.current, topDialogText(s))
	}

	tapButton(t, s, "Save as PDF…")
	s.jobs.wait()
	if msg := topDialogText(s); !saysWhyNotPrintable(msg) {
		t.Fatalf("saving the PDF did not say why it cannot be written; on top: %q", msg)
	}
	tapInDialog(t, s, "OK")
	tapButton(t, s, "Open to print")
	s.jobs.wait()
	if msg := topDialogText(s); !saysWhyNotPrintable(msg) {
		t.Fatalf("opening to print did not say why; on top: %q", msg)
	}
	var written []string
	filepath.WalkDir(s.st.Dir(), func(path string, e os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".pdf") {
			written = append(written, path)
		}
		return nil
	})
	if len(written) > 0 {
		t.Errorf("PDF files were written: %q", written)
	}
}

// Opening the receipt again from the request names who the desk routed
// it to, never a national body picked from the directory by its role.
func TestReceiptFromTheRequestIsPassedToWhoTheDeskChose(t *testing.T) {
	s, d := openFreshDesk(t)
	s.cl.sender = data.Sender{Name: "Jo Smith", Organisation: "Glenview Medical Practice", Address: "2 Glen Road\nPerth"}
	test.Type(d.find, "Lukasz Nowak")
	test.Tap(d.newBtn)
	test.Type(d.reason.entry, "I was told it is only stress.")
	routeToNew(t, s, d, "Dr A Rahman")
	test.Tap(d.saveBtn)
	settle(t, s)
	ls := s.current.(*letterScreen)
	if err := s.st.DeleteLetter(ctx, ls.rec.ID); err != nil {
		t.Fatal(err)
	}
	delete(s.cl.letters, ls.req.ID)
	s.showNewLetter(ls.req.ID, data.KindReceptionReceipt)
	settle(t, s)
	again := s.current.(*letterScreen)
	if text := letters.RenderText(again.final()); !strings.Contains(text, "pass your request to Dr A Rahman") ||
		strings.Contains(text, "Care Quality Commission") {
		t.Errorf("the receipt opened from the request is passed to %q:\n%s", again.recipient().DisplayName(), text)
	}
}
