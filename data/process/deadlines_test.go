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
	trust := Config{Recipient: data.Contact{Role: data.RoleClinician, Organisation: "Northtown NHS Trust", RefusalPolicy: true}}
	gpWithFlag := Config{Recipient: data.Contact{Role: data.RoleGP, RefusalPolicy: true}}
	posted := func(s data.Step) data.Step { s.SentHow = data.SentByPost; return s }
	receivedOn := func(s data.Step, day string) data.Step { s.ReceivedOn = d(t, day); return s }
	cases := []struct {
		name    string
		earlier []data.Step
		step    data.Step
		nation  data.Nation
		cfg     Config
		want    []wantDue
	}{
		{"second opinion: no national time for a decision, so a chase at 14 days", nil,
			sent(t, "2026-03-02", data.KindSecondOpinionTreatment), data.England, Config{},
			[]wantDue{{"2026-03-16", "chase", "after 14 days"}}},
		{"second opinion to a trust whose policy promises reasons in 7 days", nil,
			sent(t, "2026-03-02", data.KindSecondOpinionTreatment), data.England, trust,
			[]wantDue{{"2026-03-09", "trust-refusal-policy", "the trust's policy says"}, {"2026-03-16", "chase", "after 14 days"}}},
		{"asking the trust again owes reasons too", nil,
			sent(t, "2026-03-02", data.KindAskAgain), data.England, trust,
			[]wantDue{{"2026-03-09", "trust-refusal-policy", "7 days"}, {"2026-03-16", "chase", "chase"}}},
		{"a GP practice has no such policy, whatever the flag says", nil,
			sent(t, "2026-03-02", data.KindAskAgain), data.England, gpWithFlag,
			[]wantDue{{"2026-03-16", "chase", "chase"}}},
		{"review letter: chase at 14 days", nil,
			sent(t, "2026-03-02", data.KindReviewDiagnosis), data.England, Config{},
			[]wantDue{{"2026-03-16", "chase", "request for a review"}}},
		{"chase period set by the user", nil,
			sent(t, "2026-03-02", data.KindReviewDiagnosis), data.England, Config{ChaseDays: 21},
			[]wantDue{{"2026-03-23", "chase", "after 21 days"}}},
		{"PALS letter: chase", nil,
			sent(t, "2026-03-02", data.KindPALS), data.Wales, Config{},
			[]wantDue{{"2026-03-16", "chase", "letter to the patient advice service"}}},
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
		// NIPSO's model procedure since 1 January 2026: Thursday 9 July,
		// then Fri 10, (Mon 13 is the Twelfth's holiday) Tue 14 … Fri 17.
		{"NI stage 1: 5 working days over the Twelfth", nil,
			sent(t, "2026-07-09", data.KindComplaint), data.NorthernIreland, Config{},
			[]wantDue{{"2026-07-17", "complaint-stage1-ni", "Stage 1"}}},
		{"NI stage 1 for a GP practice too", nil,
			sent(t, "2026-07-09", data.KindComplaint), data.NorthernIreland, gp,
			[]wantDue{{"2026-07-17", "complaint-stage1-ni", "5 working days"}}},
		// Monday 20 July: acknowledged by Thu 23; 20 working days is Mon 17 August.
		{"NI stage 2: acknowledged in 3, answered in 20 working days",
			[]data.Step{sent(t, "2026-07-09", data.KindComplaint), reply(t, "2026-07-16", data.OutcomeRefused)},
			sent(t, "2026-07-20", data.KindComplaint), data.NorthernIreland, Config{},
			[]wantDue{{"2026-07-23", "complaint-ack-ni", "stage 2"}, {"2026-08-17", "complaint-response-ni", "20 working days"}}},
		{"NI stage 1 answered: ask for stage 2 within 30 days",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment), reply(t, "2026-01-09", data.OutcomeRefused), sent(t, "2026-01-20", data.KindComplaint)},
			reply(t, "2026-04-01", data.OutcomeRefused), data.NorthernIreland, Config{},
			[]wantDue{{"2026-05-01", "complaint-stage2-ni", "stage 2"}}},
		// Scotland: the later of 6 months from the refusal (9 July) and 2
		// months from the stage 1 answer (1 June).
		{"Scotland stage 1 answered: stage 2 by 6 months from the event",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment), reply(t, "2026-01-09", data.OutcomeRefused), sent(t, "2026-01-20", data.KindComplaint)},
			reply(t, "2026-04-01", data.OutcomeRefused), data.Scotland, Config{},
			[]wantDue{{"2026-07-09", "complaint-stage2-scotland", "stage 2"}}},
		// …and here 2 months from the answer (5 Feb) is later than 10 December.
		{"Scotland stage 1 answered late: stage 2 by 2 months from the answer",
			[]data.Step{sent(t, "2025-06-02", data.KindSecondOpinionTreatment), reply(t, "2025-06-10", data.OutcomeRefused), sent(t, "2025-12-01", data.KindComplaint)},
			reply(t, "2025-12-05", data.OutcomeRefused), data.Scotland, Config{},
			[]wantDue{{"2026-02-05", "complaint-stage2-scotland", "stage 2"}}},
		{"Scotland stage 2 answered: the SPSO within 12 months of the event",
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment), reply(t, "2026-01-09", data.OutcomeRefused), sent(t, "2026-01-20", data.KindComplaint),
				reply(t, "2026-02-01", data.OutcomeRefused), sent(t, "2026-02-10", data.KindComplaint)},
			reply(t, "2026-04-01", data.OutcomeRefused), data.Scotland, Config{},
			[]wantDue{{"2027-01-09", "ombudsman-limit-scotland", "SPSO"}}},
		// Posted on Friday 4 December: taken as delivered Tuesday 8th, so
		// acknowledged by Friday 11th; 6 months from delivery.
		{"a posted complaint counts from delivery, 2 working days later", nil,
			posted(sent(t, "2026-12-04", data.KindComplaint)), data.England, Config{},
			[]wantDue{{"2026-12-11", "complaint-ack-england", "taken as 2 working days after posting"}, {"2027-06-08", "complaint-delay-england", "delivery"}}},
		{"a logged date of receipt replaces the assumption", nil,
			receivedOn(posted(sent(t, "2026-12-04", data.KindComplaint)), "2026-12-09"), data.England, Config{},
			[]wantDue{{"2026-12-14", "complaint-ack-england", "3 working days)"}, {"2027-06-09", "complaint-delay-england", "explain the delay"}}},
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
			[]data.Step{sent(t, "2026-01-05", data.KindSecondOpinionTreatment), reply(t, "2026-01-09", data.OutcomeRefused), sent(t, "2026-01-20", data.KindComplaint),
				reply(t, "2026-02-01", data.OutcomeRefused), sent(t, "2026-02-10", data.KindComplaint)},
			reply(t, "2026-04-01", data.OutcomeRefused), data.NorthernIreland, Config{},
			[]wantDue{{"2026-10-01", "ombudsman-limit-ni", "NIPSO"}}},
		// 28 February 2026 is a Saturday: the next working day, as the ICO says.
		{"subject access request: one calendar month, end of February, moved off the weekend", nil,
			sent(t, "2026-01-31", data.KindRecordsRequest), data.England, Config{},
			[]wantDue{{"2026-03-02", "subject-access", "one calendar month"}}},
		// 25 December is a Friday; Boxing Day falls on Saturday, so Monday 28th is its holiday.
		{"subject access request: Christmas and Boxing Day moved to Tuesday 29th", nil,
			sent(t, "2026-11-25", data.KindRecordsRequest), data.England, Config{},
			[]wantDue{{"2026-12-29", "subject-access", "records"}}},
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
			[]wantDue{{"2026-02-25", "funding-review", "Ask the ICB whether the decision can be reconsidered"}}},
		{"a reply that names the letter it answers", nil,
			step(t, "2026-02-25", data.StepReply, data.KindIFRRequest, data.OutcomeRefused), data.Wales, Config{},
			[]wantDue{{"2026-02-25", "funding-review", "health board"}}},
		{"records refused: the ICO within 3 months", nil,
			step(t, "2026-02-25", data.StepReply, data.KindRecordsRequest, data.OutcomeRefused), data.England, Config{},
			[]wantDue{{"2026-05-25", "ico-complaint", "ICO"}}},
		{"funding review refused: judicial review promptly and within 3 months",
			[]data.Step{sent(t, "2026-02-01", data.KindIFRRequest), reply(t, "2026-02-25", data.OutcomeRefused), sent(t, "2026-03-10", data.KindIFRReconsideration)},
			reply(t, "2026-04-20", data.OutcomeRefused), data.England, Config{},
			[]wantDue{{"2026-07-20", "judicial-review-england", "promptly, and in any event within 3 months"}}},
		{"Scotland: judicial review within 3 months",
			[]data.Step{sent(t, "2026-02-01", data.KindIFRRequest), reply(t, "2026-02-25", data.OutcomeRefused), sent(t, "2026-03-10", data.KindIFRReconsideration)},
			reply(t, "2026-04-20", data.OutcomeRefused), data.Scotland, Config{},
			[]wantDue{{"2026-07-20", "judicial-review-scotland", "(within 3 months"}}},
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
		if r.ID == "" || r.Title == "" || r.Source == "" || (r.LastVerified != d(t, "2026-11-21") && r.LastVerified != d(t, "2026-12-02") && r.LastVerified != d(t, "2026-12-04")) {
			t.Errorf("rule %+v lacks an id, title, source or date checked", r)
		}
		if seen[r.ID] {
			t.Errorf("rule id %q used twice", r.ID)
		}
		seen[r.ID] = true
	}
	// 7 for every nation, 5 more for each nation, and the stage 1 and
	// stage 2 rules of the two nations whose procedure has two stages.
	if want := 7 + 4*5 + 2*2; len(seen) != want {
		t.Errorf("%d rules, want %d", len(seen), want)
	}
}

