package store

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
)

// The whole-table readings on the server take each value from the text
// PostgreSQL sends; what they give must be what database/sql gives for
// the same rows: names and notes in any script, empty and long texts,
// flags on lines, dates set and unset, yes and no, a missing doctor,
// versions and minutes, and times to the nanosecond.
func TestTheServerReadsWholeTablesAsDatabaseSQLDoes(t *testing.T) {
	s := openServerTemp(t)
	doctor := data.Contact{Name: "Dr Ffion Hughes", Role: data.RoleClinician, Nations: []data.Nation{data.Wales}}
	mustSave(t, s.SaveContact(ctx, &doctor))
	names := []string{"Mòrag Mac an t-Saoir", "Zoë O’Brien", "", "Łukasz Nowak", strings.Repeat("Anne-Marie ", 15), "名前", "Brontë"}
	for i, name := range names {
		if name == "" {
			name = "x"
		}
		p := data.Person{Name: name, Nation: data.Wales, Address: "1 Quayside\nCardiff", NHSNumber: "943 476 5919",
			Notes: names[(i+1)%len(names)], Flags: []string{"interpreter", "large print"}[:i%3%2+i%2]}
		if i%2 == 0 {
			p.DateOfBirth, p.ConsentOn = data.MustDate(1950+i, 3, 4), data.MustDate(2026, 1, 2)
		}
		mustSave(t, s.SavePerson(ctx, &p))
		for j := range 2 {
			r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment, Condition: []string{"gout", "Crohn’s disease", "名前の病気"}[(i+j)%3],
				OnBehalf: j == 1, RaisedWithDoctor: i%2 == 0, Reason: "why\nand why"}
			if j == 0 {
				r.RecipientID = doctor.ID
			}
			mustSave(t, s.SaveRequest(ctx, &r))
			st := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 2+j), Kind: data.StepNote, Summary: names[i],
				Minutes: 15 * j, NoReasons: j == 0}
			if j == 1 {
				st.DueOn, st.DueWhat = data.MustDate(2026, 12, 1), "an answer"
			}
			mustSave(t, s.AddStep(ctx, &st))
		}
	}

	people := sameAsSQL(t, "people", s.People, func() ([]data.Person, error) {
		return queryList(ctx, s.db, opened(s, "people", personCols, scanPerson), selectPersonSQL)
	}, func(p data.Person) string { return p.ID })
	requests := sameAsSQL(t, "requests", s.Requests, func() ([]data.Request, error) {
		return queryList(ctx, s.db, opened(s, "requests", requestCols, scanRequest), selectRequestSQL)
	}, func(r data.Request) string { return r.ID })
	steps := sameAsSQL(t, "steps", s.AllSteps, func() ([]data.Step, error) {
		return queryList(ctx, s.db, opened(s, "steps", stepCols, scanStep), selectStepSQL)
	}, func(st data.Step) string { return st.ID })
	if len(people) != len(names) {
		t.Errorf("%d people read, %d saved", len(people), len(names))
	}
	if len(steps) == 0 || steps[0].CreatedAt.IsZero() || requests[0].RecipientID == "" {
		t.Errorf("the readings lost something: %+v / %+v", steps[0], requests[0])
	}
}

// sameAsSQL reads a whole table as the store does and as database/sql
// reads it, and fails on any record that differs; it gives the reading.
func sameAsSQL[T any](t *testing.T, what string, read func(context.Context) ([]T, error), viaSQL func() ([]T, error), id func(T) string) []T {
	t.Helper()
	got, err := read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want, err := viaSQL()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || len(got) != len(want) {
		t.Fatalf("%s: %d read, database/sql read %d", what, len(got), len(want))
	}
	byID := func(a, b T) int { return cmp.Compare(id(a), id(b)) }
	sorted := slices.SortedFunc(slices.Values(got), byID)
	slices.SortFunc(want, byID)
	for i := range sorted {
		if !reflect.DeepEqual(sorted[i], want[i]) {
			t.Errorf("%s %s read as\n%+v\ndatabase/sql read\n%+v", what, id(want[i]), sorted[i], want[i])
		}
	}
	return got
}

// Each place refuses what database/sql refuses, and reads what it reads.
func TestATextPlaceReadsAsDatabaseSQLWould(t *testing.T) {
	var (
		s  string
		n  int
		b  bool
		k  data.Nation
		d  data.Date
		at time.Time
		id = "before"
	)
	for _, c := range []struct {
		place any
		text  []byte
		ok    bool
		read  func() any
		want  any
	}{
		{&s, []byte("Siân"), true, func() any { return s }, "Siân"},
		{&s, []byte{}, true, func() any { return s }, ""},
		{&s, nil, false, nil, nil},
		{&n, []byte("-42"), true, func() any { return n }, -42},
		{&n, []byte("+7"), true, func() any { return n }, 7},
		{&n, []byte("4x"), false, nil, nil},
		{&n, []byte(""), false, nil, nil},
		{&n, nil, false, nil, nil},
		{&b, []byte("1"), true, func() any { return b }, true},
		{&b, []byte("0"), true, func() any { return b }, false},
		{&b, []byte("2"), false, nil, nil},
		{&b, nil, false, nil, nil},
		{&k, []byte("wales"), true, func() any { return k }, data.Wales},
		{&k, nil, false, nil, nil},
		{dateField{&d}, []byte("2026-12-04"), true, func() any { return d }, data.MustDate(2026, 12, 4)},
		{dateField{&d}, []byte(""), true, func() any { return d }, data.Date{}},
		{timeField{&at}, []byte("2026-12-04T10:00:00.000000001Z"), true, func() any { return at.Nanosecond() }, 1},
		{textOrNull{&id}, nil, true, func() any { return id }, ""},
	} {
		err := fillFor(c.place, nil)(c.text)
		if (err == nil) != c.ok {
			t.Errorf("%T from %q: error %v, want ok %v", c.place, c.text, err, c.ok)
			continue
		}
		if c.read != nil && !reflect.DeepEqual(c.read(), c.want) {
			t.Errorf("%T from %q read %v, want %v", c.place, c.text, c.read(), c.want)
		}
	}
}
