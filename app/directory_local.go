package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/directory"
	"secondopinion/data/store"
)

// localForm asks, once, for the local NHS bodies a user writes to (the
// ICB or board, the trust, their PALS and complaints teams) and adds a
// directory contact for each team, marked as serving the chosen nation, so
// that no one types a health board's concerns team in by hand.
type localForm struct {
	s      *shell
	nation *widget.Select
	bodies *fyne.Container
	parts  []*localBodyForm
}

// localBodyForm is one organisation: its name and address, and a row for
// each team in it (ticked, named, with an email).
type localBodyForm struct {
	body    directory.LocalBody
	org     *field
	address *field
	teams   []localTeamRow
}

type localTeamRow struct {
	team  directory.LocalTeam
	on    *widget.Check
	name  *entry
	email *field
}

func newLocalForm(s *shell, n data.Nation) *localForm {
	f := &localForm{s: s, bodies: container.NewVBox()}
	labels := make([]string, len(data.Nations))
	for i, x := range data.Nations {
		labels[i] = x.Label()
	}
	f.nation = widget.NewSelect(labels, f.onNation)
	f.nation.SetSelected(n.Label())
	return f
}

func (f *localForm) chosenNation() data.Nation {
	for _, n := range data.Nations {
		if n.Label() == f.nation.Selected {
			return n
		}
	}
	return data.England
}

// onNation lays out the bodies of the chosen nation.
func (f *localForm) onNation(string) {
	n := f.chosenNation()
	f.parts = f.parts[:0]
	objs := []fyne.CanvasObject{}
	for _, b := range directory.LocalBodies(n) {
		p := newLocalBodyForm(b)
		f.parts = append(f.parts, p)
		objs = append(objs, p.content())
	}
	f.bodies.Objects = objs
	f.bodies.Refresh()
}

func newLocalBodyForm(b directory.LocalBody) *localBodyForm {
	p := &localBodyForm{body: b}
	p.org = newField("Organisation", "Its name", "As on its letters or website. Leave blank to skip it.", checkLength(data.LimitLine))
	p.address = newTextField("Address", "Postal address", "", 3)
	for _, t := range b.Teams {
		row := localTeamRow{team: t}
		row.on = widget.NewCheck(teamLabel(t), nil)
		row.on.SetChecked(t.Usual)
		row.name = newEntry()
		row.name.SetText(t.Name)
		row.name.SetPlaceHolder("The organisation itself")
		row.email = newField("Email", "Email", "", data.CheckEmail)
		row.email.entry.SetPlaceHolder("Email, if you know it")
		p.teams = append(p.teams, row)
	}
	return p
}

// teamLabel names what a team receives, in the user's words.
func teamLabel(t directory.LocalTeam) string {
	switch t.Role {
	case data.RoleCommissioner:
		return "Funding requests and decisions"
	case data.RolePALS:
		return "Advice (PALS)"
	case data.RoleComplaints:
		return "Concerns and complaints"
	case data.RoleRecords:
		return "Copies of records"
	}
	return t.Role.Label()
}

func (p *localBodyForm) content() fyne.CanvasObject {
	rows := []fyne.CanvasObject{}
	for _, t := range p.teams {
		rows = append(rows, t.on, container.NewGridWithColumns(2, t.name, t.email.cell()))
	}
	return container.NewVBox(widget.NewSeparator(), subheading(p.body.Kind), quiet(p.body.Help),
		fieldRows(p.org, p.address), formRows(rows...))
}

// hasDetails reports whether anything was typed for this body besides
// the team names the form suggests.
func (p *localBodyForm) hasDetails() bool {
	if !blank(p.address.text()) {
		return true
	}
	for _, t := range p.teams {
		if !blank(t.email.text()) {
			return true
		}
	}
	return false
}

// fields are every field that can be wrong.
func (f *localForm) fields() []*field {
	var fs []*field
	for _, p := range f.parts {
		fs = append(fs, p.org, p.address)
		for _, t := range p.teams {
			fs = append(fs, t.email)
		}
	}
	return fs
}

// contacts are the contacts to add: one per ticked team of each named
// organisation. ok is false when a field is wrong (each then says so).
func (f *localForm) contacts() (cs []data.Contact, ok bool) {
	ok = true
	for _, fl := range f.fields() {
		if !fl.validate() {
			ok = false
		}
	}
	n := f.chosenNation()
	for _, p := range f.parts {
		if blank(p.org.text()) && p.hasDetails() {
			// Details typed for a body with no name would be lost: ask.
			p.org.setProblem("Please give its name, or clear the details below to skip it.")
			ok = false
			continue
		}
		var entries []directory.LocalEntry
		for _, t := range p.teams {
			if t.on.Checked {
				entries = append(entries, directory.LocalEntry{Team: t.team, Name: t.name.Text, Email: t.email.text()})
			}
		}
		cs = append(cs, directory.LocalContacts(n, p.org.text(), p.address.text(), entries)...)
	}
	return cs, ok
}

// usualNation is the nation most of the caseload lives in, so a form
// about local bodies starts at the right one; England when empty.
func (c *caseload) usualNation() data.Nation {
	count := map[data.Nation]int{}
	best := data.England
	for _, p := range c.people {
		count[p.Nation]++
		if p.Nation != "" && count[p.Nation] > count[best] {
			best = p.Nation
		}
	}
	return best
}

// onAddLocal shows the form; saving adds every contact in one transaction.
func (d *directoryScreen) onAddLocal() {
	s := d.s
	f := newLocalForm(s, s.cl.usualNation())
	problem := note("")
	problem.Importance = widget.DangerImportance
	intro := prose("Letters about a person's care go to the organisations near them. Give the names you know; " +
		"each ticked team is added to the directory for that nation, ready for letters. You can add phone numbers and change any detail later.")
	body := container.NewVBox(intro, formRows(widget.NewLabelWithStyle("Nation", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), f.nation),
		f.bodies, problem)
	var dlg *dialog.CustomDialog
	add := widget.NewButton("Add to the directory", func() {
		cs, ok := f.contacts()
		switch {
		case !ok:
			problem.SetText("Please correct what is marked above.")
			return
		case len(cs) == 0:
			problem.SetText("Please give the name of at least one organisation, with at least one team ticked.")
			return
		}
		st := s.st
		backgroundForm(s, f.fields(), func(ctx context.Context) ([]data.Contact, error) {
			b := store.Batch{Contacts: cs}
			err := st.SaveBatch(ctx, &b)
			return b.Contacts, err
		}, func(saved []data.Contact) {
			for _, c := range saved {
				s.cl.putContact(c)
			}
			dlg.Hide()
			d.filter(d.search.Text)
			d.list.Refresh()
			d.saved.SetText(plural(len(saved), "contact", "contacts") + " added for " + f.chosenNation().Label() + ": " + localSummary(saved) + ".")
		})
	})
	add.Importance = widget.HighImportance
	dlg = dialog.NewCustomWithoutButtons("Add your local NHS bodies", dialogBody(s, body), s.win)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", dlg.Hide), add})
	dlg.Resize(fitDialog(s, fyne.NewSize(720, 640)))
	s.showDialog(dlg)
	d.local = f
}

// localSummary says which organisations a set of new contacts are for.
func localSummary(cs []data.Contact) string {
	seen := map[string]bool{}
	var names []string
	for _, c := range cs {
		if !seen[c.Organisation] {
			seen[c.Organisation] = true
			names = append(names, c.Organisation)
		}
	}
	return strings.Join(names, ", ")
}
