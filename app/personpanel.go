package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// personPanel is one person's details and their requests, each with its state.
type personPanel struct {
	s      *shell
	person data.Person
	onEdit func(data.Person)
}

func newPersonPanel(s *shell, p data.Person, onEdit func(data.Person)) *personPanel {
	return &personPanel{s: s, person: p, onEdit: onEdit}
}

func (pp *personPanel) content() fyne.CanvasObject {
	p := pp.person
	edit := widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), func() { pp.onEdit(p) })
	start := widget.NewButtonWithIcon("New request for "+firstName(p.Name), theme.ContentAddIcon(),
		func() { pp.s.startWizard(p.ID) })
	start.Importance = widget.HighImportance
	box := container.NewVBox(heading(p.Name), quiet(personFacts(p)), pp.s.personExtras(p), pp.s.personTeamSection(p),
		container.NewHBox(start, edit),
		widget.NewSeparator(), subheading("Requests"))
	reqs := pp.s.cl.requestsOf(p.ID)
	if len(reqs) == 0 {
		box.Add(prose("No requests yet."))
	}
	for _, r := range reqs {
		box.Add(requestCard(pp.s, r))
	}
	box.Add(pp.s.personRights(p))
	return container.NewVScroll(box)
}

// requestCard is one request in a list: what it is about, where it
// stands, and a button to open it.
func requestCard(s *shell, r *requestBrief) fyne.CanvasObject {
	state := s.cl.state(r.ID)
	title := r.Title()
	open := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() { s.showRequest(r.ID) })
	line := state.Label()
	if r.Route() != "" {
		line += " · " + r.Route().Label()
	}
	line += " · started " + data.DateOf(r.CreatedAt().Local()).UK()
	return widget.NewCard("", "", container.NewBorder(nil, nil, nil, container.NewCenter(open),
		container.NewVBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), quiet(line))))
}

func personFacts(p data.Person) string {
	var parts []string
	if !p.DateOfBirth.IsZero() {
		parts = append(parts, "Born "+p.DateOfBirth.Long())
	}
	if p.NHSNumber != "" {
		parts = append(parts, data.FactsFor(p.Nation).PatientNumber+" "+p.NHSNumber)
	}
	if p.Nation != "" {
		parts = append(parts, "Lives in "+p.Nation.Label())
	}
	return strings.Join(parts, " · ")
}

func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return "them"
}
