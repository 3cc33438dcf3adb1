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

// routable reports whether a request made at the desk can be passed to c:
// someone at or for the practice who decides on it. The national bodies
// the program ships (the CQC, the ombudsmen) never decide on a request for
// a second opinion, so they are never offered.
func routable(c data.Contact) bool {
	if !c.LastVerified.IsZero() {
		return false
	}
	switch c.Role {
	case data.RoleGP, data.RoleClinician, data.RoleMedicalDirector, data.RoleService, data.RoleOther:
		return true
	}
	return false
}

// routeChoices lists who a desk request can be routed to, doctors first,
// as ids and the names shown for them.
func (c *caseload) routeChoices() (ids, names []string) {
	for _, doctorsFirst := range []bool{true, false} {
		for _, ct := range c.contacts {
			doctor := ct.Role == data.RoleGP || ct.Role == data.RoleClinician || ct.Role == data.RoleMedicalDirector
			if routable(ct) && doctor == doctorsFirst {
				ids = append(ids, ct.ID)
				names = append(names, ct.DisplayName()+"  ·  "+ct.Role.Label())
			}
		}
	}
	return ids, names
}

// deskRouteKinds are what the desk can add on the spot: a doctor, a team,
// or a role the practice fills ("the duty GP", "the practice manager").
var deskRouteKinds = []struct {
	label string
	role  data.ContactRole
}{
	{"A GP", data.RoleGP},
	{"A consultant or clinician", data.RoleClinician},
	{"A team or service", data.RoleService},
	{"A role at the practice", data.RoleOther},
}

// fillRouteTo lists the choices again, keeping the one chosen.
func (d *deskScreen) fillRouteTo() {
	chosen := ""
	if i := d.routeTo.SelectedIndex(); i >= 0 && i < len(d.toIDs) {
		chosen = d.toIDs[i]
	}
	d.toIDs, d.routeTo.Options = d.s.cl.routeChoices()
	d.routeTo.PlaceHolder = "Choose who decides"
	if len(d.toIDs) == 0 {
		d.routeTo.PlaceHolder = "Nobody yet: add who decides"
	}
	d.routeTo.ClearSelected()
	d.selectRoute(chosen)
}

func (d *deskScreen) selectRoute(id string) {
	for i, x := range d.toIDs {
		if x == id {
			d.routeTo.SetSelectedIndex(i)
			return
		}
	}
}

// onAddRoute adds who decides without leaving the form: a name, or a role
// such as "the duty GP", kept in the directory for the next request.
func (d *deskScreen) onAddRoute() {
	labels := make([]string, len(deskRouteKinds))
	for i, k := range deskRouteKinds {
		labels[i] = k.label
	}
	kind := widget.NewRadioGroup(labels, nil)
	kind.SetSelected(labels[0])
	name := newField("Name", "Name or role", "Like Dr A Rahman, the duty GP, or the practice manager.", checkRequired("A name or role"))
	org := newField("Organisation", "Where", "The practice, or the hospital or team.", checkLength(data.LimitName))
	org.set(d.s.cl.sender.Organisation)
	body := container.NewVBox(
		prose("Who will decide on this request? They are kept in the directory, ready for the next one."),
		formRows(widget.NewLabelWithStyle("Who", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), kind,
			name.label, name.cell(), org.label, org.cell()))
	var dlg *dialog.CustomDialog
	add := func() {
		if !name.validate() || !org.validate() {
			return
		}
		c := data.Contact{Name: strings.TrimSpace(name.text()), Organisation: strings.TrimSpace(org.text())}
		for _, k := range deskRouteKinds {
			if k.label == kind.Selected {
				c.Role = k.role
			}
		}
		st := d.s.st
		backgroundForm(d.s, []*field{name, org}, func(ctx context.Context) (data.Contact, error) {
			err := st.SaveContact(ctx, &c)
			return c, err
		}, func(c data.Contact) {
			dlg.Hide()
			d.s.cl.putContact(c)
			d.fillRouteTo()
			d.selectRoute(c.ID)
			setProblem(d.problem, "")
		})
	}
	addBtn := widget.NewButton("Add and route to them", add)
	addBtn.Importance = widget.HighImportance
	dlg = dialog.NewCustomWithoutButtons("Who decides", dialogBody(d.s, body), d.s.win)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", func() { dlg.Hide() }), addBtn})
	dlg.Resize(fitDialog(d.s, fyne.NewSize(560, 380)))
	d.s.showDialog(dlg)
	d.s.win.Canvas().Focus(name.entry)
}
