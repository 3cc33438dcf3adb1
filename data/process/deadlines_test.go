package process

import (
	"strings"
	"testing"

	"secondopinion/data"
)

type wantDue struct {
	date string
	rule string // Rule.ID
	has  string // a phrase the text must contain
}

func TestDeadlines(t *testing.T) {
	gp := Config{Recipient: data.Contact{Role: data.RoleGP}}
	cases := []struct {
		name    string
		earlier []data.Step
		step    data.Step
		nation  data.Nation
		cfg     Config
		want    []wantDue
	}{
		{"second opinion: reasons for a refusal in 7 days, chase at 14", nil,
			sent(t, "2026-03-02", data.KindSecondOpinionTreatment), data.England, Config{},
			[]wantDue{{"2026-03-09", "refusal-reasons", "written reasons"}, {"2026-03-16", "chase", "after 14 days"}}},
		{"asking again owes reasons too", nil,
			sent(t, "2026-03-02", data.KindAskAgain), data.England, Config{},
			[]wantDue{{"2026-03-09", "refusal-reasons", "7 days"}, {"2026-03-16", "chase", "chase"}}},
		{"review letter: chase at 14 days", nil,
			sent(t, "2026-03-02", data.KindReviewDiagnosis), data.England, Config{},
			[]wantDue{{"2026-03-16", "chase", "request for a review"}}},
		{"chase period set by the user", nil,
			sent(t, "2026-03-02", data.KindReviewDiagnosis), data.England, Config{ChaseDays: 21},
			[]wantDue{{"2026-03-23", "chase", "after 21 days"}}},
		{"PALS letter: chase", nil,
			sent(t, "2026-03-02", data.KindPALS), data.Wales, Config{},
			[]wantDue{{"2026-03-16", "chase", "letter to PALS"}}},
		{"England complaint: acknowledged in 3 working days, delay explained at 6 months", nil,
			sent(t, "2026-11-20", data.KindComplaint), data.England, Config{},
			[]wantDue{{"2026-11-25", "complaint-ack-england", "3 working days"}, {"2027-05-20", "complaint-delay-england", "explain the delay"}}},
		{"Wales: 2 working days over Christmas, answered in 30", nil,
			sent(t, "2026-12-23", data.KindComplaint), data.Wales, Config{},
			[]wantDue{{"2026-12-29", "complaint-ack-wales", "2 working days"}, {"2027-02-08", "complaint-response-wales", "30 working days"}}},
		{"Scotland stage 1: 5 working days, over St Andrew's Day", nil,
			sent(t, "2026-11-23", data.KindComplaint), data.Scotland, Config{},
			[]wantDue{{"2026-12-01", "complaint-stage1-scotland", "Stage 1"}}},
		{"Scotland stage 2: acknowledged in 3, answered in 20 working days",
			[]data.Step{sent(t, "2026-11-23", data.KindComplaint), reply(t, "2026-11-30", data.OutcomeRefused)},
			sent(t, "2026-12-01", data.KindComplaint), data.Scotland, Config{},
			[]wantDue{{"2026-12-04", "complaint-ack-scotland", "stage 2"}, {"2026-12-31", "complaint-response-scotland", "20 working days"}}},
		{"NI trust: 2 working days over the Twelfth, answered in 20", nil,
			sent(t, "2026-07-09", data.KindComplaint), data.NorthernIreland, Config{},
			[]wantDue{{"2026-07-14", "complaint-ack-ni", "2 working days"}, {"2026-08-07", "complaint-response-ni", "20 working days"}}},
		{"NI primary care: 3 working days", nil,
			sent(t, "2026-07-09", data.KindComplaint), data.NorthernIreland, gp,
			[]wantDue{{"2026-07-15", "complaint-ack-ni", "3 working days"}, {"2026-08-07", "complaint-response-ni", ""}}},
		{"England: complain within 12 months of a refusal",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment)},
			reply(t, "2026-01-31", data.OutcomeRefused), data.England, Config{},
			[]wantDue{{"2027-01-31", "complaint-limit-england", "12 months from 31/01/2026"}}},
		{"leap day refusal: the limit is 28 February",
			[]data.Step{sent(t, "2028-02-01", data.KindReviewTreatment)},
			reply(t, "2028-02-29", data.OutcomeNoReply), data.Wales, Config{},
			[]wantDue{{"2029-02-28", "complaint-limit-wales", "12 months"}}},
		{"Northern Ireland: 6 months, month end kept",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment)},
			reply(t, "2026-08-31", data.OutcomePartly), data.NorthernIreland, Config{},
			[]wantDue{{"2027-02-28", "complaint-limit-ni", "6 months"}}},
		{"Scotland: 6 months",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment)},
			reply(t, "2026-01-31", data.OutcomeRefused), data.Scotland, Config{},
			[]wantDue{{"2026-07-31", "complaint-limit-scotland", "6 months"}}},
		{"England: ombudsman within 12 months of the event",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment), reply(t, "2026-01-09", data.OutcomeRefused), sent(t, "2026-01-20", data.KindComplaint)},
			reply(t, "2026-04-01", data.OutcomeRefused), data.England, Config{},
			[]wantDue{{"2027-01-09", "ombudsman-limit-england", "PHSO"}}},
		{"Northern Ireland: ombudsman within 6 months of the end of the procedure",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment), reply(t, "2026-01-09", data.OutcomeRefused), sent(t, "2026-01-20", data.KindComplaint)},
			reply(t, "2026-04-01", data.OutcomeRefused), data.NorthernIreland, Config{},
			[]wantDue{{"2026-10-01", "ombudsman-limit-ni", "NIPSO"}}},
		{"subject access request: one calendar month, end of February", nil,
			sent(t, "2026-01-31", data.KindRecordsRequest), data.England, Config{},
			[]wantDue{{"2026-02-28", "subject-access", "one calendar month"}}},
		{"subject access request in a leap year", nil,
			sent(t, "2028-01-31", data.KindRecordsRequest), data.Scotland, Config{},
			[]wantDue{{"2028-02-29", "subject-access", "records"}}},
		{"funding refused: the ICB's limit",
			[]data.Step{sent(t, "2026-02-01", data.KindIFRRequest)},
			reply(t, "2026-02-25", data.OutcomeRefused), data.England, Config{Recipient: data.Contact{Role: data.RoleCommissioner, FundingReviewDays: 28}},
			[]wantDue{{"2026-03-25", "funding-review", "28 days"}}},
		{"funding refused, limit unknown: ask the ICB now",
			[]data.Step{sent(t, "2026-02-01", data.KindIFRRequest)},
			reply(t, "2026-02-25", data.OutcomeRefused), data.England, Config{},
			[]wantDue{{"2026-02-25", "funding-review", "Ask the ICB how long"}}},
		{"a reply that names the letter it answers", nil,
			step(t, "2026-02-25", data.StepReply, data.KindIFRRequest, data.OutcomeRefused), data.Wales, Config{},
			[]wantDue{{"2026-02-25", "funding-review", "health board"}}},
		{"records refused: nothing on the ladder", nil,
			step(t, "2026-02-25", data.StepReply, data.KindRecordsRequest, data.OutcomeRefused), data.England, Config{}, nil},
		{"agreed: nothing", []data.Step{sent(t, "2026-02-01", data.KindReviewTreatment)},
			reply(t, "2026-02-25", data.OutcomeAgreed), data.England, Config{}, nil},
		{"acknowledgement: nothing", []data.Step{sent(t, "2026-02-01", data.KindReviewTreatment)},
			step(t, "2026-02-03", data.StepCall, "", ""), data.England, Config{}, nil},
		{"note: nothing", nil, step(t, "2026-02-03", data.StepNote, "", ""), data.England, Config{}, nil},
		{"closed: nothing", nil, step(t, "2026-02-03", data.StepClosed, "", data.OutcomeRefused), data.England, Config{}, nil},
		{"a step with no date: nothing", nil, data.Step{Kind: data.StepLetterSent, LetterKind: data.KindComplaint}, data.England, Config{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Deadlines(c.earlier, c.step, c.nation, c.cfg)
			if len(got) != len(c.want) {
				t.Fatalf("got %d deadlines %+v, want %d", len(got), got, len(c.want))
			}
			for i, w := range c.want {
				g := got[i]
				if g.Due != d(t, w.date) || g.Rule.ID != w.rule || !strings.Contains(g.What, w.has) {
					t.Errorf("deadline %d = %s %q (%s), want %s %q (%s)", i, g.Due, g.What, g.Rule.ID, w.date, w.has, w.rule)
				}
				if g.Rule.Source == "" || g.Rule.LastVerified.IsZero() {
					t.Errorf("deadline %d has no source or date checked: %+v", i, g.Rule)
				}
			}
			due, what := DueAfter(c.earlier, c.step, c.nation, c.cfg)
			if len(c.want) == 0 {
				if !due.IsZero() || what != "" {
					t.Errorf("DueAfter = %s %q, want nothing", due, what)
				}
			} else if due != d(t, c.want[0].date) || what != got[0].What {
				t.Errorf("DueAfter = %s %q, want the earliest deadline", due, what)
			}
		})
	}
}

