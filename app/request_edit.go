package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// requestEditScreen changes a request's answers after the wizard, with the
// wizard's own questions on one page.
type requestEditScreen struct {
	s       *shell
	req     data.Request
	pages   []wizardPage
	saveBtn *widget.Button
	status  *widget.Label
}

func (s *shell) showEditRequest(requestID string) {
	s.openRead(requestID, func(req data.Request, _ []data.Step) {
		s.show(newRequestEditScreen(s, req), navPeople)
	}, nil)
}

func newRequestEditScreen(s *shell, r data.Request) *requestEditScreen {
	e := &requestEditScreen{s: s, req: r}
	route := newRoutePage(s)
	if p, ok := s.cl.person(r.PersonID); ok {
		route.setNation(p.Nation)
	}
	e.pages = []wizardPage{
		newAboutPage(s), newRaisedPage(s), route, newBackgroundPage(s),
		newTextPage("Problems", "What problems does it cause?", "", "Problems in daily life"),
		newTextPage("SideEffects", "Any side effects?", "", "Side effects"),
		newReasonPage(s), newOutcomePage(s), newColleaguePage(),
	}
	for _, p := range e.pages {
		if l, ok := p.(interface{ load(data.Request) }); ok {
			l.load(r)
		}
	}
	e.saveBtn = widget.NewButtonWithIcon("Save changes", theme.DocumentSaveIcon(), e.onSave)
	e.saveBtn.Importance = widget.HighImportance
	e.status = quiet("Letters not yet sent can be written again from these answers; sent letters stay as they were.")
	return e
}

func (e *requestEditScreen) content() fyne.CanvasObject {
	box := container.NewVBox()
	for i, p := range e.pages {
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		box.Add(subheading(p.title()))
		box.Add(p.content())
	}
	p, _ := e.s.cl.person(e.req.PersonID)
	top := container.NewVBox(heading("Edit details"), quiet(e.req.Title()+" · "+p.Name))
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), e.back)
	// The note takes the width the buttons leave: in a row of its own
	// width it wrapped a letter to a line and filled the screen.
	bottom := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, container.NewHBox(e.saveBtn, cancel), nil, e.status))
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil,
		container.NewVScroll(container.NewPadded(container.New(&maxWidth{w: 760}, box)))))
}

func (e *requestEditScreen) back() { e.s.showRequest(e.req.ID) }

func (e *requestEditScreen) save() { e.onSave() }

// onSave checks every answer, then saves; a failed save leaves the
// answers on screen and says why.
func (e *requestEditScreen) onSave() {
	req := e.req
	ok := true
	var fields []*field
	for _, p := range e.pages {
		ok = p.collect(&req) && ok
		fields = append(fields, p.fields()...)
	}
	if !ok {
		e.status.SetText("Please look at the messages in red first.")
		return
	}
	e.keep(req, fields)
}

// keep saves req, or shows what someone else changed meanwhile.
func (e *requestEditScreen) keep(req data.Request, fields []*field) {
	st := e.s.st
	e.saveBtn.Disable()
	saveJob(e.s, nil, nil, func(ctx context.Context) (data.Request, error) {
		err := st.SaveRequest(ctx, &req)
		return req, err
	}, func(r data.Request) {
		e.saveBtn.Enable()
		e.req = r
		e.s.cl.putRequest(r)
		e.back()
	}, func(err error) {
		e.saveBtn.Enable()
		load := func(ctx context.Context) (data.Request, error) { return st.Request(ctx, req.ID) }
		again := func(r data.Request) { e.keep(r, fields) }
		if !onSaveConflict(e.s, err, "request", e.req, req, load, again, func(theirs data.Request) {
			e.req = theirs
			e.s.cl.putRequest(theirs)
			e.back()
		}) {
			e.s.showError(showProblems(err, fields...))
		}
	})
}
