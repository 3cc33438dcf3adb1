package letters

import (
	"strings"
	"testing"

	"secondopinion/data"
)

// Scotland's funding route has a short name, not an abbreviation: the
// letters once wrote "out-of-area referral (out-of-area referral)".
func TestScotlandsFundingRequestIsNamedOnce(t *testing.T) {
	for _, kind := range []string{data.KindIFRRequest, data.KindIFRReconsideration} {
		in := fullInput(kind, data.Scotland, false)
		in.Request.Route = data.RouteOutOfArea
		text := compose(t, in)
		if strings.Contains(text, "(out-of-area referral)") {
			t.Errorf("%s: the funding request is named twice:\n%s", kind, text)
		}
		if !strings.Contains(text, "out-of-area referral") {
			t.Errorf("%s: the funding request is not named:\n%s", kind, text)
		}
	}
}

// The number on the health record goes by the nation's own name.
func TestTheRecordNumberGoesByTheNationsName(t *testing.T) {
	for _, c := range []struct {
		nation data.Nation
		want   string
	}{
		{data.England, "NHS number"},
		{data.Wales, "NHS number"},
		{data.Scotland, "CHI number"},
		{data.NorthernIreland, "Health and Care Number"},
	} {
		for _, behalf := range []bool{false, true} {
			text := compose(t, fullInput(data.KindReviewDiagnosis, c.nation, behalf))
			if !strings.Contains(text, c.want+" ") {
				t.Errorf("%s (behalf %v): no %q in\n%s", c.nation, behalf, c.want, text)
			}
			if c.want != "NHS number" && strings.Contains(text, "NHS number") {
				t.Errorf("%s (behalf %v): says NHS number", c.nation, behalf)
			}
		}
		text := compose(t, fullInput(data.KindClinicianReferral, c.nation, false))
		if !strings.Contains(text, upperFirst(c.want)+": ") {
			t.Errorf("%s referral: no %q in\n%s", c.nation, c.want, text)
		}
	}
}
