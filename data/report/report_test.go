package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"secondopinion/data"
	"secondopinion/data/process"
)

func counts(cs []Count) map[string]int {
	m := map[string]int{}
	for _, c := range cs {
		m[c.Key] = c.N
	}
	return m
}

func TestFiguresFor2026(t *testing.T) {
	f := newFixture(t)
	r := f.build(day(t, "2026-01-01"), day(t, "2026-12-31"))
	ints := []struct {
		name      string
		got, want int
	}{
		{"opened", r.Opened, 9},
		{"decisions", r.Decisions, 4},
		{"refused in time", r.RefusedInTime, 2}, // rB after 5 days, rI on the phone
		{"refused late", r.RefusedLate, 1},      // rC after 19 days
		{"overdue requests", r.OverdueRequests, 3},
		{"overdue items", r.OverdueItems, 3},
		{"minutes", r.Minutes, 350},
	}
	for _, c := range ints {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if r.MedianDays != 8.5 { // 5, 7, 10, 19
		t.Errorf("median = %v, want 8.5", r.MedianDays)
	}

	breakdowns := []struct {
		name string
		got  []Count
		want map[string]int
	}{
		{"route", r.ByRoute, map[string]int{"review": 2, "local": 6, "out-of-area": 1}},
		{"subject", r.BySubject, map[string]int{"diagnosis": 2, "treatment": 5, "medication": 2}},
		{"reason", r.ByReason, map[string]int{string(data.ReasonDisagreeDiagnosis): 1, string(data.ReasonNotWorking): 3,
			string(data.ReasonSideEffects): 2, string(data.ReasonWantsSpecialist): 1, string(data.ReasonLostConfidence): 1,
			string(data.ReasonOther): 1}},
		{"asked by", r.ByAskedBy, map[string]int{"self": 6, "carer": 1, "advocate": 1, "surgery": 1, "clinician": 0}},
		{"asked how", r.ByAskedHow, map[string]int{"verbal": 2, "written": 7}},
		{"nation", r.ByNation, map[string]int{"england": 3, "wales": 3, "scotland": 1, "northern-ireland": 2}},
		{"outcome", r.Outcomes, map[string]int{"agreed": 2, "partly": 1, "refused": 2, "no-reply": 1, "withdrawn": 1,
			"awaiting": 1, "not-sent": 1}},
	}
	for _, b := range breakdowns {
		got := counts(b.got)
		if len(got) != len(b.want) {
			t.Errorf("%s: %d lines %v, want %v", b.name, len(got), got, b.want)
		}
		for k, n := range b.want {
			if got[k] != n {
				t.Errorf("%s %q = %d, want %d", b.name, k, got[k], n)
			}
		}
	}

	var perMonth []int
	for _, m := range r.Months {
		perMonth = append(perMonth, m.N)
	}
	if want := []int{2, 1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0}; !slices.Equal(perMonth, want) {
		t.Errorf("per month = %v, want %v", perMonth, want)
	}
	if r.Months[0].Label() != "Jan 2026" {
		t.Errorf("first month label %q", r.Months[0].Label())
	}
}

func TestRows(t *testing.T) {
	f := newFixture(t)
	r := f.build(data.Date{}, data.Date{})
	byID := map[string]Row{}
	var order []string
	for _, row := range r.Rows {
		byID[row.RequestID] = row
		order = append(order, row.RequestID)
	}
	if want := []string{"rG", "rA", "rB", "rC", "rD", "rE", "rF", "rJ", "rI", "rK"}; !slices.Equal(order, want) {
		t.Errorf("rows in order %v, want %v", order, want)
	}
	tests := []struct {
		id      string
		opened  string
		outcome Outcome
		days    int // -1: no decision to time
		refused string
		overdue bool
	}{
		{"rA", "2026-01-05", OutcomeAgreed, 10, "", false},
		{"rB", "2026-01-20", OutcomeAgreed, 5, "in time", false},
		{"rC", "2026-02-01", OutcomeRefused, 19, "late", true},
		{"rD", "2026-03-03", OutcomeAwaiting, -1, "", true},
		{"rE", "2026-03-15", OutcomeNotSent, -1, "", false},
		{"rF", "2026-04-01", OutcomePartly, 7, "", false},
		{"rG", "2025-12-31", OutcomeRefused, 2, "in time", false}, // its complaint limit passed long ago
		{"rI", "2026-06-01", OutcomeRefused, -1, "in time", false},
		{"rJ", "2026-05-04", OutcomeNoReply, -1, "", false},
		{"rK", "2026-07-01", OutcomeWithdrawn, -1, "", true},
	}
	for _, tc := range tests {
		row := byID[tc.id]
		if row.Opened.String() != tc.opened || row.Outcome != tc.outcome || row.Overdue != tc.overdue {
			t.Errorf("%s: opened %s outcome %s overdue %v; want %s %s %v", tc.id, row.Opened, row.Outcome, row.Overdue,
				tc.opened, tc.outcome, tc.overdue)
		}
		days := -1
		if row.Decided {
			days = row.DaysToDecision
		}
		if days != tc.days {
			t.Errorf("%s: days to decision %d, want %d", tc.id, days, tc.days)
		}
		refused := ""
		if row.Refused && row.RefusedInTime {
			refused = "in time"
		} else if row.Refused {
			refused = "late"
		}
		if refused != tc.refused {
			t.Errorf("%s: refusal %q, want %q", tc.id, refused, tc.refused)
		}
	}
	if r.MedianDays != 7 { // 2, 5, 7, 10, 19
		t.Errorf("median over all = %v, want 7", r.MedianDays)
	}
	if byID["rA"].PersonName != "Ann Lee" || byID["rD"].Nation != data.NorthernIreland {
		t.Errorf("person details not on the rows: %+v", byID["rA"])
	}
}

func TestDateRangeEdges(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		from, to string
		want     []string
	}{
		{"2026-01-05", "2026-01-20", []string{"rA", "rB"}}, // both ends inclusive
		{"2026-01-06", "2026-01-19", nil},
		{"2026-01-06", "2026-01-20", []string{"rB"}},
		{"2026-03-15", "2026-03-15", []string{"rE"}}, // a draft, by the day it was saved
		{"2026-03-14", "2026-03-14", nil},
		{"", "2026-01-04", []string{"rG"}}, // open start
		{"2026-07-01", "", []string{"rK"}}, // open end; its records letter opened it
		{"2026-07-02", "", nil},            //
		{"2026-12-31", "2026-01-01", nil},  // back to front: nothing
		{"", "", []string{"rG", "rA", "rB", "rC", "rD", "rE", "rF", "rJ", "rI", "rK"}},
	}
	for _, tc := range tests {
		var from, to data.Date
		if tc.from != "" {
			from = day(t, tc.from)
		}
		if tc.to != "" {
			to = day(t, tc.to)
		}
		r := f.build(from, to)
		var got []string
		for _, row := range r.Rows {
			got = append(got, row.RequestID)
		}
		if !slices.Equal(got, tc.want) || r.Opened != len(tc.want) {
			t.Errorf("%q to %q: %v (opened %d), want %v", tc.from, tc.to, got, r.Opened, tc.want)
		}
	}
}

