package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// personForm edits a person's details, checking each field as it is typed.
type personForm struct {
	person  data.Person
	name    *field
	born    *field
	nation  *widget.Select
	address *field
	phone   *field
	email   *field
	nhs     *field
	consent *consentFields // nil for someone writing for themselves
}

func newPersonForm(p data.Person, self bool) *personForm {
	f := &personForm{person: p}
	nameLabel := "Their name"
	if self {
		nameLabel = "Your name"
	}
	f.name = newField("Name", "Full name", "As it appears on letters from the NHS.", checkRequired(nameLabel))
	f.born = newField("DateOfBirth", "Date of birth", "For example 14/03/1962. It helps the doctor find the right records.", checkBirth)
	f.address = newTextField("Address", "Address", "", 3)
	f.phone = newField("Phone", "Phone", "", data.CheckPhone)
	f.email = newField("Email", "Email", "", data.CheckEmail)
	f.nhs = newField("NHSNumber", "NHS number", "Optional. 10 digits, on any letter from the NHS.", data.CheckNHSNumber)
	labels := make([]string, len(data.Nations))
	for i, n := range data.Nations {
		labels[i] = n.Label()
	}
	f.nation = widget.NewSelect(labels, nil)
	if !self {
		f.consent = newConsentFields()
	}
	f.load(p)
	return f
}

func (f *personForm) load(p data.Person) {
	f.person = p
	f.name.set(p.Name)
	f.born.set(p.DateOfBirth.UK())
	f.address.set(p.Address)
	f.phone.set(p.Phone)
	f.email.set(p.Email)
	f.nhs.set(p.NHSNumber)
	n := p.Nation
	if n == "" {
		n = data.England
	}
	f.nation.SetSelected(n.Label())
	if f.consent != nil {
		f.consent.load(p)
	}
}

func (f *personForm) fields() []*field {
	fs := []*field{f.name, f.born, f.address, f.phone, f.email, f.nhs}
	if f.consent != nil {
		fs = append(fs, f.consent.fields()...)
	}
	return fs
}

func (f *personForm) content() fyne.CanvasObject {
	rows := []fyne.CanvasObject{
		f.name.label, f.name.cell(),
		f.born.label, f.born.cell(),
		widget.NewLabelWithStyle("Lives in", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), f.nation,
		f.address.label, f.address.cell(),
		f.phone.label, f.phone.cell(),
		f.email.label, f.email.cell(),
		f.nhs.label, f.nhs.cell(),
	}
	if f.consent != nil {
		rows = append(rows, f.consent.rows()...)
	}
	return formRows(rows...)
}

// value is the person as typed, and whether every field passed its check.
func (f *personForm) value() (data.Person, bool) {
	ok := true
	for _, fl := range f.fields() {
		if !fl.validate() {
			ok = false
		}
	}
	p := f.person
	p.Name = strings.TrimSpace(f.name.text())
	p.DateOfBirth, _ = data.ParseDate(f.born.text())
	p.Address = strings.TrimSpace(f.address.text())
	p.Phone = strings.TrimSpace(f.phone.text())
	p.Email = strings.TrimSpace(f.email.text())
	p.NHSNumber = strings.TrimSpace(f.nhs.text())
	for _, n := range data.Nations {
		if n.Label() == f.nation.Selected {
			p.Nation = n
		}
	}
	if f.consent != nil && !f.consent.apply(&p) {
		ok = false
	}
	return p, ok
}
