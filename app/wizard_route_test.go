package app

import (
	"strings"
	"testing"

	"secondopinion/data"
)

// The funded route is explained by each nation's own rules: who may ask,
// the request's name and the test it must meet. Only England's IFR rests
// on exceptionality; Northern Ireland's referral is made by a hospital
// consultant, not a GP.
func TestOutOfAreaRouteFollowsTheNation(t *testing.T) {
	for _, n := range data.Nations {
		f := data.FactsFor(n)
		text := outOfAreaText(f)
		for _, want := range []string{f.FundingTest, f.FundingMadeBy, f.CommissionerShort} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: %q does not say %q", n, text, want)
			}
		}
		if n != data.England && strings.Contains(text, "exceptional") {
			t.Errorf("%s is told the case must be exceptional: %q", n, text)
		}
		if strings.Contains(text, "(out-of-area referral)") {
			t.Errorf("%s repeats the request's name: %q", n, text)
		}
	}
	for _, n := range data.Nations {
		if said := strings.Contains(outOfAreaText(data.FactsFor(n)), "right to choose"); said != (n == data.England) {
			t.Errorf("%s: the right to choose is mentioned = %v; it is England's alone", n, said)
		}
	}
	if text := outOfAreaText(data.FactsFor(data.NorthernIreland)); strings.Contains(text, "GP") {
		t.Errorf("Northern Ireland's extra-contractual referral is said to be open to a GP: %q", text)
	}
}

// Northern Ireland's service is Health and Social Care: its route page
// once said a second opinion was "on the NHS" and that "the NHS must agree
// to pay" for a specialist "in another area".
func TestRoutePageNamesTheNationsService(t *testing.T) {
	s := openOn(t, t.TempDir())
	for _, n := range data.Nations {
		p := newRoutePage(s)
		p.setNation(n)
		text := visibleText(p.content())
		f := data.FactsFor(n)
		if n == data.NorthernIreland && strings.Contains(text, "NHS") {
			t.Errorf("Northern Ireland's route page names the NHS:\n%s", text)
		}
		for _, want := range []string{"second opinion from " + f.Service, "A specialist " + f.OutsideArea} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: no %q in\n%s", n, want, text)
			}
		}
	}
}
