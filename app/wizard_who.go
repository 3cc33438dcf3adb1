package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

const (
	pickExisting = "Someone already here"
	pickNew      = "Someone new"
)

// personPicker is the wizard's first page: who the request is for. Someone
// using it for themselves just checks their own details.
type personPicker struct {
	s      *shell
	choice *widget.RadioGroup
	search *entry
	list   *widget.List
	// shown are the ids of the people listed, not their places in the
	// caseload: another desk adding someone moves everyone after them, and
	// the row tapped must still be the person it shows.
	shown  []string
	found  []int
	picked string
	chosen *widget.Label
	none   *widget.Label // says so when nobody matches
	form   *personForm
	body   *fyne.Container
}

func newPersonPicker(s *shell, personID string) *personPicker {
	pp := &personPicker{s: s, picked: personID}
	pp.chosen = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	pp.none = note("Nobody matches. Check the spelling, or choose Someone new.")
	pp.search = newEntry()
	pp.search.SetPlaceHolder("Type a name, NHS number or date of birth")
	pp.search.OnChanged = pp.onSearch
	pp.list = widget.NewList(func() int { return len(pp.shown) }, plainRow, pp.updateRow)
	pp.list.OnSelected = pp.onSelected
	pp.choice = widget.NewRadioGroup([]string{pickExisting, pickNew}, pp.onChoice)
	pp.choice.Horizontal = true
	pp.body = container.NewVBox()
	var me data.Person
	if s.modeNow().personal() && len(s.cl.people) > 0 && personID == "" {
		me = s.cl.people[0]
		pp.picked = me.ID
	}
	if p, ok := s.cl.person(pp.picked); ok {
		me = p
		pp.chosen.SetText(whoLine(p))
	}
	pp.form = newPersonForm(me, s.modeNow().personal())
	pp.filter("")
	switch {
	case pp.picked != "" || len(s.cl.people) > 0:
		pp.choice.SetSelected(pickExisting)
	default:
		pp.choice.SetSelected(pickNew)
	}
	if len(s.cl.people) == 0 {
		pp.choice.Disable()
	}
	return pp
}

func (pp *personPicker) title() string {
	return pp.s.voice("About you", "Who is this for?")
}

func (pp *personPicker) content() fyne.CanvasObject {
	if pp.s.modeNow().personal() {
		return container.NewVBox(
			prose("First, your own details, as they appear on letters from the NHS. They go at the top of your letters. "+
				"Only your name is needed now; you can add the rest later."),
			pp.form.content())
	}
	return container.NewVBox(
		prose("Who would like the second opinion? The letters will be about them."),
		pp.choice, pp.body)
}

func (pp *personPicker) onChoice(string) {
	if pp.s.modeNow().personal() {
		return
	}
	if pp.choice.Selected == pickNew {
		pp.body.Objects = []fyne.CanvasObject{pp.form.content()}
	} else {
		pp.body.Objects = []fyne.CanvasObject{pp.search, container.New(&minHeight{h: 240}, pp.list, container.NewCenter(pp.none)),
			container.NewHBox(widget.NewLabel("Chosen:"), pp.chosen)}
	}
	pp.body.Refresh()
}

func (pp *personPicker) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	p, ok := pp.s.cl.person(pp.shown[i])
	if !ok {
		o.(*widget.Label).SetText("(no longer in the records)")
		return
	}
	o.(*widget.Label).SetText(whoLine(p))
}

func (pp *personPicker) onSearch(q string) {
	pp.filter(q)
	pp.list.UnselectAll()
	pp.list.Refresh()
}

func (pp *personPicker) filter(q string) {
	pp.found = pp.s.cl.search(q, pp.found)
	pp.shown = pp.shown[:0]
	for _, at := range pp.found {
		pp.shown = append(pp.shown, pp.s.cl.people[at].ID)
	}
	if pp.none != nil {
		if len(pp.shown) == 0 {
			pp.none.Show()
		} else {
			pp.none.Hide()
		}
	}
}

func (pp *personPicker) onSelected(i widget.ListItemID) {
	p, ok := pp.s.cl.person(pp.shown[i])
	if !ok { // removed at another desk since the list was made
		pp.list.UnselectAll()
		return
	}
	pp.picked = p.ID
	pp.chosen.SetText(whoLine(p))
	pp.chosen.Importance = widget.MediumImportance
	pp.chosen.Refresh()
}

// creating reports whether the page will save a person: someone new, or
// someone checking their own details.
func (pp *personPicker) creating() bool {
	return pp.s.modeNow().personal() || pp.choice.Selected == pickNew
}

// pending is the person to save before the request, if any.
func (pp *personPicker) pending() (data.Person, bool) {
	if !pp.creating() {
		return data.Person{}, false
	}
	p, _ := pp.form.value()
	return p, true
}

func (pp *personPicker) saved(p data.Person) {
	pp.picked = p.ID
	pp.chosen.SetText(p.Name)
	pp.form.load(p)
	pp.filter(pp.search.Text)
	if !pp.s.modeNow().personal() {
		pp.choice.Enable()
		pp.choice.SetSelected(pickExisting)
	}
}

func (pp *personPicker) collect(req *data.Request) bool {
	m := pp.s.modeNow()
	req.OnBehalf = m.onBehalf()
	if req.AskedBy == "" {
		req.AskedBy = map[mode]data.AskedBy{modeSelf: data.AskedBySelf, modeCarer: data.AskedByCarer,
			modeAdvocate: data.AskedByAdvocate, modeSurgery: data.AskedBySurgery}[m]
	}
	if pp.creating() {
		_, ok := pp.form.value()
		return ok
	}
	if pp.picked == "" {
		pp.chosen.SetText("Please choose someone from the list, or add someone new.")
		pp.chosen.Importance = widget.DangerImportance
		pp.chosen.Refresh()
		return false
	}
	if req.PersonID != pp.picked {
		req.PersonID = pp.picked
	}
	return true
}

func (pp *personPicker) fields() []*field { return pp.form.fields() }

// minHeight gives its content at least h of height: room for a list.
type minHeight struct{ h float32 }

func (m *minHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(s.Width, max(s.Height, m.h))
}

func (m *minHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// whoLine names a person so that two of the same name can be told apart.
func whoLine(p data.Person) string {
	if p.DateOfBirth.IsZero() {
		return p.Name
	}
	return p.Name + "  ·  born " + p.DateOfBirth.UK()
}
