package store

import (
	"fmt"
	"testing"

	"secondopinion/data"
)

// Records read by their ids come back, on both engines, whatever else is
// asked for with them: ids not stored are left out, more ids than one
// query names are read in several, and each timeline is in the order
// StepsFor gives.
func TestRecordsAreReadByTheirIDs(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		p := data.Person{Name: "Nia Evans", Nation: data.Wales}
		if err := s.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma"}
		if err := s.SaveRequest(ctx, &r); err != nil {
			t.Fatal(err)
		}
		later := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 20), Kind: data.StepNote, Summary: "later"}
		if err := s.AddStep(ctx, &later); err != nil {
			t.Fatal(err)
		}
		earlier := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 2), Kind: data.StepNote, Summary: "earlier"}
		if err := s.AddStep(ctx, &earlier); err != nil {
			t.Fatal(err)
		}

		ids := []string{"not-stored"}
		for i := range idsPerQuery {
			ids = append(ids, fmt.Sprintf("missing-%d", i))
		}
		ids = append(ids, p.ID) // in the second query

		people, err := s.PeopleByID(ctx, ids)
		if err != nil || len(people) != 1 || people[0].Name != "Nia Evans" {
			t.Errorf("people: %+v, %v", people, err)
		}
		requests, err := s.RequestsByID(ctx, append(ids, r.ID))
		if err != nil || len(requests) != 1 || requests[0].Condition != "asthma" {
			t.Errorf("requests: %+v, %v", requests, err)
		}
		steps, err := s.StepsByID(ctx, []string{later.ID, "not-stored"})
		if err != nil || len(steps) != 1 || steps[0].Summary != "later" {
			t.Errorf("steps: %+v, %v", steps, err)
		}
		timelines, err := s.TimelinesOf(ctx, []string{r.ID, "not-stored"})
		if err != nil || len(timelines) != 1 {
			t.Fatalf("timelines: %+v, %v", timelines, err)
		}
		if got := timelines[r.ID]; len(got) != 2 || got[0].Summary != "earlier" || got[1].Summary != "later" {
			t.Errorf("the timeline is %+v", got)
		}
		if people, err := s.PeopleByID(ctx, nil); err != nil || len(people) != 0 {
			t.Errorf("no ids: %+v, %v", people, err)
		}
	})
}
