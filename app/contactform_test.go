package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
)

// The nations a body serves and a trust's own refusal policy are set in
// the contact form and kept; a GP practice cannot have the policy.
func TestContactFormSetsNationsAndTrustPolicy(t *testing.T) {
	test.NewTempApp(t)
	f := newContactForm(data.Contact{Role: data.RoleClinician, Organisation: "Royal Gwent Hospital"})
	f.nations.SetSelected([]string{data.Wales.Label()})
	test.Tap(f.policy)
	c, ok := f.value()
	if !ok || len(c.Nations) != 1 || c.Nations[0] != data.Wales || !c.RefusalPolicy {
		t.Fatalf("form gave %+v, ok %v", c, ok)
	}
	again := newContactForm(c)
	if !again.policy.Checked || len(again.nations.Selected) != 1 {
		t.Errorf("the form does not show what was stored: %v %v", again.policy.Checked, again.nations.Selected)
	}
	again.role.SetSelected(data.RoleGP.Label())
	if c, _ := again.value(); c.RefusalPolicy {
		t.Errorf("a GP practice was given a trust's refusal policy")
	}
}
