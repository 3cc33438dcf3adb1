package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// The Clients index may start from the dates Today worked out, since Today
// keeps each request's soonest item. Every row must then say what a row
// built alone says: the soonest date, what is owed then, and whether
// anything is overdue.
func TestTheIndexFromTodaysDatesIsTheIndexBuiltAlone(t *testing.T) {
	today := data.MustDate(2026, 12, 1)
	_, cl := readDemo(t, 300, 11, today)
	alone := buildCaseIndex(cl.clone(), map[string]string{}, today, nil)
	fromToday := buildCaseIndex(cl.clone(), map[string]string{}, today, duesOf(agenda(cl.clone(), today)))
	due, overdue := 0, 0
	for i, want := range alone.rows {
		got := fromToday.rows[i]
		if got.nextDue != want.nextDue || got.dueWhat != want.dueWhat || got.overdue != want.overdue {
			t.Errorf("%s: from Today's dates %v %q overdue %v, built alone %v %q overdue %v", want.id,
				got.nextDue, got.dueWhat, got.overdue, want.nextDue, want.dueWhat, want.overdue)
		}
		if !want.nextDue.IsZero() {
			due++
		}
		if want.overdue {
			overdue++
		}
	}
	if due < 50 || overdue < 20 {
		t.Fatalf("only %d people have a date and %d something overdue: too few to tell", due, overdue)
	}
}

// In the window, Clients opened after Today takes Today's dates, and lets
// go of them; the index it builds is the one it would build alone.
func TestClientsAfterTodayTakesTodaysDates(t *testing.T) {
	today := data.Today()
	s := openOn(t, demoFolder(t, 120, 5, today))
	if _, ok := s.current.(*todayScreen); !ok {
		t.Fatalf("the first screen is %T, want Today", s.current)
	}
	settle(t, s)
	if r := s.reckoned; r == nil || r.dues == nil || !r.from.holdsFor(s.cl, today) {
		t.Fatalf("Today left no dates for the index")
	}
	test.Tap(s.nav.buttons[navPeople])
	settle(t, s)
	if s.reckoned.dues != nil || s.index == nil {
		t.Fatalf("after Clients: dates kept %v, index %v", s.reckoned.dues != nil, s.index != nil)
	}
	alone := buildCaseIndex(s.cl.clone(), s.index.bodies, today, nil)
	for i, want := range alone.rows {
		if got := s.index.rows[i]; got.nextDue != want.nextDue || got.dueWhat != want.dueWhat || got.overdue != want.overdue {
			t.Errorf("%s: the window's row says %v %q %v, one built alone %v %q %v", want.id,
				got.nextDue, got.dueWhat, got.overdue, want.nextDue, want.dueWhat, want.overdue)
		}
	}
}

// Today's dates serve the index only for the records, the day and the
// settings they were worked out from: a change to a person, the chase
// period or the directory, none of which Today's dates can know of, or
// another day, and they are not used.
func TestTodaysDatesServeOnlyWhatTheyWereWorkedOutFrom(t *testing.T) {
	today := data.MustDate(2026, 12, 1)
	_, read := readDemo(t, 40, 3, today)
	if len(read.contacts) == 0 || len(read.people) == 0 {
		t.Fatalf("the demo has %d contacts and %d people", len(read.contacts), len(read.people))
	}
	for _, c := range []struct {
		name   string
		change func(cl *caseload) data.Date // the day the index is prepared
		used   bool
	}{
		{"nothing changed", func(*caseload) data.Date { return today }, true},
		{"the next day", func(*caseload) data.Date { return today.AddDays(1) }, false},
		{"a person changed", func(cl *caseload) data.Date { cl.touch(cl.people[0].ID); return today }, false},
		{"the chase period changed", func(cl *caseload) data.Date { cl.settings[settingChaseDays] = "21"; return today }, false},
		{"a contact changed", func(cl *caseload) data.Date {
			ct := cl.contacts[0]
			ct.Name += " (retired)"
			cl.putContact(ct)
			return today
		}, false},
	} {
		cl := read.clone() // the window's caseload, changed below
		snap := cl.clone()
		r := reckon(snap, today)
		on := c.change(cl)
		if got := r.takeDues(cl, on) != nil; got != c.used {
			t.Errorf("%s: Today's dates used %v, want %v", c.name, got, c.used)
		}
	}
}

// The chase period changed in Settings after Today, Clients says what is
// owed by the new period, as Today does when opened again.
func TestClientsAfterTheChasePeriodChangesFollowsIt(t *testing.T) {
	today := data.Today()
	s := openOn(t, demoFolder(t, 120, 5, today))
	settle(t, s)
	s.cl.settings[settingChaseDays] = "23" // as Settings puts it once saved
	test.Tap(s.nav.buttons[navPeople])
	settle(t, s)
	chased := 0
	for _, r := range s.index.rows {
		if strings.Contains(r.dueWhat, "chase") {
			chased++
			if !strings.Contains(r.dueWhat, "23 days") {
				t.Fatalf("%s: %q, by the old chase period", r.id, r.dueWhat)
			}
		}
	}
	if chased == 0 {
		t.Fatalf("nobody has a chaser due: the test tells nothing")
	}
}

// demoFolder is a data folder holding an invented caseload of clients,
// made from seed.
func demoFolder(t *testing.T, clients int, seed int64, today data.Date) string {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := demo.Generate(ctx, st, clients, seed, today); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Today shown again with nothing changed shows what it worked out last,
// at once; after a change to a person's records, to a setting the rules
// read, to the directory, or on another day, it works Today out again.
func TestTodayIsWorkedOutAgainOnlyAfterAChange(t *testing.T) {
	day := data.Today()
	s := openOn(t, demoFolder(t, 120, 5, day))
	settle(t, s)
	first := s.reckoned
	if first == nil || len(first.items) == 0 {
		t.Fatalf("Today kept nothing of what it worked out")
	}
	again := func(what string, wantSame bool) {
		t.Helper()
		test.Tap(s.nav.buttons[navPeople])
		settle(t, s)
		before := s.reckoned
		test.Tap(s.nav.buttons[navToday])
		ts, ok := s.current.(*todayScreen)
		if !ok {
			t.Fatalf("%s: the screen is %T", what, s.current)
		}
		if wantSame && (len(ts.items) == 0 || s.reckoned != before) {
			t.Errorf("%s: Today was worked out again (shown at once: %v)", what, len(ts.items) > 0)
		}
		settle(t, s)
		if !wantSame && s.reckoned == before {
			t.Errorf("%s: Today showed what it worked out before", what)
		}
	}
	again("nothing changed", true)
	again("nothing changed, twice", true)
	someone := s.cl.people[0].ID
	s.cl.touch(someone)
	again("a person's records changed", false)
	s.cl.settings[settingChaseDays] = "23"
	again("the chase period changed", false)
	if !slices.ContainsFunc(s.reckoned.items, func(it process.Item) bool { return strings.Contains(it.What, "23 days") }) {
		t.Errorf("after the chase period changed, no item counts 23 days")
	}
	ct := s.cl.contacts[0]
	ct.Name += " (retired)"
	s.cl.putContact(ct)
	again("a contact changed", false)
	s.today = func() data.Date { return day.AddDays(1) }
	again("the next day", false)
}
