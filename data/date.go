package data

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day with no time of day or zone: the unit of every
// deadline, letter and step. The zero Date means "not given".
//
// The year, month and day are packed into four bytes, in that order, so
// that dates compare as numbers: a team's caseload of 50,000 people holds
// half a million dates, which as three whole numbers each took 12 MB.
type Date struct{ ymd uint32 }

// dayBits and monthBits are the places of the day and month in ymd.
const (
	dayBits   = 5 // 1 to 31
	monthBits = 4 // 1 to 12
)

// DayOf is the date of the year, month and day given, which the caller
// knows to be a real day (worked out from another date, say); NewDate is
// for anything typed or read. A year outside 1 to 9999 (days before the
// zero date, worked out from it) is the zero date: packed, it would wrap
// round and sort after every real day.
func DayOf(year int, month time.Month, day int) Date {
	if year < 1 || year > 9999 {
		return Date{}
	}
	return Date{uint32(year)<<(monthBits+dayBits) | uint32(month)<<dayBits | uint32(day)}
}

// Year, Month and Day are the date's parts; all 0 for the zero date.
func (d Date) Year() int         { return int(d.ymd >> (monthBits + dayBits)) }
func (d Date) Month() time.Month { return time.Month(d.ymd >> dayBits & (1<<monthBits - 1)) }
func (d Date) Day() int          { return int(d.ymd & (1<<dayBits - 1)) }

// NewDate returns the date, or an error if it is not a real day (31/02).
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return Date{}, fmt.Errorf("%02d/%02d/%04d is not a real date", day, int(month), year)
	}
	return DayOf(year, month, day), nil
}

// MustDate is NewDate for constants in code and tests; it panics on a bad date.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return DayOf(y, m, d)
}

// Today is the local calendar day.
func Today() Date { return DateOf(time.Now()) }

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == Date{} }

// Time is midnight UTC at the start of the day.
func (d Date) Time() time.Time { return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC) }

// Weekday is the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddDays moves by whole calendar days (negative to go back).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths moves by calendar months, keeping to the last day of a shorter
// month: 31 January + 1 month is 28 (or 29) February, not 2 March.
func (d Date) AddMonths(n int) Date {
	total := d.Year()*12 + int(d.Month()-1) + n
	y, m := total/12, time.Month(total%12+1)
	day := d.Day()
	if last := daysIn(y, m); day > last {
		day = last
	}
	return DayOf(y, m, day)
}

// DaysUntil is the number of calendar days from d to other (negative if other is earlier).
func (d Date) DaysUntil(other Date) int {
	return int(other.Time().Sub(d.Time()).Hours() / 24)
}

// Before, After and Compare order dates; the zero date sorts first.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }
func (d Date) After(o Date) bool  { return d.Compare(o) > 0 }
func (d Date) Compare(o Date) int { return cmp.Compare(d.ymd, o.ymd) }

// String is the ISO form, 2026-11-21, used in storage and exports; "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day())
}

// UK is the form people type and read in forms: 21/11/2026.
func (d Date) UK() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day(), int(d.Month()), d.Year())
}

// Long is the form used in letters: 21 November 2026.
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day(), d.Month(), d.Year())
}

// ParseDate reads a date as people write it in the UK: 21/11/2026, 21-11-2026,
// 21.11.2026, 21 November 2026, 21 Nov 2026, or the ISO form 2026-11-21.
// Two-digit years are refused, since 01/02/03 is ambiguous. Blank gives the
// zero date and no error; the caller decides whether the date is required.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if len(s) > 40 {
		return Date{}, errBadDate(s[:40] + "…")
	}
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == '/' || r == '-' || r == '.' || r == ' ' || r == ','
	})
	if len(fields) != 3 {
		return Date{}, errBadDate(s)
	}
	var day, year int
	var month time.Month
	var err error
	if len(fields[0]) == 4 { // ISO: year first
		year, err = strconv.Atoi(fields[0])
		if err == nil {
			month, err = parseMonth(fields[1])
		}
		if err == nil {
			day, err = strconv.Atoi(fields[2])
		}
	} else {
		day, err = strconv.Atoi(fields[0])
		if err == nil {
			month, err = parseMonth(fields[1])
		}
		if err == nil {
			if len(fields[2]) != 4 {
				return Date{}, fmt.Errorf("please write the year in full, for example %s", exampleDate)
			}
			year, err = strconv.Atoi(fields[2])
		}
	}
	if err != nil {
		return Date{}, errBadDate(s)
	}
	return NewDate(year, month, day)
}

const exampleDate = "21/11/2026"

func errBadDate(s string) error {
	return fmt.Errorf("%q is not a date we can read: please write it as day/month/year, for example %s", s, exampleDate)
}

func parseMonth(s string) (time.Month, error) {
	if n, err := strconv.Atoi(s); err == nil {
		return time.Month(n), nil
	}
	if len(s) >= 3 {
		ls := strings.ToLower(s)
		for m := time.January; m <= time.December; m++ {
			name := strings.ToLower(m.String())
			if ls == name || (len(ls) >= 3 && strings.HasPrefix(name, ls)) {
				return m, nil
			}
		}
	}
	return 0, fmt.Errorf("unknown month %q", s)
}
