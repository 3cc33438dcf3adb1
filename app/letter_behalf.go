package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// gapCards are the notes above an unsent letter about what it lacks:
// where a reply should go, and, for a letter on someone's behalf, their
// written consent. Each offers to fill the gap without leaving the letter.
func (ls *letterScreen) gapCards() []fyne.CanvasObject {
	if ls.rec.Sent() {
		return nil
	}
	var out []fyne.CanvasObject
	if gap := ls.missing(); gap != "" {
		out = append(out, gapCard(gap, widget.NewButton("Add them", ls.onFillMissing)))
	}
	if gap := ls.consentMissing(); gap != "" {
		c := gapCard(gap, widget.NewButton("Record their consent", ls.onEditPerson))
		out = append(out, c)
	}
	return out
}

func gapCard(text string, fix *widget.Button) fyne.CanvasObject {
	l := prose(text)
	l.Importance = widget.WarningImportance
	return widget.NewCard("", "", container.NewBorder(nil, nil, nil, container.NewCenter(fix), l))
}

// consentMissing warns when a letter written on someone's behalf has no
// written consent recorded: the letter then cannot tell the doctor they
// may discuss the person's care with the writer.
func (ls *letterScreen) consentMissing() string {
	if !ls.req.OnBehalf || ls.person.HasConsent() || ls.person.ID == "" {
		return ""
	}
	switch ls.rec.Kind {
	case data.KindReceptionReceipt, data.KindClinicianReferral:
		return "" // the surgery's own letters need no consent to write
	}
	return "No written consent from " + ls.person.Name + " is recorded. Without it the letter cannot say that the doctor " +
		"may discuss their care with you, and many will not reply to you about it."
}

// onFillMissing asks for the missing details in place, then shows the
// letter again with them (after keeping any edits).
func (ls *letterScreen) onFillMissing() {
	again := func() { ls.saveThen(func() { ls.s.showLetter(ls.rec) }) }
	switch m := ls.s.modeNow(); {
	case m == modeSurgery:
		ls.s.askPractice(again)
	case m.onBehalf():
		ls.s.askWriter(again, nil)
	default:
		ls.onEditPerson()
	}
}

func (ls *letterScreen) onEditPerson() {
	ls.s.editPerson(ls.person, func(p data.Person) {
		ls.person = p
		ls.saveThen(func() { ls.s.showLetter(ls.rec) })
	})
}
