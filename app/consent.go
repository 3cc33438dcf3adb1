package app

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// consentFields record that the person gave written consent for the
// advocate or surgery to act for them (when, and what it covers), and the
// user's own flags for them. They sit at the foot of the person form.
type consentFields struct {
	rel   *field // who they are to the writer
	on    *field
	scope *field
	flags *field
}

func newConsentFields() *consentFields {
	c := &consentFields{}
	c.rel = newField("Relationship", "They are your", "In your words, like my mother, my son or my client. The letters say it.", checkLength(data.LimitLine))
	c.on = newField("ConsentOn", "Written consent given on", "The date on their signed consent form. Leave empty if there is none yet.", checkConsentDate)
	c.scope = newField("ConsentScope", "Consent covers", "For example: letters and calls about their second opinion.", checkLength(data.LimitLine))
	c.flags = newField("Flags", "Your flags", "Your own labels, separated by commas: urgent, interpreter.", checkFlags)
	return c
}

func checkConsentDate(s string) string {
	if msg := checkDate(s); msg != "" {
		return msg
	}
	if d, _ := data.ParseDate(s); d.After(data.Today()) {
		return "The date of consent cannot be in the future."
	}
	return ""
}

func checkFlags(s string) string {
	fs := splitFlags(s)
	if len(fs) > 20 {
		return "A person can have at most 20 flags."
	}
	for _, f := range fs {
		if utf8.RuneCountInString(f) > 40 {
			return "Each flag should be a short word or two."
		}
	}
	return ""
}

// splitFlags reads "urgent, interpreter" as two flags, once each.
func splitFlags(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.Join(strings.Fields(f), " ")
		if f != "" && !containsFold(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func (c *consentFields) load(p data.Person) {
	c.rel.set(p.Relationship)
	c.on.set(p.ConsentOn.UK())
	c.scope.set(p.ConsentScope)
	c.flags.set(strings.Join(p.Flags, ", "))
}

func (c *consentFields) fields() []*field { return []*field{c.rel, c.on, c.scope, c.flags} }

func (c *consentFields) rows() []fyne.CanvasObject {
	return []fyne.CanvasObject{c.rel.label, c.rel.cell(), c.on.label, c.on.cell(), c.scope.label, c.scope.cell(), c.flags.label, c.flags.cell()}
}

// apply copies the fields into p, and reports whether they are complete:
// what the consent covers needs the date it was given.
func (c *consentFields) apply(p *data.Person) bool {
	p.Relationship = strings.TrimSpace(c.rel.text())
	p.ConsentOn, _ = data.ParseDate(c.on.text())
	p.ConsentScope = strings.TrimSpace(c.scope.text())
	p.Flags = splitFlags(c.flags.text())
	if p.ConsentScope != "" && p.ConsentOn.IsZero() {
		c.on.setProblem("Please give the date the written consent was given.")
		return false
	}
	return true
}

// consentLine says plainly whether written consent is on record.
func consentLine(p data.Person) *widget.Label {
	if !p.HasConsent() {
		l := widget.NewLabel("No written consent to act for them is recorded yet.")
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	text := "Written consent to act for them, given " + p.ConsentOn.Long()
	if p.ConsentScope != "" {
		text += ": " + p.ConsentScope
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.SuccessImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// personExtras are the lines under a person's name on their panel, for
// those who act for others: consent, flags and the time logged for them.
func (s *shell) personExtras(p data.Person) fyne.CanvasObject {
	box := container.NewVBox()
	if !s.modeNow().onBehalf() {
		return box
	}
	box.Add(consentLine(p))
	if len(p.Flags) > 0 {
		box.Add(quiet("Flags: " + strings.Join(p.Flags, " · ")))
	}
	if m := s.cl.personMinutes(p.ID); m > 0 {
		box.Add(quiet("Time logged on all their requests: " + minutesText(m)))
	}
	return box
}