// DueFor knows only the step: a Scottish complaint counts as stage 1.
func TestDueFor(t *testing.T) {
	due, what := DueFor(sent(t, "2026-11-20", data.KindComplaint), data.England, Config{})
	if due != d(t, "2026-11-25") || !strings.Contains(what, "Acknowledgement") {
		t.Errorf("DueFor England complaint = %s %q", due, what)
	}
	due, _ = DueFor(sent(t, "2026-11-23", data.KindComplaint), data.Scotland, Config{})
	if due != d(t, "2026-12-01") {
		t.Errorf("DueFor Scottish complaint = %s, want stage 1 on 2026-12-01", due)
	}
}

func TestRecordsExtendedDue(t *testing.T) {
	due, what := RecordsExtendedDue(d(t, "2026-01-31"))
	if due != d(t, "2026-04-30") || !strings.Contains(what, "extended") {
		t.Errorf("RecordsExtendedDue = %s %q", due, what)
	}
}

func TestEveryRuleHasASource(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if r.ID == "" || r.Title == "" || r.Source == "" || r.LastVerified != d(t, "2026-11-21") {
			t.Errorf("rule %+v lacks an id, title, source or date checked", r)
		}
		if seen[r.ID] {
			t.Errorf("rule id %q used twice", r.ID)
		}
		seen[r.ID] = true
	}
	if len(seen) != 6+4*4 {
		t.Errorf("%d rules, want %d", len(seen), 6+4*4)
	}
}

