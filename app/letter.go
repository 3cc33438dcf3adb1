package app

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/letters"
)

// letterScreen is one letter: the composed text to edit, the page as it
// will print, and the ways to send it. The person's edits are kept in
// data.Letter.Body and never thrown away without asking.
type letterScreen struct {
	s        *shell
	rec      data.Letter // the letter, with the choices made on screen (large print, recipient)
	stored   data.Letter // as last read or saved: what a conflict compares the screen with
	req      data.Request
	person   data.Person
	steps    []data.Step // the request's whole timeline
	to       *widget.Select
	toIDs    []string
	composed letters.Letter // from the records, before any edit
	editor   *entry
	large    *widget.Check
	preview  *previewPane
	status   *widget.Label
	sendBtn  *widget.Button
	saveBtn  *widget.Button
	dirty    bool
}

// showNewLetter opens the request's unsent letter of this kind, or starts one.
func (s *shell) showNewLetter(requestID, kind string) {
	st := s.st
	background(s, func(ctx context.Context) ([]data.Letter, error) { return st.LettersFor(ctx, requestID) },
		func(ls []data.Letter) {
			s.cl.letters[requestID] = ls
			for i := len(ls) - 1; i >= 0; i-- {
				if ls[i].Kind == kind && !ls[i].Sent() {
					s.showLetter(ls[i])
					return
				}
			}
			s.openRead(requestID, func(req data.Request, _ []data.Step) {
				s.showLetter(data.Letter{RequestID: requestID, Kind: kind, RecipientID: s.recipientFor(req, kind)})
			}, nil)
		})
}

// recipientFor is who a letter of this kind should go to, by the rules
// the letters share with the letter command.
func (s *shell) recipientFor(req data.Request, kind string) string {
	if kind == data.KindReceptionReceipt {
		return req.RecipientID // who the desk passed the request to
	}
	p, _ := s.cl.person(req.PersonID)
	return letters.RecipientFor(kind, req, p.Nation, s.cl.contacts)
}

// showLetter opens a letter once its request and whole timeline are read:
// letters draw on the request's long texts and tell what happened in the
// steps' own words. If the person moves to another screen meanwhile, the
// letter is not opened over it.
func (s *shell) showLetter(l data.Letter) {
	s.openRead(l.RequestID, func(req data.Request, steps []data.Step) {
		s.show(newLetterScreen(s, l, req, steps), navPeople)
	}, nil)
}

func newLetterScreen(s *shell, l data.Letter, req data.Request, steps []data.Step) *letterScreen {
	ls := &letterScreen{s: s, rec: l, stored: l, req: req, steps: steps}
	ls.person, _ = s.cl.person(ls.req.PersonID)
	ls.editor = newMultiLineEntry(8)
	ls.large = widget.NewCheck("Large print", ls.onLargePrint)
	ls.large.Checked = l.LargePrint
	ls.preview = newPreviewPane(s)
	ls.status = quiet("")
	ls.buildRecipients()
	if l.RecipientID == "" && !l.Sent() {
		// Nobody fits for certain: say whom to choose rather than guess.
		ls.status.SetText(letters.ChooseRecipient(l.Kind, ls.req, ls.person.Nation, s.cl.contacts).Note)
	}
	ls.compose()
	text := ls.composed.EditableText()
	if l.Edited() {
		text = l.Body
	}
	ls.editor.SetText(text)
	ls.editor.OnChanged = ls.onEdited // from now on, changes are the person's
	ls.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), ls.onSave)
	ls.sendBtn = widget.NewButtonWithIcon("Mark as sent…", theme.MailSendIcon(), ls.onMarkSent)
	ls.sendBtn.Importance = widget.HighImportance
	if isReceipt(l) {
		ls.receiptActions()
	}
	if l.Sent() {
		ls.lockSent()
	}
	ls.refreshPreview()
	return ls
}

