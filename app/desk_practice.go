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

// practiceMissing reports whether the receipt would print without the
// practice's name, address or the name of the person at the desk.
func practiceMissing(snd data.Sender) bool {
	return strings.TrimSpace(snd.Organisation) == "" || strings.TrimSpace(snd.Address) == "" ||
		strings.TrimSpace(snd.Name) == ""
}

// askPractice asks, once, for the details every receipt carries, saves
// them as the sender in Settings, then carries on with then.
func (s *shell) askPractice(then func()) {
	snd := s.cl.sender
	org := newField("Organisation", "Practice name", "As it should appear at the top of the receipt.", checkRequired("The practice's name"))
	addr := newTextField("Address", "Practice address", "", 3)
	addr.check = checkRequired("The practice's address")
	phone := newField("Phone", "Phone", "Optional: the number patients call with questions.", data.CheckPhone)
	name := newField("Name", "Your name", "Who signs the receipt, like Jo Smith.", checkRequired("Your name"))
	role := newField("Role", "Your role", "Optional, like Receptionist or Practice manager.", checkLength(data.LimitLine))
	org.set(snd.Organisation)
	addr.set(snd.Address)
	phone.set(snd.Phone)
	name.set(snd.Name)
	role.set(snd.Role)
	fields := []*field{org, addr, phone, name, role}
	body := container.NewVBox(
		prose("The receipt is signed by the practice. These details are asked once, and can be changed later in Settings."),
		fieldRows(fields...))
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
		snd.Organisation, snd.Address = strings.TrimSpace(org.text()), strings.TrimSpace(addr.text())
		snd.Phone, snd.Name, snd.Role = strings.TrimSpace(phone.text()), strings.TrimSpace(name.text()), strings.TrimSpace(role.text())
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
	dlg = dialog.NewCustomWithoutButtons("Your practice's details", body, s.win)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Not now", func() { dlg.Hide() }), saveBtn})
	dlg.Resize(fyne.NewSize(600, 520))
	s.showDialog(dlg)
	s.win.Canvas().Focus(org.entry)
}
