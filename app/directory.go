package app

import (
	"context"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// directoryScreen lists everyone letters can go to, with a form to add
// or edit one beside the list.
type directoryScreen struct {
	s       *shell
	search  *entry
	list    *widget.List
	shown   []int
	form    *contactForm
	title   *widget.Label
	saveBtn *widget.Button
	saved   *widget.Label
	// verified marks a national body's last-checked date; delBtn deletes.
	verified *widget.Label
	delBtn   *widget.Button
	// local is the form for adding local NHS bodies, while it is open.
	local *localForm
}

func newDirectoryScreen(s *shell) *directoryScreen {
	d := &directoryScreen{s: s}
	d.search = newEntry()
	d.search.SetPlaceHolder("Search the directory")
	d.search.OnChanged = d.onSearch
	d.list = widget.NewList(func() int { return len(d.shown) }, d.newRow, d.updateRow)
	d.list.OnSelected = d.onSelected
	d.form = newContactForm(data.Contact{})
	d.title = subheading("Add a contact")
	d.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), d.onSave)
	d.saveBtn.Importance = widget.HighImportance
	d.saved = note("")
	d.verified = newVerifiedLabel()
	d.delBtn = widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), d.onDelete)
	d.delBtn.Disable()
	d.filter("")
	return d
}

func (d *directoryScreen) content() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add a contact", theme.ContentAddIcon(), d.onAdd)
	local := widget.NewButtonWithIcon("Add your local NHS bodies…", theme.ContentAddIcon(), d.onAddLocal)
	left := container.NewBorder(container.NewVBox(heading("Directory"),
		quiet("The doctors, services and teams your letters go to."), d.search),
		container.NewVBox(add, local), nil, nil, d.list)
	right := container.NewBorder(container.NewVBox(d.title, d.verified), container.NewHBox(d.saveBtn, d.delBtn, d.saved), nil, nil,
		container.NewVScroll(d.form.content()))
	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	split.Offset = 0.38
	return split
}

func (d *directoryScreen) focusSearch() { d.s.win.Canvas().Focus(d.search) }
func (d *directoryScreen) save()        { d.onSave() }

func (d *directoryScreen) newRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	role := widget.NewLabel("")
	role.Importance = widget.LowImportance
	role.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(name, role)
}

func (d *directoryScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	c := d.s.cl.contacts[d.shown[i]]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(c.DisplayName())
	line := c.Role.Label()
	if !c.LastVerified.IsZero() {
		line += " · verified " + c.LastVerified.UK() + ", check before use"
	}
	box.Objects[1].(*widget.Label).SetText(line)
}

func (d *directoryScreen) onSearch(q string) {
	d.filter(q)
	d.list.UnselectAll()
	d.list.Refresh()
}

func (d *directoryScreen) filter(q string) {
	d.shown = searchContacts(d.s.cl.contacts, q, d.shown)
}

func (d *directoryScreen) onSelected(i widget.ListItemID) {
	c := d.s.cl.contacts[d.shown[i]]
	d.form.load(c)
	d.title.SetText("Edit " + c.DisplayName())
	d.saved.SetText("")
	d.showVerified(c)
}

func (d *directoryScreen) onAdd() {
	d.list.UnselectAll()
	d.form.load(data.Contact{})
	d.title.SetText("Add a contact")
	d.saved.SetText("")
	d.showVerified(data.Contact{})
	d.s.win.Canvas().Focus(d.form.name.entry)
}

func (d *directoryScreen) onSave() {
	c, ok := d.form.value()
	if !ok {
		return
	}
	d.keep(c)
}

// keep saves c, or shows what someone else changed meanwhile.
func (d *directoryScreen) keep(c data.Contact) {
	// What the form shows now, to tell afterwards whether it moved on to
	// another contact, or more was typed, while this saved (c may differ
	// from it: two people's changes merged after a conflict).
	d.keepFor(c, d.form.loads, d.form.typed())
}

func (d *directoryScreen) keepFor(c data.Contact, loads int, shown data.Contact) {
	st := d.s.st
	original := d.form.contact
	stillShown := func() bool { return d.form.loads == loads && reflect.DeepEqual(d.form.typed(), shown) }
	saveJob(d.s, d.form, d.onSave, func(ctx context.Context) (data.Contact, error) {
		err := st.SaveContact(ctx, &c)
		return c, err
	}, func(c data.Contact) {
		d.s.cl.putContact(c)
		d.filter(d.search.Text)
		d.list.Refresh()
		switch {
		case d.form.loads != loads:
			// The form has moved on to another contact.
		case !stillShown():
			d.form.contact = c // what was typed while it saved stays, to be saved next
		default:
			d.form.load(c)
			d.title.SetText("Edit " + c.DisplayName())
			d.saved.SetText("Saved.")
			d.showVerified(c)
		}
	}, func(err error) {
		load := func(ctx context.Context) (data.Contact, error) { return st.Contact(ctx, c.ID) }
		again := func(merged data.Contact) { d.keepFor(merged, loads, shown) }
		if !onSaveConflict(d.s, err, "contact", original, c, load, again, func(theirs data.Contact) {
			d.s.cl.putContact(theirs)
			d.list.Refresh()
			if stillShown() {
				d.form.load(theirs)
				d.showVerified(theirs)
			}
		}) {
			d.s.showError(showProblems(err, d.form.fields()...))
		}
	})
}

// recordsChanged shows the directory read again, leaving the form as it is.
func (d *directoryScreen) recordsChanged() {
	d.filter(d.search.Text)
	d.list.Refresh()
}
