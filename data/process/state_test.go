package process

import (
	"strings"
	"testing"

	"secondopinion/data"
)

func TestStateOf(t *testing.T) {
	cases := []struct {
		name  string
		steps []data.Step
		want  State
		label string
	}{
		{"no steps", nil, State{Kind: StateDrafted}, "Drafted"},
		{"only a note", []data.Step{step(t, "2026-01-05", data.StepNote, "", "")}, State{Kind: StateDrafted}, "Drafted"},
		{"records request alone does not move the ladder",
			[]data.Step{sent(t, "2026-01-05", data.KindRecordsRequest)}, State{Kind: StateDrafted}, "Drafted"},
		{"first letter sent",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewDiagnosis)},
			State{Kind: StateSent, Rung: RungReview, Since: d(t, "2026-01-05")}, "Sent: awaiting reply"},
		{"a call without an answer keeps it waiting",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment), step(t, "2026-01-07", data.StepCall, "", "")},
			State{Kind: StateSent, Rung: RungSecondOpinion, Since: d(t, "2026-01-05")}, "Sent: awaiting reply"},
		{"agreed",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment), reply(t, "2026-01-09", data.OutcomeAgreed)},
			State{Kind: StateAgreed, Rung: RungSecondOpinion, Since: d(t, "2026-01-09")}, "Agreed"},
		{"refused",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), reply(t, "2026-01-09", data.OutcomeRefused)},
			State{Kind: StateRefused, Rung: RungReview, Since: d(t, "2026-01-09")}, "Refused"},
		{"refused by phone",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), step(t, "2026-01-09", data.StepCall, "", data.OutcomeRefused)},
			State{Kind: StateRefused, Rung: RungReview, Since: d(t, "2026-01-09")}, "Refused"},
		{"partly agreed",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), reply(t, "2026-01-09", data.OutcomePartly)},
			State{Kind: StatePartly, Rung: RungReview, Since: d(t, "2026-01-09")}, "Partly agreed"},
		{"no reply",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), reply(t, "2026-02-09", data.OutcomeNoReply)},
			State{Kind: StateNoReply, Rung: RungReview, Since: d(t, "2026-02-09")}, "No reply"},
		{"escalated to a complaint",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), reply(t, "2026-01-09", data.OutcomeRefused), sent(t, "2026-01-20", data.KindComplaint)},
			State{Kind: StateEscalated, Rung: RungComplaint, Since: d(t, "2026-01-20")}, "Escalated: complaint"},
		{"escalated to PALS",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), reply(t, "2026-01-09", data.OutcomeRefused), sent(t, "2026-01-12", data.KindPALS)},
			State{Kind: StateEscalated, Rung: RungPALS, Since: d(t, "2026-01-12")}, "Escalated: patient advice"},
		{"funding request",
			[]data.Step{sent(t, "2026-01-05", data.KindIFRRequest)},
			State{Kind: StateEscalated, Rung: RungFunding, Since: d(t, "2026-01-05")}, "Escalated: funding request"},
		{"complaint refused",
			[]data.Step{sent(t, "2026-01-20", data.KindComplaint), reply(t, "2026-03-01", data.OutcomeRefused)},
			State{Kind: StateRefused, Rung: RungComplaint, Since: d(t, "2026-03-01")}, "Refused (complaint)"},
		{"ombudsman",
			[]data.Step{sent(t, "2026-01-20", data.KindComplaint), reply(t, "2026-03-01", data.OutcomeRefused), sent(t, "2026-03-10", data.KindOmbudsman)},
			State{Kind: StateEscalated, Rung: RungOmbudsman, Since: d(t, "2026-03-10")}, "Escalated: ombudsman"},
		{"a records request after a refusal leaves it refused",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), reply(t, "2026-01-09", data.OutcomeRefused), sent(t, "2026-01-10", data.KindRecordsRequest)},
			State{Kind: StateRefused, Rung: RungReview, Since: d(t, "2026-01-09")}, "Refused"},
		{"closed with an outcome",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), step(t, "2026-02-01", data.StepClosed, "", data.OutcomeAgreed)},
			State{Kind: StateClosed, Rung: RungReview, Outcome: data.OutcomeAgreed, Since: d(t, "2026-02-01")}, "Closed: Agreed"},
		{"closed takes the last reply's outcome",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), reply(t, "2026-01-09", data.OutcomeRefused), step(t, "2026-02-01", data.StepClosed, "", "")},
			State{Kind: StateClosed, Rung: RungReview, Outcome: data.OutcomeRefused, Since: d(t, "2026-02-01")}, "Closed: Refused"},
		{"withdrawn",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), step(t, "2026-01-09", data.StepNote, "", data.OutcomeWithdrawn)},
			State{Kind: StateClosed, Rung: RungReview, Outcome: data.OutcomeWithdrawn, Since: d(t, "2026-01-09")}, "Closed: Withdrawn"},
		{"reopened by a new letter",
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), step(t, "2026-02-01", data.StepClosed, "", data.OutcomeAgreed), sent(t, "2026-05-01", data.KindSecondOpinionTreatment)},
			State{Kind: StateSent, Rung: RungSecondOpinion, Since: d(t, "2026-05-01")}, "Sent: awaiting reply"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := StateOf(c.steps)
			if got != c.want {
				t.Errorf("StateOf = %+v, want %+v", got, c.want)
			}
			if got.Label() != c.label {
				t.Errorf("Label = %q, want %q", got.Label(), c.label)
			}
		})
	}
}

// Every letter kind on the ladder has a rung, and every rung a label.
func TestEveryKindHasARung(t *testing.T) {
	for _, k := range data.LetterKinds {
		r := RungOf(k)
		if k == data.KindRecordsRequest {
			if r != RungNone {
				t.Errorf("records request should be off the ladder, got %q", r)
			}
			continue
		}
		if r == RungNone {
			t.Errorf("letter kind %q has no rung", k)
		}
		if l := r.Label(); l == "" || strings.Contains(l, "-") {
			t.Errorf("rung %q has no label", r)
		}
	}
}
