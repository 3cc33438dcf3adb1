package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// The letters someone writes for another person, and the receipts a
// surgery gives, are signed by the user: their details are asked for the
// first time a letter needs them, in place, rather than discovered as
// "[Your name]" on a printed page.

// practiceMissing reports whether the receipt would print without the
// practice's name, address or the name of the person at the desk.
func practiceMissing(snd data.Sender) bool {
	return blank(snd.Organisation) || blank(snd.Address) || blank(snd.Name)
}

// writerMissing reports whether a letter for someone else would print
// without the writer's own name or the address replies should go to.
func writerMissing(snd data.Sender) bool { return blank(snd.Name) || blank(snd.Address) }

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// senderAsk is one way of asking for the sender's details.
type senderAsk struct {
	title, intro string
	fields       func(snd data.Sender) (fs []*field, apply func(*data.Sender))
	skip         func() // on Not now, if anything is to carry on without them
}

// askPractice asks a surgery for the details every receipt carries.
func (s *shell) askPractice(then func()) {
	s.askSender(senderAsk{title: "Your practice's details",
		intro: "The receipt is signed by the practice. These details are asked once, and can be changed later in Settings.",
		fields: func(snd data.Sender) ([]*field, func(*data.Sender)) {
			org := newField("Organisation", "Practice name", "As it should appear at the top of the receipt.", checkRequired("The practice's name"))
			addr := newTextField("Address", "Practice address", "", 3)
			addr.check = checkRequired("The practice's address")
			phone := newField("Phone", "Phone", "Optional: the number patients call with questions.", data.CheckPhone)
			name := newField("Name", "Your name", "Who signs the receipt, like Jo Smith.", checkRequired("Your name"))
			role := newField("Role", "Your role", "Optional, like Receptionist or Practice manager.", checkLength(data.LimitLine))
			fs := []*field{org, addr, phone, name, role}
			setAll(fs, snd.Organisation, snd.Address, snd.Phone, snd.Name, snd.Role)
			return fs, func(snd *data.Sender) {
				snd.Organisation, snd.Address, snd.Phone, snd.Name, snd.Role = trimmed(org), trimmed(addr), trimmed(phone), trimmed(name), trimmed(role)
			}
		}}, then)
}

// askWriter asks someone writing for another person for their own name
// and address, which the letter signs with and gives for replies. Not now
// runs skip, if any: the letter then opens and says what it lacks.
func (s *shell) askWriter(then, skip func()) {
	s.askSender(senderAsk{title: "Your own details",
		intro: "You are writing for someone else, so the letter is signed by you and replies come to you. " +
			"These details are asked once, and can be changed later in Settings.",
		fields: func(snd data.Sender) ([]*field, func(*data.Sender)) {
			name := newField("Name", "Your name", "As you sign your letters, like Anna Ellis.", checkRequired("Your name"))
			addr := newTextField("Address", "Your address", "Where replies should come.", 3)
			addr.check = checkRequired("Your address")
			phone := newField("Phone", "Phone", "Optional.", data.CheckPhone)
			email := newField("Email", "Email", "Optional.", data.CheckEmail)
			role := newField("Role", "Your role", "Leave blank if you are a relative or friend; an advocate might put Advocate.", checkLength(data.LimitLine))
			fs := []*field{name, addr, phone, email, role}
			setAll(fs, snd.Name, snd.Address, snd.Phone, snd.Email, snd.Role)
			return fs, func(snd *data.Sender) {
				snd.Name, snd.Address, snd.Phone, snd.Email, snd.Role = trimmed(name), trimmed(addr), trimmed(phone), trimmed(email), trimmed(role)
			}
		}, skip: skip}, then)
}

func setAll(fs []*field, values ...string) {
	for i, f := range fs {
		f.set(values[i])
	}
}

func trimmed(f *field) string { return strings.TrimSpace(f.text()) }

// askSender shows the dialog, saves the details as the sender in
// Settings, then carries on with then.
func (s *shell) askSender(ask senderAsk, then func()) {
	snd := s.cl.sender
	fields, apply := ask.fields(snd)
	body := container.NewVBox(prose(ask.intro), fieldRows(fields...))
	var dlg *dialog.CustomDialog
	save := func() {
		ok := true
		for _, f := range fields {
			if !f.validate() {
				ok = false
			}
		}
		if !ok {
			return
		}
		apply(&snd)
		st := s.st
		backgroundForm(s, fields, func(ctx context.Context) (data.Sender, error) {
			return snd, st.SaveSender(ctx, snd)
		}, func(saved data.Sender) {
			s.cl.sender = saved
			dlg.Hide()
			then()
		})
	}
	saveBtn := widget.NewButton("Save and carry on", save)
	saveBtn.Importance = widget.HighImportance
	dlg = dialog.NewCustomWithoutButtons(ask.title, dialogBody(s, body), s.win)
	notNow := widget.NewButton("Not now", func() {
		dlg.Hide()
		if ask.skip != nil {
			ask.skip()
		}
	})
	dlg.SetButtons([]fyne.CanvasObject{notNow, saveBtn})
	dlg.Resize(fitDialog(s, fyne.NewSize(600, 520)))
	s.showDialog(dlg)
	s.win.Canvas().Focus(fields[0].entry)
}