// buildRecipients lists the directory, the contacts who fit this letter first.
func (ls *letterScreen) buildRecipients() {
	k, _ := letters.KindByID(ls.rec.Kind)
	var names []string
	add := func(c data.Contact) {
		ls.toIDs = append(ls.toIDs, c.ID)
		names = append(names, c.DisplayName()+"  ·  "+c.Role.Label())
	}
	// The person's own nation's bodies only: a letter about their health
	// never goes to a body serving only another nation (one already
	// chosen stays listed, so the choice can be seen and changed).
	fits := func(c data.Contact) bool { return c.Serves(ls.person.Nation) || c.ID == ls.rec.RecipientID }
	for _, c := range ls.s.cl.contacts {
		if c.Role == k.Recipient && fits(c) {
			add(c)
		}
	}
	for _, c := range ls.s.cl.contacts {
		if c.Role != k.Recipient && fits(c) {
			add(c)
		}
	}
	ls.to = widget.NewSelect(names, nil)
	ls.to.PlaceHolder = "Choose who it goes to"
	for i, id := range ls.toIDs {
		if id == ls.rec.RecipientID {
			ls.to.SetSelectedIndex(i)
		}
	}
	ls.to.OnChanged = ls.onRecipient
}

func (ls *letterScreen) recipient() data.Contact {
	id := ls.rec.RecipientID
	if isReceipt(ls.rec) && id == "" {
		id = ls.req.RecipientID
	}
	c, _ := ls.s.cl.contact(id)
	return c
}

// compose writes the letter afresh from the records.
func (ls *letterScreen) compose() {
	date := ls.s.today()
	if ls.rec.Sent() {
		date = ls.rec.SentOn
	}
	if req, steps, ok := ls.s.cl.opened(ls.req.ID); ok {
		ls.req, ls.steps = req, steps // the latest read; kept for when the caseload is read again
	} else if ls.s.current == ls {
		// The caseload was read again: the next composing uses the request as it is now.
		ls.s.readRequest(ls.req.ID, func(req data.Request, steps []data.Step) { ls.req, ls.steps = req, steps }, func(error) {})
	}
	l, err := letters.Compose(letters.Input{Kind: ls.rec.Kind, Person: ls.person, Request: ls.req,
		Recipient: ls.recipient(), Sender: ls.s.cl.sender, Date: date, Steps: ls.steps, LetterID: ls.rec.ID,
		ReplyDays: ls.s.cl.chaseDays()})
	if err != nil {
		ls.s.showError(err)
	}
	ls.composed = l
}

// toRow is who the letter goes to. A receipt goes to the patient in
// person; its contact is the doctor the request is passed to.
func (ls *letterScreen) toRow() fyne.CanvasObject {
	if isReceipt(ls.rec) {
		return ls.receiptRow()
	}
	bold := fyne.TextStyle{Bold: true}
	return formRows(widget.NewLabelWithStyle("To", fyne.TextAlignTrailing, bold), ls.to)
}

// final is the letter as it will print: composed, with the edits.
func (ls *letterScreen) final() letters.Letter {
	if ls.editor.Text == ls.composed.EditableText() {
		return ls.composed
	}
	return ls.composed.WithEditedText(ls.editor.Text)
}

// body is what to store: the edited text, or "" while it is as composed.
func (ls *letterScreen) body() string {
	if ls.editor.Text == ls.composed.EditableText() {
		return ""
	}
	return ls.editor.Text
}

func (ls *letterScreen) content() fyne.CanvasObject {
	kind, _ := letters.KindByID(ls.rec.Kind)
	back := widget.NewButtonWithIcon("Back to the request", theme.NavigateBackIcon(), func() { ls.s.showRequest(ls.req.ID) })
	back.Importance = widget.LowImportance
	redo := widget.NewButtonWithIcon("Write it again from the records", theme.ViewRefreshIcon(), ls.onRecompose)
	pdf := widget.NewButtonWithIcon("Save as PDF…", theme.DownloadIcon(), ls.onSavePDF)
	view := widget.NewButtonWithIcon("Open to print", theme.DocumentPrintIcon(), ls.onOpenViewer)
	cp := widget.NewButtonWithIcon("Copy text for an email", theme.ContentCopyIcon(), ls.onCopy)
	if ls.rec.Sent() {
		redo.Disable()
	}
	header := container.NewVBox(container.NewHBox(back),
		heading(kind.Title),
		quiet(ls.person.Name+" · "+ls.req.Title()),
		ls.toRow())
	for _, card := range ls.gapCards() {
		header.Add(card)
	}
	if warn := ls.before(); warn != "" && !ls.rec.Sent() {
		header.Add(widget.NewCard("", "", prose(warn)))
	}
	editHelp := quiet("Change any words you like: the first line is the subject. Addresses and the date come from the records.")
	var left fyne.CanvasObject = container.NewBorder(editHelp, container.NewHBox(ls.large, redo), nil, nil, ls.editor)
	if ls.rec.Sent() { // kept as it went out: easy to read, not to change
		left = container.NewVScroll(prose(ls.editor.Text))
	}
	split := container.NewHSplit(left, ls.preview.content())
	split.Offset = 0.55
	actions := container.NewHBox(ls.saveBtn, pdf, view, cp, ls.sendBtn)
	bottom := container.NewVBox(widget.NewSeparator(), actions, ls.status)
	return container.NewPadded(container.NewBorder(header, bottom, nil, nil, split))
}

