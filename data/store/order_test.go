package store

import (
	"slices"
	"testing"
	"time"

	"secondopinion/data"
)

// The whole-caseload readings are sorted by the program, not by the
// database (see queryListSorted): records written out of order must still
// come back people by name, requests oldest first, and steps grouped by
// request in timeline order, on both engines.
func TestWholeReadingsComeInOrder(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		// The clock runs backwards, so that the order the rows were
		// written in, which a table without ORDER BY tends to return,
		// is the opposite of their order by time.
		clock := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { clock = clock.Add(-time.Second); return clock }

		var people []data.Person
		for _, name := range []string{"carol Price", "Bob Stone", "alice Jones"} {
			p := data.Person{Name: name, Nation: data.England}
			if err := s.SavePerson(ctx, &p); err != nil {
				t.Fatal(err)
			}
			people = append(people, p)
		}
		var requests []data.Request
		for _, p := range people[:2] {
			r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma"}
			if err := s.SaveRequest(ctx, &r); err != nil {
				t.Fatal(err)
			}
			requests = append(requests, r)
		}
		// Steps of the two requests, interleaved, each request's later
		// days first; then two steps on one day, logged with the clock
		// going forward, which must keep the order they were logged in.
		day := func(d int) data.Date { return data.MustDate(2026, 11, d) }
		add := func(r data.Request, on data.Date, summary string) {
			st := data.Step{RequestID: r.ID, On: on, Kind: data.StepNote, Summary: summary}
			if err := s.AddStep(ctx, &st); err != nil {
				t.Fatal(err)
			}
		}
		add(requests[0], day(20), "A on the 20th")
		add(requests[1], day(19), "B on the 19th")
		add(requests[0], day(3), "A on the 3rd")
		add(requests[1], day(2), "B on the 2nd")
		clock = clock.Add(time.Hour) // forward again: these two are logged in order
		s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
		add(requests[0], day(10), "A on the 10th, first")
		add(requests[0], day(10), "A on the 10th, second")

		all, err := s.LoadAll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range all.People {
			names = append(names, p.Name)
		}
		if want := []string{"alice Jones", "Bob Stone", "carol Price"}; !slices.Equal(names, want) {
			t.Errorf("people came in the order %q, want %q", names, want)
		}
		if len(all.Requests) != 2 || all.Requests[0].ID != requests[1].ID || all.Requests[1].ID != requests[0].ID {
			t.Errorf("requests did not come oldest first: got %d, the newest first", len(all.Requests))
		}
		var timelines [][]string
		for i, st := range all.Steps {
			if i == 0 || st.RequestID != all.Steps[i-1].RequestID {
				timelines = append(timelines, nil)
			}
			timelines[len(timelines)-1] = append(timelines[len(timelines)-1], st.Summary)
		}
		wantA := []string{"A on the 3rd", "A on the 10th, first", "A on the 10th, second", "A on the 20th"}
		wantB := []string{"B on the 2nd", "B on the 19th"}
		if len(timelines) != 2 {
			t.Fatalf("steps came in %d groups, want one per request: %q", len(timelines), timelines)
		}
		if a, b := timelines[0], timelines[1]; !(slices.Equal(a, wantA) && slices.Equal(b, wantB)) && !(slices.Equal(a, wantB) && slices.Equal(b, wantA)) {
			t.Errorf("timelines came as %q, want %q and %q", timelines, wantA, wantB)
		}
	})
}

// One request's timeline comes in the order its steps were logged even
// within one second: stored as text, 09:00:00Z sorts after 09:00:00.5Z
// and 09:00:00.5Z after 09:00:00.25Z, the opposite of the times.
func TestATimelineKeepsTheOrderWithinASecond(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		p := data.Person{Name: "Joseph Okoro", Nation: data.England}
		if err := s.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma"}
		if err := s.SaveRequest(ctx, &r); err != nil {
			t.Fatal(err)
		}
		second := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
		var want []string
		for _, ns := range []int{0, 250_000_000, 500_000_000} {
			summary := "logged at +" + time.Duration(ns).String()
			st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 21), Kind: data.StepNote, Summary: summary,
				CreatedAt: second.Add(time.Duration(ns))}
			if err := s.AddStep(ctx, &st); err != nil {
				t.Fatal(err)
			}
			want = append(want, summary)
		}
		steps, err := s.StepsFor(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, st := range steps {
			got = append(got, st.Summary)
		}
		if !slices.Equal(got, want) {
			t.Errorf("the timeline came as %q, want %q", got, want)
		}
	})
}

