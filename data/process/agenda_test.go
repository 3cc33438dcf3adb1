package process

import (
	"cmp"
	"math/rand"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"secondopinion/data"
)

func on(s data.Step, req string) data.Step { s.RequestID = req; return s }

func TestAgendaOrderAndOverdue(t *testing.T) {
	people := []data.Person{
		{ID: "p1", Name: "Alice Jones", Nation: data.England},
		{ID: "p2", Name: "Bob McLeod", Nation: data.Scotland},
		{ID: "p3", Name: "Carol Boyd", Nation: data.NorthernIreland},
	}
	requests := []data.Request{
		{ID: "rA", PersonID: "p1", Route: data.RouteLocal},
		{ID: "rB", PersonID: "p2", Route: data.RouteReview},
		{ID: "rC", PersonID: "p3", Route: data.RouteLocal},
		{ID: "rC2", PersonID: "p3", Route: data.RouteLocal},
		{ID: "rD", PersonID: "p1", Route: data.RouteLocal},
		{ID: "rE", PersonID: "p1", Route: data.RouteLocal},
		{ID: "rF", PersonID: "p2", Route: data.RouteLocal},
		{ID: "rG", PersonID: "p1", Route: data.RouteReview},
		{ID: "rH", PersonID: "nobody", Route: data.RouteLocal},
	}
	ring := on(step(t, "2026-02-20", data.StepNote, "", ""), "rF")
	ring.DueOn, ring.DueWhat = d(t, "2026-03-05"), "Ring the surgery for the referral letter"
	override := on(sent(t, "2026-02-01", data.KindReviewTreatment), "rG")
	override.DueOn = d(t, "2026-02-10")
	steps := []data.Step{
		on(sent(t, "2026-02-16", data.KindSecondOpinionTreatment), "rA"),
		on(sent(t, "2026-02-01", data.KindRecordsRequest), "rB"),
		on(sent(t, "2026-02-20", data.KindReviewTreatment), "rB"),
		on(step(t, "2026-02-23", data.StepNote, "", ""), "rB"), // acknowledgement noted: no chase, records still owed
		on(sent(t, "2026-01-05", data.KindSecondOpinionTreatment), "rC"),
		on(reply(t, "2026-01-31", data.OutcomeRefused), "rC"), // limit 31 July: not near yet
		on(sent(t, "2025-09-01", data.KindSecondOpinionTreatment), "rC2"),
		on(reply(t, "2025-09-15", data.OutcomeRefused), "rC2"), // limit 15 March: within 30 days
		on(sent(t, "2026-02-20", data.KindComplaint), "rD"),
		on(sent(t, "2026-01-05", data.KindSecondOpinionTreatment), "rE"),
		on(step(t, "2026-01-10", data.StepClosed, "", data.OutcomeWithdrawn), "rE"),
		ring,
		override,
		on(sent(t, "2026-02-26", data.KindPALS), "rH"),
	}
	want := []string{
		"2026-02-10 overdue Alice Jones rG No reply to the request for a review after 14 days: chase it",
		"2026-02-25 overdue Alice Jones rD Acknowledgement of the complaint and an offer to discuss it owed (3 working days)",
		"2026-03-02 due Alice Jones rA No reply to the request for a second opinion after 14 days: chase it",
		// One month is Sunday 1 March: the next working day (the ICO's rule).
		"2026-03-02 due Bob McLeod rB Copies of records owed (one calendar month)",
		"2026-03-05 due Bob McLeod rF Ring the surgery for the referral letter",
		"2026-03-12 due (unknown person) rH No reply to the letter to the patient advice service after 14 days: chase it",
		"2026-03-15 due Carol Boyd rC2 Last day to complain (6 months from 15/09/2025)",
		"2026-08-20 due Alice Jones rD No final response after 6 months: they must write to explain the delay",
	}
	today := d(t, "2026-03-02")
	render := func(items []Item) []string {
		var out []string
		for _, it := range items {
			state := "due"
			if it.Overdue {
				state = "overdue"
			}
			out = append(out, strings.Join([]string{it.Date.String(), state, it.PersonName, it.RequestID, it.What}, " "))
		}
		return out
	}
	items := Agenda(people, requests, steps, today, Config{})
	if got := render(items); !reflect.DeepEqual(got, want) {
		t.Fatalf("agenda\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
	// The order of the input does not matter.
	shuffled := append([]data.Step(nil), steps...)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if got := render(Agenda(people, requests, shuffled, today, Config{})); !reflect.DeepEqual(got, want) {
		t.Errorf("shuffled steps give a different agenda:\n%s", strings.Join(got, "\n"))
	}
	// Each item carries the request's first next action; rA's letter is
	// 14 days old, so the first is to chase it by phone.
	for _, it := range items {
		if it.RequestID == "rA" && it.NextAction.Log != data.StepCall {
			t.Errorf("rA next action = %+v, want a call to chase", it.NextAction)
		}
		if it.RequestID == "rC2" && it.NextAction.Letter != data.KindAskAgain {
			t.Errorf("rC2 next action = %+v, want ask-again", it.NextAction)
		}
		if it.Rule.ID == "" && it.RequestID != "rF" && it.RequestID != "rG" {
			t.Errorf("%s: item without its rule", it.RequestID)
		}
	}
	// A wider warning window brings rC's time limit in.
	wide := Agenda(people, requests, steps, today, Config{WarnDays: 200})
	if len(wide) != len(want)+1 {
		t.Errorf("with a 200-day warning, %d items, want %d", len(wide), len(want)+1)
	}
}

// What settles a deadline, one request at a time.
func TestAgendaSettling(t *testing.T) {
	people := []data.Person{{ID: "p1", Name: "Dee", Nation: data.England}}
	// The request went to a trust whose own policy promises written
	// reasons for a refusal within 7 days.
	requests := []data.Request{{ID: "r1", PersonID: "p1", RecipientID: "dr"}}
	cfg := ConfigFor([]data.Contact{
		{ID: "dr", Role: data.RoleClinician, Organisation: "Northtown NHS Trust"},
		{ID: "md", Role: data.RoleMedicalDirector, Organisation: "Northtown NHS Trust", RefusalPolicy: true},
	}, 0)
	today := d(t, "2026-06-01")
	soLetter := func() data.Step { return sent(t, "2026-03-02", data.KindSecondOpinionTreatment) }
	cases := []struct {
		name  string
		steps []data.Step
		want  []string // Rule IDs left open
	}{
		{"nothing after the letter: decision and chase both overdue",
			[]data.Step{soLetter()}, []string{"trust-refusal-policy", "chase"}},
		{"a note of an acknowledgement settles the chase, not the decision",
			[]data.Step{soLetter(), step(t, "2026-03-04", data.StepNote, "", "")}, []string{"trust-refusal-policy"}},
		{"a phone call settles the chase",
			[]data.Step{soLetter(), step(t, "2026-03-20", data.StepCall, "", "")}, []string{"trust-refusal-policy"}},
		{"a meeting settles the chase, not the decision",
			[]data.Step{soLetter(), step(t, "2026-03-20", data.StepMeeting, "", "")}, []string{"trust-refusal-policy"}},
		{"a note on the records request settles nothing on the ladder",
			[]data.Step{soLetter(), step(t, "2026-03-20", data.StepNote, data.KindRecordsRequest, "")}, []string{"trust-refusal-policy", "chase"}},
		{"asking PALS for help settles only the chase",
			[]data.Step{soLetter(), sent(t, "2026-03-20", data.KindPALS)}, []string{"trust-refusal-policy", "chase"}},
		{"an agreement settles both",
			[]data.Step{soLetter(), reply(t, "2026-03-05", data.OutcomeAgreed)}, nil},
		{"closing settles everything, the records request too",
			[]data.Step{soLetter(), sent(t, "2026-03-03", data.KindRecordsRequest), step(t, "2026-03-10", data.StepClosed, "", data.OutcomeWithdrawn)}, nil},
		{"a reply on the ladder does not settle the records request",
			[]data.Step{sent(t, "2026-03-03", data.KindRecordsRequest), soLetter(), reply(t, "2026-03-05", data.OutcomeAgreed)}, []string{"subject-access"}},
		{"records received",
			[]data.Step{sent(t, "2026-03-03", data.KindRecordsRequest), step(t, "2026-03-25", data.StepReply, data.KindRecordsRequest, data.OutcomeAgreed)}, nil},
		{"an extension replaces the records deadline",
			[]data.Step{sent(t, "2026-03-03", data.KindRecordsRequest), func() data.Step {
				s := step(t, "2026-03-20", data.StepNote, data.KindRecordsRequest, "")
				s.DueOn, s.DueWhat = RecordsExtendedDue(d(t, "2026-03-03"))
				return s
			}()}, []string{""}},
		{"the complaint letter meets the time limit",
			[]data.Step{sent(t, "2025-06-10", data.KindReviewTreatment), reply(t, "2025-06-20", data.OutcomeRefused), sent(t, "2026-05-29", data.KindComplaint), step(t, "2026-05-30", data.StepCall, "", "")},
			[]string{"complaint-delay-england"}},
		{"the time limit nears",
			[]data.Step{sent(t, "2025-06-10", data.KindReviewTreatment), reply(t, "2025-06-20", data.OutcomeRefused)},
			[]string{"complaint-limit-england"}},
		{"a later answer starts its own clock",
			[]data.Step{sent(t, "2025-06-10", data.KindReviewTreatment), reply(t, "2025-06-20", data.OutcomeRefused), sent(t, "2025-07-01", data.KindAskAgain), reply(t, "2025-07-05", data.OutcomeRefused)},
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i := range c.steps {
				c.steps[i].RequestID = "r1"
			}
			var got []string
			for _, it := range Agenda(people, requests, c.steps, today, cfg) {
				got = append(got, it.Rule.ID)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("open deadlines %q, want %q", got, c.want)
			}
		})
	}
}

// A due date stored under an older chase period gives way to the rules,
// and never displaces the 7-day decision owed on the same letter.
func TestStoredDueDateKeepsToItsOwnDeadline(t *testing.T) {
	p := data.Person{ID: "p", Name: "Bethan", Nation: data.Wales}
	r := data.Request{ID: "r", PersonID: "p", Subject: data.SubjectTreatment, Route: data.RouteLocal, RecipientID: "dr"}
	trust := []data.Contact{{ID: "dr", Role: data.RoleClinician, Organisation: "Cwm Taf", RefusalPolicy: true}}
	s := sent(t, "2026-03-02", data.KindSecondOpinionTreatment)
	s.RequestID = "r"
	cfg := ConfigFor(trust, 14)
	cfg.Recipient = trust[0]
	s.DueOn, s.DueWhat = DueFor(s, data.Wales, cfg) // the 7-day decision, stored then
	chase14 := d(t, "2026-03-16")
	items := Agenda([]data.Person{p}, []data.Request{r}, []data.Step{s}, d(t, "2026-04-01"), ConfigFor(trust, 21))
	var dates []data.Date
	for _, it := range items {
		dates = append(dates, it.Date)
	}
	if len(items) != 2 || items[0].Date != d(t, "2026-03-09") || items[1].Date != d(t, "2026-03-23") {
		t.Errorf("agenda dates %v; want the decision on 9 March and the 21-day chase on 23 March (not %v)", dates, chase14)
	}
}

// A passed time limit shows for two weeks, then leaves the agenda.
func TestPassedTimeLimitLeavesTheAgenda(t *testing.T) {
	p := data.Person{ID: "p", Name: "Eilidh", Nation: data.Scotland}
	r := data.Request{ID: "r", PersonID: "p", Subject: data.SubjectTreatment, Route: data.RouteLocal}
	s := sent(t, "2026-01-05", data.KindSecondOpinionTreatment)
	rep := reply(t, "2026-01-09", data.OutcomeRefused)
	s.RequestID, rep.RequestID = "r", "r"
	limit := func(on string) bool {
		for _, it := range Agenda([]data.Person{p}, []data.Request{r}, []data.Step{s, rep}, d(t, on), Config{}) {
			if strings.HasPrefix(it.What, "Last day to complain") {
				return true
			}
		}
		return false
	}
	if !limit("2026-07-01") || !limit("2026-07-20") || limit("2026-08-01") {
		t.Errorf("the 6-month limit of 9 July should show from June to 23 July only: %v %v %v",
			limit("2026-07-01"), limit("2026-07-20"), limit("2026-08-01"))
	}
}

// sortItems moves the items in place along the cycles of their order. It
// must give what a plain stable sort gives, for lists with ties, items
// already in place and cycles of every length.
func TestSortItemsInPlaceIsAStableSort(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 1, 2, 3, 10, 257, 2000} {
		items := make([]Item, n)
		for i := range items {
			items[i] = Item{Date: data.MustDate(2026, 12, 1+rng.Intn(5)), PersonName: string(rune('A' + rng.Intn(4))),
				RequestID: string(rune('a' + rng.Intn(3))), What: string(rune('0' + rng.Intn(2))), StepID: strconv.Itoa(i)}
		}
		want := slices.Clone(items)
		slices.SortStableFunc(want, func(a, b Item) int {
			return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.PersonName, b.PersonName),
				cmp.Compare(a.RequestID, b.RequestID), cmp.Compare(a.What, b.What))
		})
		if got := sortItems(items); !slices.Equal(got, want) {
			t.Errorf("%d items: sorted in place, they differ from a stable sort", n)
		}
	}
}
