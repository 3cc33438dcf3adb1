package app

import (
	"reflect"
	"testing"

	"secondopinion/data"
	"secondopinion/data/store"
)

// Opening the records works Today out on them as read, before the window
// has them: no copy of the records is taken for it, Today shows at once
// without working anything out again, and what it shows is what a copy
// would have given.
func TestTodayIsWorkedOutAsTheRecordsOpen(t *testing.T) {
	today := data.Today()
	dir := demoFolder(t, 80, 3, today)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Chosen already, as on a desk signing in to its team: the first
	// opening of a demo folder chooses it, which changes the settings.
	if err := st.SetSetting(ctx, settingMode, string(modeAdvocate)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	s := openOn(t, dir)
	ts, ok := s.current.(*todayScreen)
	if !ok {
		t.Fatalf("the first screen is %T, want Today", s.current)
	}
	if s.cl.peopleShared {
		t.Error("a copy of the records was taken to work Today out")
	}
	r := s.reckoned
	if r == nil || !r.from.holdsFor(s.cl, today) {
		t.Fatal("no reckoning from the records as opened")
	}
	if len(ts.items) == 0 || &ts.items[0] != &r.items[0] {
		t.Fatalf("Today shows %d items, not those worked out as the records opened (%d)", len(ts.items), len(r.items))
	}
	fromCopy := reckon(s.cl.clone(), today)
	if !reflect.DeepEqual(fromCopy.items, r.items) || !reflect.DeepEqual(fromCopy.dues, r.dues) {
		t.Error("Today worked out as the records opened differs from Today worked out on a copy")
	}
}
