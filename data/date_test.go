package data

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in      string
		want    Date
		wantErr string
	}{
		{"21/11/2026", MustDate(2026, 11, 21), ""},
		{" 1/2/2024 ", MustDate(2024, 2, 1), ""},
		{"29/02/2028", MustDate(2028, 2, 29), ""},
		{"21-11-2026", MustDate(2026, 11, 21), ""},
		{"21.11.2026", MustDate(2026, 11, 21), ""},
		{"21 November 2026", MustDate(2026, 11, 21), ""},
		{"21 nov 2026", MustDate(2026, 11, 21), ""},
		{"3 Sept 2025", MustDate(2025, 9, 3), ""},
		{"2026-11-21", MustDate(2026, 11, 21), ""},
		{"", Date{}, ""},
		{"31/02/2026", Date{}, "not a real date"},
		{"29/02/2027", Date{}, "not a real date"},
		{"00/01/2026", Date{}, "not a real date"},
		{"12/13/2026", Date{}, "not a real date"},
		{"01/02/03", Date{}, "year in full"},
		{"yesterday", Date{}, "day/month/year"},
		{"21 Smarch 2026", Date{}, "day/month/year"},
		{strings.Repeat("9", 500), Date{}, "day/month/year"},
	}
	for _, c := range cases {
		got, err := ParseDate(c.in)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("ParseDate(%q) error = %v, want one containing %q", c.in, err, c.wantErr)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

func TestAddMonthsKeepsToMonthEnds(t *testing.T) {
	cases := []struct {
		from Date
		n    int
		want Date
	}{
		{MustDate(2026, 1, 31), 1, MustDate(2026, 2, 28)},
		{MustDate(2028, 1, 31), 1, MustDate(2028, 2, 29)},
		{MustDate(2026, 3, 31), 1, MustDate(2026, 4, 30)},
		{MustDate(2026, 11, 21), 1, MustDate(2026, 12, 21)},
		{MustDate(2026, 12, 15), 1, MustDate(2027, 1, 15)},
		{MustDate(2026, 8, 31), 6, MustDate(2027, 2, 28)},
		{MustDate(2026, 11, 21), 12, MustDate(2027, 11, 21)},
		{MustDate(2028, 2, 29), 12, MustDate(2029, 2, 28)},
		{MustDate(2026, 3, 31), -1, MustDate(2026, 2, 28)},
	}
	for _, c := range cases {
		if got := c.from.AddMonths(c.n); got != c.want {
			t.Errorf("%v + %d months = %v, want %v", c.from, c.n, got, c.want)
		}
	}
}

func TestDateFormsAndOrder(t *testing.T) {
	d := MustDate(2026, 11, 1)
	if d.Long() != "1 November 2026" || d.UK() != "01/11/2026" || d.String() != "2026-11-01" {
		t.Errorf("forms: %q %q %q", d.Long(), d.UK(), d.String())
	}
	if (Date{}).Long() != "" || !(Date{}).IsZero() {
		t.Error("the zero date should print as nothing")
	}
	if !d.Before(d.AddDays(1)) || d.AddDays(-1).After(d) || d.DaysUntil(MustDate(2026, 12, 1)) != 30 {
		t.Error("ordering is wrong")
	}
	if d.AddDays(365).Weekday() != time.Monday {
		t.Errorf("1 Nov 2027 is a Monday, got %v", d.AddDays(365).Weekday())
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"21/11/2026", "2026-11-21", "31 December 1999", "1.1.1", "", "//", "29 feb 2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.IsZero() {
			return
		}
		// Anything accepted is a real day that reads back the same.
		again, err := ParseDate(d.UK())
		if err != nil || again != d {
			t.Fatalf("%q parsed as %v, which reads back as %v, %v", s, d, again, err)
		}
	})
}

// Dates are kept packed into one number; every day from 1 January 1 to
// 31 December 9999 must come back as its parts and order as the calendar
// does, day after day, across month and year ends and leap days.
func TestPackedDatesKeepTheirPartsAndOrder(t *testing.T) {
	prev := Date{}
	for day := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() <= 9999; day = day.AddDate(0, 0, 1) {
		d := DateOf(day)
		if d.Year() != day.Year() || d.Month() != day.Month() || d.Day() != day.Day() {
			t.Fatalf("%s came back as %d-%d-%d", day.Format(time.DateOnly), d.Year(), d.Month(), d.Day())
		}
		if !prev.Before(d) || d.Compare(prev) != 1 || d.IsZero() {
			t.Fatalf("%s does not come after %s", d, prev)
		}
		prev = d
	}
	if n, err := NewDate(2028, time.February, 29); err != nil || n.String() != "2028-02-29" || n.Time() != time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC) {
		t.Errorf("29 February 2028 is %v, %v", n, err)
	}
	if _, err := NewDate(2027, time.February, 29); err == nil {
		t.Error("29 February 2027 was taken as a real day")
	}
	if (Date{}).Year() != 0 || (Date{}).Month() != 0 || (Date{}).Day() != 0 || !(Date{}).Before(MustDate(1, 1, 1)) {
		t.Error("the zero date has parts, or does not sort first")
	}
	// Worked out from the zero date, a day falls before year 1: it stays
	// the zero date rather than wrapping round to sort after every day.
	if d := (Date{}).AddDays(10); !d.IsZero() || !d.Before(MustDate(2026, 1, 1)) {
		t.Errorf("ten days after the zero date is %d-%d-%d", d.Year(), d.Month(), d.Day())
	}
}
