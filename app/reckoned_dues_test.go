package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/demo"
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
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(ctx, st, 120, 5, today); err != nil {
		t.Fatal(err)
	}
	st.Close()
	s := openOn(t, dir)
	if _, ok := s.current.(*todayScreen); !ok {
		t.Fatalf("the first screen is %T, want Today", s.current)
	}
	settle(t, s)
	if s.dues.of(s.cl, today) == nil {
		t.Fatalf("Today left no dates for the index")
	}
	test.Tap(s.nav.buttons[navPeople])
	settle(t, s)
	if s.dues != nil || s.index == nil {
		t.Fatalf("after Clients: dates kept %v, index %v", s.dues != nil, s.index != nil)
	}
	alone := buildCaseIndex(s.cl.clone(), s.index.bodies, today, nil)
	for i, want := range alone.rows {
		if got := s.index.rows[i]; got.nextDue != want.nextDue || got.dueWhat != want.dueWhat || got.overdue != want.overdue {
			t.Errorf("%s: the window's row says %v %q %v, one built alone %v %q %v", want.id,
				got.nextDue, got.dueWhat, got.overdue, want.nextDue, want.dueWhat, want.overdue)
		}
	}
}