func (ls *letterScreen) save() { ls.onSave() }

// leave saves edits the person has not saved yet: moving on never loses them.
func (ls *letterScreen) leave(done func()) {
	if !ls.dirty || ls.rec.Sent() {
		done()
		return
	}
	ls.saveThen(done)
}

// missing says what the letter lacks for a reply to find its way back.
func (ls *letterScreen) missing() string {
	if ls.s.modeNow().onBehalf() {
		if ls.s.cl.sender.Name == "" || ls.s.cl.sender.Address == "" {
			return "Your own name and address are not filled in yet, so the letter cannot say where to reply."
		}
		return ""
	}
	if ls.person.Address == "" {
		return "Your address is not filled in yet, so the letter cannot say where to reply."
	}
	return ""
}

// before says what to put right before the letter goes: the gaps the
// letter itself reports (a placeholder, no postal address for the
// recipient).
func (ls *letterScreen) before() string {
	var out []string
	var need []string
	for _, g := range letters.Gaps(ls.final()) {
		if g == letters.GapSenderName && ls.missing() != "" {
			continue // already asked for, with a button to fill it in
		}
		need = append(need, string(g))
	}
	if len(need) > 0 {
		out = append(out, "Before you send it, the letter needs "+strings.Join(need, " and ")+".")
	}
	// Consent not yet recorded is said once, in the warning above the
	// letter (consentMissing), with the button that records it.
	return strings.Join(out, " ")
}

func (ls *letterScreen) onEdited(string) {
	ls.dirty = true
	ls.status.SetText("Changes not saved yet (Ctrl+S saves).")
}

func (ls *letterScreen) onLargePrint(on bool) {
	ls.rec.LargePrint = on
	ls.dirty = true
	ls.refreshPreview()
}

func (ls *letterScreen) onRecipient(string) {
	i := ls.to.SelectedIndex()
	if i < 0 {
		return
	}
	ls.rec.RecipientID = ls.toIDs[i]
	ls.dirty = true
	edited := ls.body() != ""
	ls.compose()
	if !edited {
		ls.editor.SetText(ls.composed.EditableText())
	}
	ls.refreshPreview()
}

// onSave keeps the letter and its edits.
func (ls *letterScreen) onSave() { ls.saveThen(nil) }

func (ls *letterScreen) saveThen(done func()) {
	if ls.rec.Sent() {
		if done != nil {
			done()
		}
		return
	}
	l := ls.rec
	l.Body = ls.body()
	ls.keep(l, done)
}

