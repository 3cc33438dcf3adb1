package store

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"
	"unsafe"

	"secondopinion/data"
)

// LoadAll reads a caseload as it was written, on both engines, with the
// texts it repeats held once: a step's request id is its request's, a
// request's person id its person's, and kinds are one string each.
func TestLoadAllSharesWhatItRepeats(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		for i := 0; i < 6; i++ {
			p := data.Person{Name: "Person " + string(rune('A'+i)), Nation: data.England}
			mustSave(t, s.SavePerson(ctx, &p))
			for j := 0; j < 2; j++ {
				r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma"}
				mustSave(t, s.SaveRequest(ctx, &r))
				for _, k := range []data.StepKind{data.StepNote, data.StepCall, data.StepNote} {
					st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 2+j), Kind: k,
						DueWhat: "A reply", Summary: "said"}
					mustSave(t, s.AddStep(ctx, &st))
				}
			}
		}
		all, err := s.LoadAll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all.People) != 6 || len(all.Requests) != 12 || len(all.Steps) != 36 {
			t.Fatalf("read %d people, %d requests, %d steps", len(all.People), len(all.Requests), len(all.Steps))
		}
		same := func(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }
		people := map[string]string{}
		for _, p := range all.People {
			people[p.ID] = p.ID
		}
		requests := map[string]string{}
		for _, r := range all.Requests {
			requests[r.ID] = r.ID
			if !same(r.PersonID, people[r.PersonID]) {
				t.Fatalf("request %s holds its own copy of its person's id", r.ID)
			}
		}
		kinds := map[data.StepKind]string{}
		for _, st := range all.Steps {
			if !same(st.RequestID, requests[st.RequestID]) {
				t.Fatalf("step %s holds its own copy of its request's id", st.ID)
			}
			if k, ok := kinds[st.Kind]; ok && !same(k, string(st.Kind)) {
				t.Fatalf("the kind %q is held more than once", st.Kind)
			}
			kinds[st.Kind] = string(st.Kind)
		}
		// What was shared still reads the same as each record alone.
		for _, r := range all.Requests[:5] {
			steps, err := s.StepsFor(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			var loaded []data.Step
			for _, st := range all.Steps {
				if st.RequestID == r.ID {
					loaded = append(loaded, st)
				}
			}
			if !slices.Equal(steps, loaded) {
				t.Fatalf("request %s: LoadAll gave %+v, Steps gave %+v", r.ID, loaded, steps)
			}
		}
	})
}

// ReadAllAs keeps of each request and step what it is asked to, as each
// is read, in the order LoadAll gives them; the people are handed over
// before any request is read.
func TestReadAllAsKeepsWhatItIsAskedInLoadAllsOrder(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		for i := range 3 {
			p := data.Person{Name: "Person " + string(rune('A'+i)), Nation: data.Wales}
			mustSave(t, s.SavePerson(ctx, &p))
			for j := range 3 {
				r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment, Condition: "gout " + string(rune('a'+j))}
				mustSave(t, s.SaveRequest(ctx, &r))
				st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 2+j), Kind: data.StepNote, Summary: "noted"}
				mustSave(t, s.AddStep(ctx, &st))
			}
		}
		all, err := s.LoadAll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		peopleFirst := false
		r, conditions, stepIDs, err := ReadAllAs(ctx, s, ReadAs[string, string]{
			People: func(people []data.Person) { peopleFirst = len(people) == 3 },
			Request: func(q *data.Request) string {
				if !peopleFirst {
					t.Error("a request was read before the people were handed over")
				}
				return q.Condition
			},
			Step: func(st *data.Step) string { return st.ID },
		})
		if err != nil {
			t.Fatal(err)
		}
		var wantConditions, wantSteps []string
		for _, q := range all.Requests {
			wantConditions = append(wantConditions, q.Condition)
		}
		for _, st := range all.Steps {
			wantSteps = append(wantSteps, st.ID)
		}
		if !slices.Equal(conditions, wantConditions) || !slices.Equal(stepIDs, wantSteps) {
			t.Errorf("kept %q and %q, LoadAll gave %q and %q", conditions, stepIDs, wantConditions, wantSteps)
		}
		if len(r.People) != 3 || len(r.Requests) != 0 || len(r.Steps) != 0 {
			t.Errorf("the records hold %d people, %d requests and %d steps; want the people only", len(r.People), len(r.Requests), len(r.Steps))
		}
	})
}

// Rows are gathered in blocks; the list comes out whole and in order
// whatever the count, at and either side of a block's end.
func TestChunkedKeepsEveryRowInOrder(t *testing.T) {
	for _, n := range []int{0, 1, chunkRows - 1, chunkRows, chunkRows + 1, 3*chunkRows + 7} {
		var c chunked[int]
		for i := 0; i < n; i++ {
			c.add(i)
		}
		got := c.list()
		if len(got) != n {
			t.Fatalf("%d rows gave a list of %d", n, len(got))
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("%d rows: row %d is %d", n, i, v)
			}
		}
	}
}

