package process

import (
	"testing"
	"time"

	"secondopinion/assets/holidays"
	"secondopinion/data"
)

// Easter Sundays from published tables, independent of the algorithm.
var easterSundays = map[int]string{
	2020: "2020-04-12", 2021: "2021-04-04", 2022: "2022-04-17", 2023: "2023-04-09",
	2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28",
	2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21",
}

func TestEasterHolidays(t *testing.T) {
	for year, sunday := range easterSundays {
		es := d(t, sunday)
		if got := data.DateOf(holidays.Easter(year)); got != es {
			t.Errorf("Easter %d = %s, want %s", year, got, es)
		}
		goodFriday, easterMonday := es.AddDays(-2), es.AddDays(1)
		for _, n := range data.Nations {
			if IsWorkingDay(goodFriday, n) {
				t.Errorf("%s: Good Friday %s should be a bank holiday", n, goodFriday)
			}
			wantMonday := n != data.Scotland
			if _, got := BankHoliday(easterMonday, n); got != wantMonday {
				t.Errorf("%s: Easter Monday %s holiday = %v, want %v", n, easterMonday, got, wantMonday)
			}
		}
	}
}

func TestBankHolidaysDifferByNation(t *testing.T) {
	type want struct{ ew, sc, ni bool }
	cases := []struct {
		date string
		why  string
		want want
	}{
		{"2026-01-02", "2 January is Scotland's", want{false, true, false}},
		{"2025-01-02", "2 January is Scotland's", want{false, true, false}},
		{"2021-01-04", "2 January on a Saturday moves to Monday in Scotland", want{false, true, false}},
		{"2022-01-03", "New Year's Day on a Saturday moves to Monday", want{true, true, true}},
		{"2022-01-04", "and Scotland's 2 January to Tuesday", want{false, true, false}},
		{"2023-01-02", "New Year's Day on a Sunday moves to Monday", want{true, true, true}},
		{"2023-01-03", "Scotland's pair moves to Tuesday", want{false, true, false}},
		{"2026-03-17", "St Patrick's Day", want{false, false, true}},
		{"2024-03-18", "St Patrick's Day on a Sunday moves to Monday", want{false, false, true}},
		{"2026-04-06", "Easter Monday, not in Scotland", want{true, false, true}},
		{"2026-07-13", "Battle of the Boyne on a Sunday moves to Monday", want{false, false, true}},
		{"2024-07-12", "Battle of the Boyne", want{false, false, true}},
		{"2025-07-14", "Battle of the Boyne on a Saturday moves to Monday", want{false, false, true}},
		{"2026-06-15", "Scotland's one-off holiday for the FIFA World Cup", want{false, true, false}},
		{"2026-08-03", "Scotland's summer holiday: first Monday of August", want{false, true, false}},
		{"2026-08-31", "elsewhere the last Monday of August", want{true, false, true}},
		{"2026-11-30", "St Andrew's Day", want{false, true, false}},
		{"2024-12-02", "St Andrew's Day on a Saturday moves to Monday", want{false, true, false}},
		{"2025-12-01", "St Andrew's Day on a Sunday moves to Monday", want{false, true, false}},
		{"2020-12-28", "Boxing Day on a Saturday moves to Monday", want{true, true, true}},
		{"2021-12-27", "Christmas on a Saturday moves to Monday", want{true, true, true}},
		{"2021-12-28", "and Boxing Day to Tuesday", want{true, true, true}},
		{"2022-12-26", "Christmas on a Sunday: Monday is Boxing Day", want{true, true, true}},
		{"2022-12-27", "and Christmas moves to Tuesday", want{true, true, true}},
		{"2026-12-28", "Boxing Day on a Saturday moves to Monday", want{true, true, true}},
		{"2027-12-27", "Christmas on a Saturday", want{true, true, true}},
		{"2027-12-28", "Boxing Day on a Sunday", want{true, true, true}},
		{"2020-05-08", "2020 early May moved to VE Day", want{true, true, true}},
		{"2020-05-04", "so the first Monday was a working day", want{false, false, false}},
		{"2022-06-02", "2022 spring holiday moved to Thursday", want{true, true, true}},
		{"2022-06-03", "Platinum Jubilee", want{true, true, true}},
		{"2022-05-30", "so the last Monday of May was a working day", want{false, false, false}},
		{"2022-09-19", "State Funeral", want{true, true, true}},
		{"2023-05-08", "Coronation", want{true, true, true}},
		{"2023-05-01", "early May as usual in 2023", want{true, true, true}},
		{"2026-05-25", "spring: last Monday of May", want{true, true, true}},
		{"2031-12-25", "beyond the data, projected by the rules", want{true, true, true}},
	}
	for _, c := range cases {
		day := d(t, c.date)
		for n, w := range map[data.Nation]bool{data.England: c.want.ew, data.Wales: c.want.ew, data.Scotland: c.want.sc, data.NorthernIreland: c.want.ni} {
			if _, got := BankHoliday(day, n); got != w {
				t.Errorf("%s in %s (%s): holiday = %v, want %v", c.date, n, c.why, got, w)
			}
		}
	}
}

