package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// peopleScreen is the caseload: a search box over a list of people, and
// the chosen person's details and requests beside it. The search filters
// the caseload in memory, so it keeps up with every keystroke.
type peopleScreen struct {
	s        *shell
	search   *entry
	count    *widget.Label
	list     *widget.List
	shown    []int // indexes into s.cl.people that match the search
	detail   *fyne.Container
	selected string // person id
	cases    *caseBar
}

func newPeopleScreen(s *shell) *peopleScreen {
	p := &peopleScreen{s: s}
	p.search = newEntry()
	p.search.SetPlaceHolder("Search names, notes and letters")
	p.search.OnChanged = p.onSearch
	p.count = quiet("")
	p.list = widget.NewList(p.length, p.newRow, p.updateRow)
	p.list.OnSelected = p.onSelected
	p.detail = container.NewStack()
	p.cases = newCaseBar(p)
	p.filter("")
	p.cases.prepare()
	return p
}

func (p *peopleScreen) content() fyne.CanvasObject {
	if p.s.modeNow().personal() {
		return newMyRequests(p.s).content()
	}
	add := widget.NewButtonWithIcon("Add someone", theme.ContentAddIcon(), p.onAdd)
	left := container.NewBorder(container.NewVBox(heading(p.s.modeNow().peopleWord()), p.search, p.cases.content(), p.count),
		container.NewHBox(add), nil, nil, p.list)
	p.showDetail()
	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(p.detail))
	split.Offset = 0.38
	return split
}

func (p *peopleScreen) focusSearch() { p.s.win.Canvas().Focus(p.search) }

func (p *peopleScreen) length() int { return len(p.shown) }

func (p *peopleScreen) newRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("")
	info.Truncation = fyne.TextTruncateEllipsis
	info.Importance = widget.LowImportance
	return container.NewVBox(name, info)
}

func (p *peopleScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	person := p.s.cl.people[p.shown[i]]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(person.Name)
	box.Objects[1].(*widget.Label).SetText(p.summary(person))
}

// summary is a person's line under their name: born, and their requests.
func (p *peopleScreen) summary(person data.Person) string {
	var parts []string
	if !person.DateOfBirth.IsZero() {
		parts = append(parts, "born "+person.DateOfBirth.UK())
	}
	reqs := p.s.cl.byPerson[person.ID]
	switch len(reqs) {
	case 0:
		parts = append(parts, "no requests yet")
	case 1:
		parts = append(parts, p.s.cl.state(reqs[0]).Label())
	default:
		parts = append(parts, fmt.Sprintf("%d requests", len(reqs)))
	}
	if due := p.cases.dueLine(person.ID); due != "" {
		parts = append(parts, due)
	}
	if past := p.s.retentionLine(person); past != "" {
		parts = append(parts, past)
	}
	return strings.Join(parts, " · ")
}

func (p *peopleScreen) onSearch(q string) {
	p.filter(q)
	p.list.UnselectAll()
	p.list.Refresh()
	p.list.ScrollToTop()
}

// filter keeps the people whose name, NHS number, date of birth or
// address holds every word of the query.
func (p *peopleScreen) filter(q string) {
	p.shown = p.cases.apply(q, p.shown)
	total := len(p.s.cl.people)
	switch {
	case total == 0:
		p.count.SetText("Nobody here yet.")
	case strings.TrimSpace(q) == "" && !p.cases.active():
		p.count.SetText(plural(total, "person", "people"))
	default:
		p.count.SetText(thousands(len(p.shown)) + " of " + plural(total, "person", "people"))
	}
}

func (p *peopleScreen) onSelected(i widget.ListItemID) {
	p.selected = p.s.cl.people[p.shown[i]].ID
	p.showDetail()
}

// showDetail fills the right-hand side with the chosen person.
func (p *peopleScreen) showDetail() {
	person, ok := p.s.cl.person(p.selected)
	if !ok {
		hint := widget.NewLabel("Choose someone on the left to see their requests.")
		hint.Importance = widget.LowImportance
		p.detail.Objects = []fyne.CanvasObject{container.NewCenter(hint)}
		p.detail.Refresh()
		return
	}
	p.detail.Objects = []fyne.CanvasObject{newPersonPanel(p.s, person, p.onEdit).content()}
	p.detail.Refresh()
	p.s.noteOpened(store.AuditPerson, person.ID)
}

func (p *peopleScreen) onAdd() {
	p.s.editPerson(data.Person{}, func(saved data.Person) {
		p.search.SetText("")
		p.selected = saved.ID
		p.filter("")
		p.list.Refresh()
		p.showDetail()
	})
}

func (p *peopleScreen) onEdit(person data.Person) {
	p.s.editPerson(person, func(data.Person) {
		p.filter(p.search.Text)
		p.list.Refresh()
		p.showDetail()
	})
}

// editPerson shows a person's details in a dialog and saves them.
func (s *shell) editPerson(person data.Person, saved func(data.Person)) {
	form := newPersonForm(person, s.modeNow().personal())
	title := "Add someone"
	if person.ID != "" {
		title = "Edit " + person.Name
	}
	var d dialog.Dialog
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), nil)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, save), nil, nil, container.NewVScroll(form.content()))
	d = dialog.NewCustomWithoutButtons(title, body, s.win)
	save.OnTapped = func() {
		p, ok := form.value()
		if !ok {
			return
		}
		st := s.st
		var keep func(p data.Person)
		keep = func(p data.Person) {
			saveJob(s, form, nil, func(ctx context.Context) (data.Person, error) {
				err := st.SavePerson(ctx, &p)
				return p, err
			}, func(p data.Person) {
				s.cl.putPerson(p)
				d.Hide()
				saved(p)
			}, func(err error) {
				load := func(ctx context.Context) (data.Person, error) { return st.Person(ctx, p.ID) }
				if !onSaveConflict(s, err, "person", form.person, p, load, keep, func(theirs data.Person) {
					s.cl.putPerson(theirs)
					d.Hide()
					saved(theirs)
				}) {
					s.showError(showProblems(err, form.fields()...))
				}
			})
		}
		keep(p)
	}
	d.Resize(fitDialog(s, fyne.NewSize(640, 620)))
	s.showDialog(d)
	s.win.Canvas().Focus(form.name.entry)
}

// recordsChanged shows the list read again, keeping the search and the
// person chosen. After other desks' changes the index remakes the rows of
// the people changed as it filters; after a whole reading it is built
// again in the background.
func (p *peopleScreen) recordsChanged() {
	if ix := p.cases.ix; ix != nil && ix.generation == p.s.cl.generation {
		p.showAgain()
		return
	}
	p.cases.ix = nil // it numbers the people of the caseload it was built from
	p.showAgain()
	p.cases.prepareThen(p.showAgain)
}

func (p *peopleScreen) showAgain() {
	p.filter(p.search.Text)
	p.list.Refresh()
	for i, at := range p.shown {
		if p.s.cl.people[at].ID == p.selected {
			p.list.Select(i)
			break
		}
	}
	p.showDetail()
}