func TestMonthsSpan(t *testing.T) {
	f := newFixture(t)
	// Open at the end: runs on to today's month, empty months included.
	r := f.build(day(t, "2026-10-01"), data.Date{})
	if len(r.Months) != 2 || r.Months[0].Label() != "Oct 2026" || r.Months[1].Label() != "Nov 2026" {
		t.Errorf("months %v", r.Months)
	}
	// Open at the start: from the earliest opening.
	r = f.build(data.Date{}, day(t, "2026-01-31"))
	if len(r.Months) != 2 || r.Months[0].Label() != "Dec 2025" || r.Months[0].N != 1 || r.Months[1].N != 2 {
		t.Errorf("months %v", r.Months)
	}
	// Nothing at all.
	if r := Build(nil, nil, nil, data.Date{}, data.Date{}, data.Date{}); r.Months != nil || r.Opened != 0 {
		t.Errorf("empty report %+v", r)
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []int
		want float64
	}{
		{nil, 0},
		{[]int{4}, 4},
		{[]int{9, 1}, 5},
		{[]int{3, 1, 2}, 2},
		{[]int{10, 1, 4, 3}, 3.5},
		{[]int{0, 0, 0, 30}, 0},
		{[]int{7, 7, 8, 8, 100}, 8},
	}
	for _, tc := range tests {
		in := slices.Clone(tc.in)
		if got := Median(tc.in); got != tc.want {
			t.Errorf("Median(%v) = %v, want %v", tc.in, got, tc.want)
		}
		if !slices.Equal(in, tc.in) {
			t.Errorf("Median changed its input: %v", tc.in)
		}
	}
}