// Rows put in order where they lie come out as sorting them would put
// them, whatever cycles the order makes of their places: none, one long
// one, many short ones.
func TestPutInOrderMovesEachRowToItsPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	shapes := map[string]func(values []int){
		"in order": func([]int) {},
		"reversed": slices.Reverse[[]int],
		"shuffled": func(v []int) { r.Shuffle(len(v), func(i, j int) { v[i], v[j] = v[j], v[i] }) },
		"pairs swapped": func(v []int) {
			for i := 0; i+1 < len(v); i += 2 {
				v[i], v[i+1] = v[i+1], v[i]
			}
		},
	}
	for name, shape := range shapes {
		for _, n := range []int{0, 1, 2, 3, 10, 1000} {
			values := make([]int, n)
			for i := range values {
				values[i] = i * 10
			}
			shape(values)
			rows := make([]string, n)
			keys := make([]keyed[int], n)
			for i, v := range values {
				rows[i], keys[i] = strconv.Itoa(v), keyed[int]{v, int32(i)}
			}
			putInOrder(rows, keys, cmp.Compare[int])
			for i, row := range rows {
				if row != strconv.Itoa(i*10) {
					t.Fatalf("%s, %d rows: row %d is %s, want %d", name, n, i, row, i*10)
				}
			}
		}
	}
}

// A brief reading hands over every request as LoadAll reads it, but for
// what only its letters and its own screen read, left empty: on both
// engines, and with the records protected, whose fields are opened with
// the request's id.
func TestABriefReadingLeavesOutOnlyWhatTheLettersRead(t *testing.T) {
	check := func(t *testing.T, s *Store) {
		all, err := s.LoadAll(ctx)
		if err != nil {
			t.Fatal(err)
		}
		_, got, steps, err := ReadAllAs(ctx, s, ReadAs[data.Request, data.Step]{
			Request: func(q *data.Request) data.Request { return *q },
			Step:    func(st *data.Step) data.Step { return *st },
			Brief:   true,
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(all.Requests) || len(got) == 0 {
			t.Fatalf("%d requests read briefly, %d in all", len(got), len(all.Requests))
		}
		for i, want := range all.Requests {
			want.UnwellSince, want.Admissions, want.MedicationsTried, want.CurrentMedication = "", "", "", ""
			want.AlreadyTried, want.ReplyMethod, want.TestsAndAssessments = "", "", ""
			want.RiskAssessment, want.Questions, want.Timescale, want.UpdatedAt = "", "", "", time.Time{}
			if !reflect.DeepEqual(got[i], want) {
				t.Errorf("request %d read briefly as\n%+v\nwant\n%+v", i, got[i], want)
			}
		}
		if len(steps) != len(all.Steps) || len(steps) == 0 {
			t.Fatalf("%d steps read briefly, %d in all", len(steps), len(all.Steps))
		}
		withLetterAndFile := 0
		for i, want := range all.Steps {
			if want.LetterID != "" && want.Attachment != "" {
				withLetterAndFile++
			}
			want.LetterID, want.Attachment = "", ""
			if !reflect.DeepEqual(steps[i], want) {
				t.Errorf("step %d read briefly as\n%+v\nwant\n%+v", i, steps[i], want)
			}
		}
		if withLetterAndFile < 3 {
			t.Errorf("only %d steps have a letter and a file to leave out", withLetterAndFile)
		}
	}
	fill := func(t *testing.T, s *Store) {
		p := data.Person{Name: "Gwen Brief", Nation: data.Wales}
		mustSave(t, s.SavePerson(ctx, &p))
		for i := range 3 {
			n := string(rune('a' + i))
			r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment, Route: data.RouteReview, OnBehalf: i == 1,
				Condition: "gout " + n, Treatment: "allopurinol " + n, RaisedWithDoctor: true, Reason: "reason " + n,
				OutcomeWanted: "outcome " + n, UnwellSince: "since " + n, Admissions: "admissions " + n,
				MedicationsTried: "tried " + n, CurrentMedication: "current " + n, Problems: "problems " + n,
				SideEffects: "side effects " + n, AlreadyTried: "already " + n, ReplyMethod: data.ReplyByEmail,
				TestsAndAssessments: "tests " + n, RiskAssessment: "risk " + n, Questions: "question " + n, Timescale: "soon " + n}
			mustSave(t, s.SaveRequest(ctx, &r))
			l := data.Letter{RequestID: r.ID, Kind: "review-diagnosis", Body: "Dear Dr Rees"}
			mustSave(t, s.SaveLetter(ctx, &l))
			st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 2+i), Kind: data.StepLetterSent, Summary: "noted",
				LetterID: l.ID, LetterKind: l.Kind, Attachment: "attachments/reply-" + n + ".pdf"}
			mustSave(t, s.AddStep(ctx, &st))
		}
	}
	eachEngineAndProtected(t, func(t *testing.T, s *Store) {
		fill(t, s)
		check(t, s)
	})
}

// A whole reading is sized by how many rows the table has: the file counts
// them, and the server gives its estimate once it has looked at the table
// (which it does as rows are saved, or when asked to ANALYZE).
func TestAWholeReadingKnowsAboutHowManyRowsThereAre(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		for i := range 30 {
			mustSave(t, s.SavePerson(ctx, &data.Person{Name: "Person " + strconv.Itoa(i), Nation: data.Wales}))
		}
		if s.OnServer() {
			if _, err := s.db.ExecContext(ctx, "ANALYZE people"); err != nil {
				t.Fatal(err)
			}
		}
		if got := s.rowsAbout(ctx, "people", nil); got != 30 {
			t.Errorf("about %d people, want 30", got)
		}
		if got := s.rowsAbout(ctx, "people", []any{"x"}); got != 0 {
			t.Errorf("a reading of some rows is sized for %d", got)
		}
		people, err := s.People(ctx)
		if err != nil || len(people) != 30 || cap(people) != 30 {
			t.Errorf("read %d people in a list of %d (%v)", len(people), cap(people), err)
		}
	})
}