// The practice owes the patient an answer in the time it set (the chase
// period), not a trust's 7 days: no national rule sets one.
func TestReceptionReceiptOwesAnAnswerNotAReply(t *testing.T) {
	on := data.MustDate(2026, 11, 20)
	step := data.Step{On: on, Kind: data.StepLetterSent, LetterKind: data.KindReceptionReceipt}
	ds := Deadlines(nil, step, data.England, Config{})
	if len(ds) != 1 || ds[0].Due != on.AddDays(14) || ds[0].Rule.ID != RuleChase.ID || ds[0].kind != dueAnswer {
		t.Fatalf("receipt deadlines = %+v; want one answer due %v", ds, on.AddDays(14))
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
	if _, what := DueAfter(earlier, refused, data.England, cfg); !strings.Contains(what, "whether the decision can be reconsidered") {
		t.Errorf("with two ICBs it should ask, not guess: %q", what)
	}
}

// Stage2Limit is the agenda's own count, for the letters to share. Worked
// by hand: Scotland, refused 2 January and answered 8 June, is the later
// of 8 August and 2 July; refused 1 May and answered 12 May, the later of
// 12 July and 1 November; Northern Ireland, 8 June + 30 days = 8 July.
func TestStage2LimitIsTheAgendas(t *testing.T) {
	steps := func(refused, complained, answered string) []data.Step {
		return []data.Step{sent(t, "2025-12-20", data.KindSecondOpinionTreatment), reply(t, refused, data.OutcomeRefused),
			sent(t, complained, data.KindComplaint), reply(t, answered, data.OutcomeRefused)}
	}
	for _, c := range []struct {
		name   string
		nation data.Nation
		steps  []data.Step
		want   string // "" for none
	}{
		{"two months from the answer", data.Scotland, steps("2026-01-02", "2026-06-01", "2026-06-08"), "2026-08-08"},
		{"six months from the event", data.Scotland, steps("2026-05-01", "2026-05-05", "2026-05-12"), "2026-11-01"},
		{"30 days", data.NorthernIreland, steps("2026-05-20", "2026-06-01", "2026-06-08"), "2026-07-08"},
		{"one stage only", data.England, steps("2026-05-20", "2026-06-01", "2026-06-08"), ""},
		{"one stage only", data.Wales, steps("2026-05-20", "2026-06-01", "2026-06-08"), ""},
		{"no answer logged", data.Scotland, steps("2026-05-20", "2026-06-01", "2026-06-08")[:3], ""},
		{"stage 2 asked before an answer", data.Scotland, append(steps("2026-05-20", "2026-06-01", "2026-06-08")[:3],
			sent(t, "2026-06-20", data.KindComplaint), reply(t, "2026-07-01", data.OutcomeRefused)), ""},
		// A later answer starts its own clock, as on the agenda: 25 June
		// + 30 days = 25 July, not 8 July from the first answer.
		{"a later answer", data.NorthernIreland, append(steps("2026-05-20", "2026-06-01", "2026-06-08"),
			step(t, "2026-06-25", data.StepCall, "", data.OutcomeRefused)), "2026-07-25"},
		// A funding refusal between the complaint and its answer answers the
		// funding request, not the complaint: 10 August + 2 months.
		{"another letter's refusal", data.Scotland, []data.Step{
			sent(t, "2026-01-10", data.KindIFRRequest), sent(t, "2026-01-20", data.KindComplaint),
			answerTo(reply(t, "2026-02-03", data.OutcomeRefused), data.KindIFRRequest),
			answerTo(reply(t, "2026-08-10", data.OutcomeRefused), data.KindComplaint)}, "2026-10-10"},
		// No refusal before a complaint about delay: the event is the first
		// step (5 January + 6 months = 5 July), never the answer (9 March,
		// which gave 9 September); 5 July is later than 9 May, 2 months
		// from the answer.
		{"no refusal before the complaint", data.Scotland, []data.Step{
			sent(t, "2026-01-05", data.KindSecondOpinionTreatment), sent(t, "2026-03-01", data.KindComplaint),
			reply(t, "2026-03-09", data.OutcomePartly)}, "2026-07-05"},
		{"closed since", data.Scotland, append(steps("2026-01-02", "2026-06-01", "2026-06-08"),
			step(t, "2026-06-20", data.StepClosed, "", data.OutcomeRefused)), ""},
		{"a date the user was given", data.Scotland, append(steps("2026-01-02", "2026-06-01", "2026-06-08")[:3],
			dueOn(reply(t, "2026-06-08", data.OutcomeRefused), d(t, "2026-09-30"))), "2026-09-30"},
	} {
		got, ok := Stage2Limit(c.steps, c.nation)
		if (c.want == "") != !ok || (ok && got != d(t, c.want)) {
			t.Errorf("%s, %s: got %s (%v), want %q", c.nation, c.name, got.String(), ok, c.want)
		}
		if ok {
			r := data.Request{ID: "r", PersonID: "p"}
			p := data.Person{ID: "p", Nation: c.nation}
			var shown []string
			for _, it := range Agenda([]data.Person{p}, []data.Request{r}, withRequest(c.steps, "r"), got, Config{}) {
				if strings.Contains(it.What, "stage 2") {
					shown = append(shown, it.Date.String())
				}
			}
			if len(shown) != 1 || shown[0] != got.String() {
				t.Errorf("%s, %s: the agenda shows %v, Stage2Limit %s", c.nation, c.name, shown, got.String())
			}
		}
	}
}

func answerTo(s data.Step, kind string) data.Step { s.LetterKind = kind; return s }

func dueOn(s data.Step, due data.Date) data.Step { s.DueOn = due; return s }

func withRequest(steps []data.Step, id string) []data.Step {
	out := make([]data.Step, len(steps))
	for i, s := range steps {
		s.RequestID = id
		out[i] = s
	}
	return out
}