// keep saves l, or shows what someone else changed meanwhile.
func (ls *letterScreen) keep(l data.Letter, done func()) {
	st := ls.s.st
	// What the screen shows now, to tell afterwards whether more was
	// changed while it saved (l may differ from it: two people's changes
	// merged after a conflict).
	shown := ls.onScreen()
	saveJob(ls.s, ls, func() { ls.saveThen(done) }, func(ctx context.Context) (data.Letter, error) {
		err := st.SaveLetter(ctx, &l)
		return l, err
	}, func(l data.Letter) {
		now := ls.onScreen()
		ls.s.cl.putLetter(l)
		if now != shown {
			// Changed while it saved: that stays on screen, to be saved next.
			ls.rec, ls.stored = l, l
			ls.rec.LargePrint, ls.rec.RecipientID = now.largePrint, now.recipientID
			ls.dirty = true
		} else {
			ls.showAsSaved(l)
		}
		switch {
		case done != nil && ls.dirty:
			ls.saveThen(done) // changed while it saved: that too, before moving on
		case done != nil:
			done()
		case ls.dirty:
			ls.status.SetText("Changes not saved yet (Ctrl+S saves).")
			ls.refreshPreview()
		default:
			ls.status.SetText("Saved.")
			ls.refreshPreview()
		}
	}, func(err error) {
		load := func(ctx context.Context) (data.Letter, error) { return st.Letter(ctx, l.ID) }
		again := func(l data.Letter) { ls.keep(l, done) }
		if !onSaveConflict(ls.s, err, "letter", ls.stored, l, load, again, func(theirs data.Letter) {
			ls.s.cl.putLetter(theirs)
			ls.showAsSaved(theirs)
		}) {
			ls.s.showError(err)
		}
	})
}

// onScreen is what the letter screen shows that a save keeps.
type onScreen struct {
	body        string
	largePrint  bool
	recipientID string
}

func (ls *letterScreen) onScreen() onScreen {
	return onScreen{ls.body(), ls.rec.LargePrint, ls.rec.RecipientID}
}

// showAsSaved shows l as it is stored: after a conflict, the other
// person's changes, or both people's together.
func (ls *letterScreen) showAsSaved(l data.Letter) {
	differs := ls.onScreen() != onScreen{l.Body, l.LargePrint, l.RecipientID}
	if i := slices.Index(ls.toIDs, l.RecipientID); i >= 0 && l.RecipientID != ls.rec.RecipientID {
		ls.to.SetSelectedIndex(i) // composes the letter again for them
	}
	if l.LargePrint != ls.large.Checked {
		ls.large.SetChecked(l.LargePrint)
	}
	ls.rec, ls.stored = l, l
	switch {
	case l.Body == "" && ls.body() != "": // it follows the records, as written
		ls.editor.SetText(ls.composed.EditableText())
	case l.Body != "" && l.Body != ls.editor.Text:
		ls.editor.SetText(l.Body)
	}
	ls.dirty = false
	if differs && ls.s.current == ls { // a screen left behind need not be drawn again
		ls.refreshPreview()
	}
}

// onRecompose writes the letter again from the records, asking first if
// that would throw away the person's own words.
func (ls *letterScreen) onRecompose() {
	redo := func() {
		ls.compose()
		ls.editor.SetText(ls.composed.EditableText())
		ls.saveThen(nil)
	}
	if ls.body() == "" {
		redo()
		return
	}
	d := dialog.NewConfirm("Write it again?",
		"This replaces your changes to the wording with a fresh letter from the records. Your changes cannot be brought back.",
		func(ok bool) {
			if ok {
				redo()
			}
		}, ls.s.win)
	d.SetConfirmText("Replace my changes")
	d.SetDismissText("Keep my changes")
	ls.s.showDialog(d)
}

func (ls *letterScreen) refreshPreview() {
	ls.preview.show(ls.final(), ls.rec.LargePrint)
}

func (ls *letterScreen) onCopy() {
	ls.s.app.Clipboard().SetContent(letters.RenderText(ls.final()))
	ls.status.SetText("The letter is copied: paste it into an email.")
}

// lockSent keeps a sent letter as it went out.
func (ls *letterScreen) lockSent() {
	ls.editor.Disable()
	ls.large.Disable()
	ls.to.Disable()
	ls.sendBtn.Disable()
	ls.saveBtn.Disable()
	if isReceipt(ls.rec) {
		ls.status.SetText("Given on " + ls.rec.SentOn.Long() + ", by hand. It is kept as it was given.")
		return
	}
	ls.status.SetText("Sent on " + ls.rec.SentOn.Long() + ", " + lowerFirst(ls.rec.SentHow.Label()) + ". It is kept as it went out.")
}

// pdfError turns a character the font lacks into words for the person.
func pdfError(err error) error {
	var ue *letters.UnprintableError
	if errors.As(err, &ue) {
		return &data.UserError{Message: ue.Error(), Err: err}
	}
	return err
}