// Each division has a fixed number of bank holidays a year, plus the
// one-offs of 2022 (two) and 2023 (one).
func TestHolidayCounts(t *testing.T) {
	f, err := holidays.Load()
	if err != nil {
		t.Fatal(err)
	}
	if f.LastVerified != "2026-11-21" || f.Source == "" || f.Note == "" || f.FirstYear != 2020 || f.LastYear != 2030 {
		t.Errorf("data header: %+v", f)
	}
	base := map[string]int{holidays.EnglandAndWales: 8, holidays.Scotland: 9, holidays.NorthernIreland: 10}
	extra := map[int]int{2022: 2, 2023: 1}
	for div, n := range base {
		extra := extra
		if div == holidays.Scotland {
			extra = map[int]int{2022: 2, 2023: 1, 2026: 1}
		}
		perYear := map[int]int{}
		seen := map[string]bool{}
		for _, h := range f.Divisions[div] {
			day := d(t, h.Date)
			if seen[h.Date] {
				t.Errorf("%s: %s listed twice", div, h.Date)
			}
			seen[h.Date] = true
			if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
				t.Errorf("%s: %s (%s) falls at a weekend", div, h.Date, h.Title)
			}
			perYear[day.Year()]++
		}
		for y := 2020; y <= 2030; y++ {
			if got := perYear[y]; got != n+extra[y] {
				t.Errorf("%s %d: %d bank holidays, want %d", div, y, got, n+extra[y])
			}
		}
	}
}

func TestAddWorkingDays(t *testing.T) {
	cases := []struct {
		start  string
		n      int
		nation data.Nation
		want   string
	}{
		{"2026-11-20", 3, data.England, "2026-11-25"},         // Friday + 3 skips the weekend
		{"2026-11-21", 1, data.England, "2026-11-23"},         // from a Saturday
		{"2026-11-23", 0, data.England, "2026-11-23"},         // zero days
		{"2026-11-23", -1, data.England, "2026-11-20"},        // counting back
		{"2026-12-23", 3, data.England, "2026-12-30"},         // over Christmas and Boxing Day (substitute)
		{"2026-12-23", 3, data.Wales, "2026-12-30"},           // Wales uses England's list
		{"2026-12-30", 2, data.England, "2027-01-04"},         // New Year
		{"2026-12-30", 2, data.Scotland, "2027-01-05"},        // Scotland's 2 January (substitute Monday)
		{"2026-04-02", 2, data.England, "2026-04-08"},         // Good Friday and Easter Monday
		{"2026-04-02", 2, data.Scotland, "2026-04-07"},        // Scotland works Easter Monday
		{"2026-11-02", 20, data.Scotland, "2026-12-01"},       // St Andrew's Day
		{"2026-11-02", 20, data.England, "2026-11-30"},        // not in England
		{"2026-03-16", 1, data.NorthernIreland, "2026-03-18"}, // St Patrick's Day
		{"2026-07-10", 1, data.NorthernIreland, "2026-07-14"}, // the Twelfth, substitute Monday
		{"2026-07-10", 1, data.England, "2026-07-13"},
		{"2028-02-28", 1, data.England, "2028-02-29"}, // leap day is a working day
		{"2027-02-26", 1, data.England, "2027-03-01"}, // no 29 February in 2027
		{"2026-11-20", 3, data.Nation(""), "2026-11-25"},
	}
	for _, c := range cases {
		got := AddWorkingDays(d(t, c.start), c.n, c.nation)
		if got != d(t, c.want) {
			t.Errorf("AddWorkingDays(%s, %d, %q) = %s, want %s", c.start, c.n, c.nation, got, c.want)
		}
		if c.n > 0 {
			if back := WorkingDaysBetween(d(t, c.start), got, c.nation); back != c.n {
				t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", c.start, got, back, c.n)
			}
		}
	}
}

func TestIsWorkingDay(t *testing.T) {
	cases := []struct {
		date string
		want bool
	}{
		{"2026-11-21", false}, // Saturday
		{"2026-11-22", false}, // Sunday
		{"2026-11-23", true},
		{"2028-02-29", true},
		{"2026-12-25", false},
	}
	for _, c := range cases {
		if got := IsWorkingDay(d(t, c.date), data.England); got != c.want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", c.date, got, c.want)
		}
	}
}

// The fast day arithmetic agrees with the time package everywhere it is used.
func TestDayNumbers(t *testing.T) {
	start := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 366*105; i++ {
		tm := start.AddDate(0, 0, i)
		day := data.DateOf(tm)
		dn := dayNumber(day)
		if want := int(tm.Unix() / 86400); dn != want {
			t.Fatalf("dayNumber(%s) = %d, want %d", day, dn, want)
		}
		if back := dateOf(dn); back != day {
			t.Fatalf("dateOf(%d) = %s, want %s", dn, back, day)
		}
		if weekdayOf(dn) != tm.Weekday() {
			t.Fatalf("weekdayOf(%s) = %s, want %s", day, weekdayOf(dn), tm.Weekday())
		}
	}
}

func TestMonthEnds(t *testing.T) {
	cases := []struct {
		from   string
		months int
		want   string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2028-01-31", 1, "2028-02-29"}, // leap year
		{"2028-02-29", 12, "2029-02-28"},
		{"2026-08-31", 6, "2027-02-28"},
		{"2026-03-31", 1, "2026-04-30"},
	}
	for _, c := range cases {
		if got := d(t, c.from).AddMonths(c.months); got != d(t, c.want) {
			t.Errorf("%s + %d months = %s, want %s", c.from, c.months, got, c.want)
		}
	}
}

func TestHolidayDataSource(t *testing.T) {
	src, checked, projected, err := HolidayData()
	if err != nil || src == "" || checked != "2026-11-21" || projected == "" {
		t.Errorf("HolidayData() = %q, %q, %q, %v", src, checked, projected, err)
	}
}
