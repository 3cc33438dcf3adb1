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
	nhsName *field
	title   *widget.Select
	pronoun *widget.Select
	consent *consentFields // nil for someone writing for themselves
}

func newPersonForm(p data.Person, self bool) *personForm {
	f := &personForm{person: p}
	nameLabel := "Their name"
	if self {
		nameLabel = "Your name"
	}
	f.name = newField("Name", "Full name", "The name used in letters, in any script. If the NHS has it written differently, add that below.", checkRequired(nameLabel))
	f.born = newField("DateOfBirth", "Date of birth", "For example 14/03/1962. It helps the doctor find the right records.", checkBirth)
	f.address = newTextField("Address", "Address", "", 3)
	f.phone = newField("Phone", "Phone", "", data.CheckPhone)
	f.email = newField("Email", "Email", "", data.CheckEmail)
	f.nhs = newField("NHSNumber", "NHS number", "Optional. 10 digits, on any letter from the NHS. In Scotland, the CHI number; in Northern Ireland, the Health and Care Number.", data.CheckNHSNumber)
	f.nhsName = newField("NHSName", "Name on the NHS record", "Optional. Only if the NHS has the name written differently; letters to the NHS will use it.", checkLength(data.LimitName))
	f.title = widget.NewSelect(titleLabels(), nil)
	f.pronoun = widget.NewSelect(pronounLabels(), nil)
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
	f.nhsName.set(p.NHSName)
	f.title.SetSelected(p.Title.Label())
	f.pronoun.SetSelected(p.Pronouns.Label())
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
	fs := []*field{f.name, f.born, f.address, f.phone, f.email, f.nhs, f.nhsName}
	if f.consent != nil {
		fs = append(fs, f.consent.fields()...)
	}
	return fs
}

func (f *personForm) content() fyne.CanvasObject {
	rows := []fyne.CanvasObject{
		f.name.label, f.name.cell(),
		f.born.label, f.born.cell(),
		rowLabel("Lives in"), f.nation,
		f.address.label, f.address.cell(),
		f.phone.label, f.phone.cell(),
		f.email.label, f.email.cell(),
		f.nhs.label, f.nhs.cell(),
		f.nhsName.label, f.nhsName.cell(),
		rowLabel("Title"), f.title,
		rowLabel("In letters, say"), f.pronoun,
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
	p.NHSName = strings.TrimSpace(f.nhsName.text())
	for _, t := range data.Titles {
		if t.Label() == f.title.Selected {
			p.Title = t
		}
	}
	for _, pr := range data.PronounChoices {
		if pr.Label() == f.pronoun.Selected {
			p.Pronouns = pr
		}
	}
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

func rowLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

func titleLabels() []string {
	out := make([]string, len(data.Titles))
	for i, t := range data.Titles {
		out[i] = t.Label()
	}
	return out
}

// pronounLabels are the choices of how letters speak of the person after
// their name: "She, her", or their name again.
func pronounLabels() []string {
	out := make([]string, len(data.PronounChoices))
	for i, p := range data.PronounChoices {
		out[i] = p.Label()
	}
	return out
}
