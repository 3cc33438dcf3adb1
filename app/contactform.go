package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// contactForm edits someone letters can go to.
type contactForm struct {
	contact data.Contact
	role    *widget.Select
	name    *field
	org     *field
	address *field
	email   *field
	phone   *field
	review  *field
	// nations are the nations the body serves, so that no letter about a
	// person in another nation goes to it; policy records a provider's own
	// promise of written reasons within 7 days and an appeal to its
	// medical director (one trust's policy, never a national rule).
	nations    *widget.CheckGroup
	policy     *widget.Check
	policyNote *widget.Label
	// loads counts the contacts loaded, so that a save that ends after the
	// form moved on to another does not put its own back.
	loads int
}

func newContactForm(c data.Contact) *contactForm {
	f := &contactForm{}
	labels := make([]string, len(data.ContactRoles))
	for i, r := range data.ContactRoles {
		labels[i] = r.Label()
	}
	f.role = widget.NewSelect(labels, f.onRole)
	f.name = newField("Name", "Name", "A person's name, like Dr A Rahman. Leave blank to write to a team.", nil)
	f.org = newField("Organisation", "Organisation", "The practice, hospital, trust or service.", nil)
	f.name.check = f.checkNameOrOrg
	f.org.check = f.checkNameOrOrg
	f.org.onChanged = func(string) { f.name.validate() }
	f.name.onChanged = func(string) { f.org.validate() }
	f.address = newTextField("Address", "Address", "", 4)
	f.email = newField("Email", "Email", "", data.CheckEmail)
	f.phone = newField("Phone", "Phone", "", data.CheckPhone)
	f.review = newField("FundingReviewDays", "Days to ask for a review",
		"For an ICB or health board: how long it allows to challenge a funding refusal, if you know.", checkDaysOptional)
	nationLabels := make([]string, len(data.Nations))
	for i, n := range data.Nations {
		nationLabels[i] = n.Label()
	}
	f.nations = widget.NewCheckGroup(nationLabels, nil)
	f.nations.Horizontal = false // four across would not fit a laptop at the largest text
	f.policy = widget.NewCheck("Has its own second-opinion policy", nil)
	f.policyNote = quiet("Tick only if the trust's own policy says a refused second opinion is explained in writing within 7 days, " +
		"with an appeal to its medical director. It is not a national rule.")
	f.load(c)
	f.onRole(f.role.Selected)
	return f
}

// onRole shows the funding time limit only for the bodies that have one.
func (f *contactForm) onRole(label string) {
	if f.review != nil {
		f.review.show(label == data.RoleCommissioner.Label())
	}
	if f.policy != nil {
		// A GP practice has no medical director, so never this policy.
		if label == data.RoleGP.Label() {
			f.policy.SetChecked(false)
			f.policy.Hide()
			f.policyNote.Hide()
		} else {
			f.policy.Show()
			f.policyNote.Show()
		}
	}
}

func (f *contactForm) checkNameOrOrg(string) string {
	if strings.TrimSpace(f.name.text()) == "" && strings.TrimSpace(f.org.text()) == "" {
		return "Please give a name, an organisation, or both."
	}
	return ""
}

func checkDaysOptional(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return checkChaseDays(s)
}

func (f *contactForm) load(c data.Contact) {
	f.loads++
	f.contact = c
	role := c.Role
	if role == "" {
		role = data.RoleClinician
	}
	f.role.SetSelected(role.Label())
	f.name.set(c.Name)
	f.org.set(c.Organisation)
	f.address.set(c.Address)
	f.email.set(c.Email)
	f.phone.set(c.Phone)
	var served []string
	for _, n := range c.Nations {
		served = append(served, n.Label())
	}
	f.nations.SetSelected(served)
	f.policy.SetChecked(c.RefusalPolicy)
	if c.FundingReviewDays > 0 {
		f.review.set(strconv.Itoa(c.FundingReviewDays))
	} else {
		f.review.set("")
	}
}

// preferNation ticks the person's nation on a new contact whose nations
// are not chosen yet: a body added for a letter is most likely local.
func (f *contactForm) preferNation(n data.Nation) {
	if n != "" && len(f.nations.Selected) == 0 {
		f.nations.SetSelected([]string{n.Label()})
	}
}

func (f *contactForm) fields() []*field {
	return []*field{f.name, f.org, f.address, f.email, f.phone, f.review}
}

func (f *contactForm) content() fyne.CanvasObject {
	return formRows(
		widget.NewLabelWithStyle("What kind", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), f.role,
		f.name.label, f.name.cell(),
		f.org.label, f.org.cell(),
		f.address.label, f.address.cell(),
		f.email.label, f.email.cell(),
		f.phone.label, f.phone.cell(),
		f.review.label, f.review.cell(),
		widget.NewLabelWithStyle("Serves", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), f.nations,
		widget.NewLabel(""), container.NewVBox(f.policy, f.policyNote),
	)
}

// value is the contact as typed, and whether every field passed its check.
func (f *contactForm) value() (data.Contact, bool) {
	ok := true
	for _, fl := range f.fields() {
		if !fl.validate() {
			ok = false
		}
	}
	return f.typed(), ok
}

// typed is the contact as typed, unchecked (nothing is shown).
func (f *contactForm) typed() data.Contact {
	c := f.contact
	for _, r := range data.ContactRoles {
		if r.Label() == f.role.Selected {
			c.Role = r
		}
	}
	c.Name = strings.TrimSpace(f.name.text())
	c.Organisation = strings.TrimSpace(f.org.text())
	c.Address = strings.TrimSpace(f.address.text())
	c.Email = strings.TrimSpace(f.email.text())
	c.Phone = strings.TrimSpace(f.phone.text())
	c.FundingReviewDays, _ = strconv.Atoi(strings.TrimSpace(f.review.text()))
	c.Nations = nil
	for _, n := range data.Nations {
		for _, sel := range f.nations.Selected {
			if sel == n.Label() {
				c.Nations = append(c.Nations, n)
			}
		}
	}
	c.RefusalPolicy = f.policy.Checked && c.Role != data.RoleGP
	return c
}
