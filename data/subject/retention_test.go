package subject_test

import (
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/subject"
)

func TestWhoIsPastTheRetentionPeriod(t *testing.T) {
	added := time.Date(2018, 1, 10, 9, 0, 0, 0, time.UTC)
	people := []data.Person{
		{ID: "closed-long-ago", Name: "A", CreatedAt: added},
		{ID: "closed-recently", Name: "B", CreatedAt: added},
		{ID: "one-still-open", Name: "C", CreatedAt: added},
		{ID: "no-requests", Name: "D", CreatedAt: added},
		{ID: "closed-exactly-six-years-ago", Name: "E", CreatedAt: added},
	}
	requests := []data.Request{
		{ID: "r1", PersonID: "closed-long-ago"}, {ID: "r1b", PersonID: "closed-long-ago"},
		{ID: "r2", PersonID: "closed-recently"},
		{ID: "r3", PersonID: "one-still-open"}, {ID: "r3b", PersonID: "one-still-open"},
		{ID: "r5", PersonID: "closed-exactly-six-years-ago"},
	}
	closed := func(id string, on data.Date) data.Step {
		return data.Step{RequestID: id, On: on, Kind: data.StepClosed, Outcome: data.OutcomeAgreed}
	}
	steps := []data.Step{
		closed("r1", data.MustDate(2018, 5, 1)), closed("r1b", data.MustDate(2019, 2, 3)),
		closed("r2", data.MustDate(2024, 2, 3)),
		closed("r3", data.MustDate(2018, 5, 1)), {RequestID: "r3b", On: data.MustDate(2018, 6, 1), Kind: data.StepNote},
		closed("r5", data.MustDate(2020, 12, 2)),
	}
	today := data.MustDate(2026, 12, 2)
	got := subject.PastRetention(people, requests, steps, 6, today)
	want := []struct {
		id      string
		closed  data.Date
		noneYet bool
	}{
		{"no-requests", data.MustDate(2018, 1, 10), true},
		{"closed-long-ago", data.MustDate(2019, 2, 3), false}, // the later of the two closings
		{"closed-exactly-six-years-ago", data.MustDate(2020, 12, 2), false},
	}
	if len(got) != len(want) {
		t.Fatalf("past retention: %+v", got)
	}
	for i, w := range want {
		if got[i].Person.ID != w.id || got[i].Closed != w.closed || got[i].NoRequests != w.noneYet {
			t.Errorf("%d: %s closed %v (no requests %v), want %s closed %v", i, got[i].Person.ID, got[i].Closed,
				got[i].NoRequests, w.id, w.closed)
		}
	}
	if got[1].Due != data.MustDate(2025, 2, 3) || got[1].RequestCount != 2 {
		t.Errorf("due %v, %d requests", got[1].Due, got[1].RequestCount)
	}
	// Once anonymised, only the figures are left: no longer listed.
	people[0].AnonymisedOn = data.MustDate(2026, 1, 5)
	if again := subject.PastRetention(people, requests, steps, 6, today); len(again) != 2 || again[0].Person.ID != "no-requests" ||
		again[1].Person.ID != "closed-exactly-six-years-ago" {
		t.Errorf("after anonymising the first: %+v", again)
	}
	if subject.PastRetention(people, requests, steps, 0, today) != nil {
		t.Error("no period set, yet someone is listed")
	}
	for v, n := range map[string]int{"": 0, "6": 6, " 7 ": 7, "0": 0, "-3": 0, "six": 0, "101": 0} {
		if got := subject.ParseYears(v); got != n {
			t.Errorf("ParseYears(%q) = %d, want %d", v, got, n)
		}
	}
}