// A request's letters (all, and those with changed wording), and a
// person's requests, also come oldest first when made within one second
// of each other.
func TestLettersAndRequestsKeepTheirOrderWithinASecond(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		p := data.Person{Name: "Joseph Okoro", Nation: data.England}
		if err := s.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		second := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
		var requests []string
		for _, ns := range []int{0, 250_000_000, 500_000_000} {
			r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma", CreatedAt: second.Add(time.Duration(ns))}
			if err := s.SaveRequest(ctx, &r); err != nil {
				t.Fatal(err)
			}
			requests = append(requests, r.ID)
		}
		var letters []string
		for _, ns := range []int{0, 250_000_000, 500_000_000} {
			l := data.Letter{RequestID: requests[0], Kind: "review-treatment", CreatedAt: second.Add(time.Duration(ns)),
				Body: "Wording changed by hand"}
			if err := s.SaveLetter(ctx, &l); err != nil {
				t.Fatal(err)
			}
			letters = append(letters, l.ID)
		}
		gotRequests, err := s.RequestsFor(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		gotLetters, err := s.LettersFor(ctx, requests[0])
		if err != nil {
			t.Fatal(err)
		}
		var rs, ls []string
		for _, r := range gotRequests {
			rs = append(rs, r.ID)
		}
		for _, l := range gotLetters {
			ls = append(ls, l.ID)
		}
		if !slices.Equal(rs, requests) {
			t.Errorf("the requests came as %q, want %q", rs, requests)
		}
		if !slices.Equal(ls, letters) {
			t.Errorf("the letters came as %q, want %q", ls, letters)
		}
		edited, err := s.EditedLetters(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ls = nil
		for _, l := range edited {
			ls = append(ls, l.ID)
		}
		if !slices.Equal(ls, letters) {
			t.Errorf("the letters with changed wording came as %q, want %q", ls, letters)
		}
	})
}

// Steps of one request logged at the same moment come in the order of
// their ids, as text, whether the ids are UUIDs as this program writes
// them or not (records moved from elsewhere may have others); and steps
// group by request whatever form the request's id has.
func TestStepsOfOneMomentComeInTheOrderOfTheirIDs(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		p := data.Person{Name: "Joseph Okoro", Nation: data.England}
		mustSave(t, s.SavePerson(ctx, &p))
		odd := data.Request{ID: "Request-From-Elsewhere", PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma"}
		usual := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "gout"}
		mustSave(t, s.SaveRequest(ctx, &odd))
		mustSave(t, s.SaveRequest(ctx, &usual))
		at := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
		ids := []string{"6ba7b810-9dad-11d1-80b4-00c04fd430c8", "step-b", "00000000-0000-0000-0000-000000000001",
			"6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "f0000000-0000-0000-0000-000000000000", "step-a", "6ba7b810-9dad-11d1-80b4-00c04fd430c"}
		err := s.inTx(ctx, func(tx txn) error {
			for i, id := range ids {
				for _, r := range []data.Request{odd, usual} {
					st := data.Step{ID: id + "/" + r.ID[:4], RequestID: r.ID, On: data.MustDate(2026, 11, 21), Kind: data.StepNote,
						Summary: id, CreatedAt: at}
					if r.ID == usual.ID {
						st.ID = id
					}
					if i%2 == 1 {
						st.On = data.MustDate(2026, 11, 20) // a day before: first, whatever its id
					}
					if err := s.insertStep(ctx, tx, st); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		all, err := s.AllSteps(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string][]string{}
		for i, st := range all {
			if i > 0 && st.RequestID != all[i-1].RequestID && len(got[st.RequestID]) > 0 {
				t.Fatalf("the steps of %s are not together", st.RequestID)
			}
			got[st.RequestID] = append(got[st.RequestID], st.Summary)
		}
		want := []string{"6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "step-a", "step-b", // the 20th
			"00000000-0000-0000-0000-000000000001", "6ba7b810-9dad-11d1-80b4-00c04fd430c", "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
			"f0000000-0000-0000-0000-000000000000"}
		for _, r := range []data.Request{odd, usual} {
			if !slices.Equal(got[r.ID], want) {
				t.Errorf("the steps of %s came as\n%q\nwant\n%q", r.ID, got[r.ID], want)
			}
		}
	})
}