func TestReceptionReceiptOwesADecisionNotAReply(t *testing.T) {
	on := data.MustDate(2026, 11, 20)
	step := data.Step{On: on, Kind: data.StepLetterSent, LetterKind: data.KindReceptionReceipt}
	ds := Deadlines(nil, step, data.England, Config{})
	if len(ds) != 1 || ds[0].Due != on.AddDays(7) || ds[0].Rule.ID != RuleRefusalReasons.ID {
		t.Fatalf("receipt deadlines = %+v; want one decision due %v", ds, on.AddDays(7))
	}
}

// The funding body's time limit is found even though the funding request
// itself went to the GP: the only ICB in the directory is the one.
func TestFundingReviewLimitFromTheOnlyICB(t *testing.T) {
	gp := data.Contact{ID: "gp", Role: data.RoleGP}
	icb := data.Contact{ID: "icb", Role: data.RoleCommissioner, FundingReviewDays: 28}
	refused := reply(t, "2026-03-02", data.OutcomeRefused)
	earlier := []data.Step{sent(t, "2026-02-01", data.KindIFRRequest)}
	cfg := ConfigFor([]data.Contact{gp, icb}, 0)
	cfg.Recipient = gp
	due, what := DueAfter(earlier, refused, data.England, cfg)
	if due != d(t, "2026-03-30") || !strings.Contains(what, "28 days") {
		t.Errorf("with one ICB: %v %q; want 30 March, 28 days", due, what)
	}
	cfg = ConfigFor([]data.Contact{gp, icb, {ID: "icb2", Role: data.RoleCommissioner, FundingReviewDays: 14}}, 0)
	cfg.Recipient = gp
	if _, what := DueAfter(earlier, refused, data.England, cfg); !strings.Contains(what, "how long you have") {
		t.Errorf("with two ICBs it should ask, not guess: %q", what)
	}
}