// A refusal is in time when it comes within the reply period the letters ask
// for: 14 calendar days by default, counted from the first letter.
func TestRefusalSevenDayRule(t *testing.T) {
	tests := []struct {
		name    string
		steps   func(t testing.TB) []data.Step
		refused bool
		inTime  bool
	}{
		{"day 14 is in time", func(t testing.TB) []data.Step { // 2 March + 14 = 16 March
			return []data.Step{sent(t, "2026-03-02", data.KindSecondOpinionTreatment), answer(t, "2026-03-16", data.StepReply, data.OutcomeRefused)}
		}, true, true},
		{"day 15 is late", func(t testing.TB) []data.Step {
			return []data.Step{sent(t, "2026-03-02", data.KindSecondOpinionTreatment), answer(t, "2026-03-17", data.StepReply, data.OutcomeRefused)}
		}, true, false},
		{"counted from the first letter, not the chaser", func(t testing.TB) []data.Step {
			return []data.Step{sent(t, "2026-03-02", data.KindSecondOpinionTreatment), sent(t, "2026-03-20", data.KindAskAgain),
				answer(t, "2026-03-22", data.StepReply, data.OutcomeRefused)}
		}, true, false},
		{"across a month end", func(t testing.TB) []data.Step {
			return []data.Step{sent(t, "2026-02-25", data.KindReviewTreatment), answer(t, "2026-03-04", data.StepMeeting, data.OutcomeRefused)}
		}, true, true},
		{"refused at the desk", func(t testing.TB) []data.Step {
			return []data.Step{answer(t, "2026-03-02", data.StepCall, data.OutcomeRefused)}
		}, true, true},
		{"agreed first: a later refusal is not the answer to the request", func(t testing.TB) []data.Step {
			return []data.Step{sent(t, "2026-03-02", data.KindSecondOpinionTreatment), answer(t, "2026-03-04", data.StepReply, data.OutcomeAgreed),
				answer(t, "2026-04-04", data.StepReply, data.OutcomeRefused)}
		}, false, false},
		{"no reply is not a refusal", func(t testing.TB) []data.Step {
			return []data.Step{sent(t, "2026-03-02", data.KindSecondOpinionTreatment), answer(t, "2026-03-30", data.StepReply, data.OutcomeNoReply)}
		}, false, false},
		{"a records request's answer is not a decision", func(t testing.TB) []data.Step {
			rec := answer(t, "2026-03-03", data.StepReply, data.OutcomeRefused)
			rec.LetterKind = data.KindRecordsRequest
			return []data.Step{sent(t, "2026-03-02", data.KindSecondOpinionTreatment), rec}
		}, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := &fixture{}
			f.person("p", "Pat Test", data.England)
			f.request("r", "p", data.RouteLocal, data.SubjectTreatment, data.ReasonOther, data.AskedBySelf, data.AskedInWriting,
				"2026-03-01", tc.steps(t)...)
			r := f.build(data.Date{}, data.Date{})
			row := r.Rows[0]
			if row.Refused != tc.refused || row.RefusedInTime != tc.inTime {
				t.Errorf("refused %v in time %v, want %v %v", row.Refused, row.RefusedInTime, tc.refused, tc.inTime)
			}
			in, late := 0, 0
			if tc.refused && tc.inTime {
				in = 1
			} else if tc.refused {
				late = 1
			}
			if r.RefusedInTime != in || r.RefusedLate != late {
				t.Errorf("report: %d in time, %d late", r.RefusedInTime, r.RefusedLate)
			}
		})
	}
}

// Steps may come in any order; the caller's slice is left alone.
func TestStepsInAnyOrder(t *testing.T) {
	f := newFixture(t)
	want := f.build(data.Date{}, data.Date{})
	shuffled := slices.Clone(f.steps)
	slices.Reverse(shuffled)
	before := slices.Clone(shuffled)
	got := Build(f.people, f.requests, shuffled, data.Date{}, data.Date{}, today)
	if !slices.Equal(shuffled, before) {
		t.Error("Build reordered the caller's steps")
	}
	if got.MedianDays != want.MedianDays || got.OverdueItems != want.OverdueItems || !slices.Equal(got.Outcomes, want.Outcomes) {
		t.Errorf("order changed the figures: %+v", got)
	}
}

// The reply period is the user's chase setting, and a refusal logged as
// giving no reasons is counted apart: no national rule sets one time for
// every refusal, so the report does not claim one.
func TestRefusalsFollowTheChaseSettingAndReasons(t *testing.T) {
	f := &fixture{}
	f.person("p", "Pat Test", data.Wales)
	late := answer(t, "2026-03-20", data.StepReply, data.OutcomeRefused) // 18 days after 2 March
	late.NoReasons = true
	f.request("r", "p", data.RouteLocal, data.SubjectTreatment, data.ReasonOther, data.AskedBySelf, data.AskedInWriting,
		"2026-03-01", sent(t, "2026-03-02", data.KindSecondOpinionTreatment), late)

	byDefault := f.build(data.Date{}, data.Date{})
	if byDefault.ReplyDays != 14 || byDefault.RefusedLate != 1 || byDefault.RefusedInTime != 0 {
		t.Errorf("default: %d days, %d in time, %d late; want 14, 0, 1", byDefault.ReplyDays, byDefault.RefusedInTime, byDefault.RefusedLate)
	}
	chase21 := BuildWith(f.people, f.requests, f.steps, data.Date{}, data.Date{}, today, process.Config{ChaseDays: 21})
	if chase21.ReplyDays != 21 || chase21.RefusedInTime != 1 || chase21.RefusedLate != 0 {
		t.Errorf("21-day chase: %d days, %d in time, %d late; want 21, 1, 0", chase21.ReplyDays, chase21.RefusedInTime, chase21.RefusedLate)
	}
	if byDefault.RefusedNoReasons != 1 || !byDefault.Rows[0].RefusedNoReasons {
		t.Errorf("a refusal with no reasons is not counted: %d", byDefault.RefusedNoReasons)
	}
	var buf bytes.Buffer
	if err := WriteText(&buf, chase21); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Refusals answered within 21 days", "Refusals with no reasons given               1"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("missing %q in\n%s", want, buf.String())
		}
	}
}
