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

// Northern Ireland's extra-contractual referral is made by a hospital
// consultant, for care outside Northern Ireland: a letter to a GP asks
// them to pass it on, and never says any clinician can make it.
func TestNorthernIrelandsFundingLetterAsksTheConsultant(t *testing.T) {
	in := fullInput(data.KindIFRRequest, data.NorthernIreland, false)
	in.Request.Route = data.RouteOutOfArea
	text := compose(t, in) // to Dr Tom Okafor, a GP
	for _, want := range []string{"I am writing to ask for an extra-contractual referral (ECR) to be made", "only a hospital consultant can submit", "ask the hospital consultant responsible for my care", "outside Northern Ireland"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "only a clinician") || strings.Contains(text, "outside the local area") {
		t.Errorf("the letter says what is not so in Northern Ireland:\n%s", text)
	}
	in.Recipient = recipientFor(data.KindClinicianReferral) // a consultant
	if text := compose(t, in); strings.Contains(text, "As a GP cannot make it") {
		t.Errorf("a consultant is asked to pass the request on:\n%s", text)
	}
}

// Where no reconsideration or review of a funding refusal is known to be
// published (Scotland, Northern Ireland), the challenge asks how the
// decision can be challenged rather than naming a process; England's and
// Wales's name theirs.
func TestFundingChallengeNamesOnlyAKnownProcess(t *testing.T) {
	for _, n := range data.Nations {
		in := fullInput(data.KindIFRReconsideration, n, false)
		in.Request.Route = data.RouteOutOfArea
		text := compose(t, in)
		known := data.FactsFor(n).FundingChallenge
		if names := strings.Contains(text, "a reconsideration looks at new clinical information") ||
			strings.Contains(text, "a request for a review of how the decision was made"); names != known {
			t.Errorf("%s: names a reconsideration or review = %v, want %v:\n%s", n, names, known, text)
		}
		if !known && !strings.Contains(text, "please tell me how it can be challenged") {
			t.Errorf("%s: does not ask how the decision can be challenged:\n%s", n, text)
		}
		if strings.Contains(text, "referrals.") && n == data.Scotland || strings.Contains(text, "referrals,") && n == data.Scotland {
			t.Errorf("%s: a broken plural:\n%s", n, text)
		}
	}
}

// Northern Ireland's service is Health and Social Care, not the NHS: its
// letters once said "my NHS record" and "no legal right to a second
// opinion on the NHS".
func TestNorthernIrishLettersDoNotNameTheNHS(t *testing.T) {
	for _, kind := range data.LetterKinds {
		for _, behalf := range []bool{false, true} {
			in := fullInput(kind, data.NorthernIreland, behalf)
			in.Person.NHSName = "Zoe O'Brien"
			// The test's recipients are English bodies, with NHS in their names.
			in.Recipient.Organisation = "Belfast Health and Social Care Trust"
			if text := compose(t, in); strings.Contains(text, "NHS") {
				t.Errorf("%s (behalf %v) names the NHS:\n%s", kind, behalf, text)
			}
		}
	}
}
