package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// myRequests is the People screen for someone using the program for
// themselves: their own requests, not a caseload.
type myRequests struct {
	s *shell
}

func newMyRequests(s *shell) *myRequests { return &myRequests{s: s} }

func (m *myRequests) content() fyne.CanvasObject {
	start := widget.NewButtonWithIcon("Start a new request", theme.ContentAddIcon(), m.s.onNewRequest)
	start.Importance = widget.HighImportance
	box := container.NewVBox(heading("My requests"))
	var me *data.Person
	for _, p := range m.s.cl.people {
		p := p
		if me == nil {
			me = &p
		}
		for _, r := range m.s.cl.requestsOf(p.ID) {
			box.Add(requestCard(m.s, r))
		}
	}
	if len(m.s.cl.requests) == 0 {
		box.Add(prose("You haven't started a request yet."))
	}
	buttons := container.NewHBox(start)
	if me != nil {
		person := *me
		buttons.Add(widget.NewButtonWithIcon("My details", theme.AccountIcon(), func() {
			m.s.editPerson(person, func(data.Person) { m.s.showPeople() })
		}))
	}
	box.Add(buttons)
	return container.NewPadded(container.NewVScroll(box))
}
