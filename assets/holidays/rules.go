package holidays

import (
	"fmt"
	"time"
)

// Project returns a division's bank holidays for one year by the rules of
// the Banking and Financial Dealings Act 1971 and the standing royal
// proclamations, plus the one-off changes announced for 2020–2023 and
// Scotland's for 2026. It is
// how the shipped data was made, and how years beyond it are estimated.
func Project(division string, year int) []Holiday {
	var hs []Holiday
	add := func(d time.Time, title string) {
		hs = append(hs, Holiday{d.Format(time.DateOnly), title})
	}
	day := func(m time.Month, d int) time.Time { return time.Date(year, m, d, 0, 0, 0, 0, time.UTC) }

	// New Year: a weekend day moves to the next free weekday.
	jan1 := day(time.January, 1)
	if division == Scotland {
		// 1 and 2 January are both holidays; if either falls at a
		// weekend, the substitute days follow the pair.
		free := []time.Time{}
		for d := jan1; len(free) < 2; d = d.AddDate(0, 0, 1) {
			if !weekend(d) {
				free = append(free, d)
			}
		}
		if jan1.Weekday() == time.Sunday {
			// Monday 2nd is 2nd January itself; New Year's Day moves on.
			add(free[0], "2nd January")
			add(free[1], "New Year's Day (substitute day)")
		} else {
			add(free[0], titled("New Year's Day", free[0], jan1))
			add(free[1], titled("2nd January", free[1], day(time.January, 2)))
		}
	} else {
		d := nextWeekday(jan1)
		add(d, titled("New Year's Day", d, jan1))
	}

	if division == NorthernIreland {
		p := nextWeekday(day(time.March, 17))
		add(p, titled("St Patrick's Day", p, day(time.March, 17)))
	}

	easter := Easter(year)
	add(easter.AddDate(0, 0, -2), "Good Friday")
	if division != Scotland {
		add(easter.AddDate(0, 0, 1), "Easter Monday")
	}

	switch year {
	case 2020:
		add(day(time.May, 8), "Early May bank holiday (VE day)")
	case 2023:
		add(firstMonday(year, time.May), "Early May bank holiday")
		add(day(time.May, 8), "Bank holiday for the coronation of King Charles III")
	default:
		add(firstMonday(year, time.May), "Early May bank holiday")
	}

	if year == 2022 {
		add(day(time.June, 2), "Spring bank holiday")
		add(day(time.June, 3), "Platinum Jubilee bank holiday")
	} else {
		add(lastMonday(year, time.May), "Spring bank holiday")
	}

	if division == Scotland && year == 2026 {
		// By Royal Proclamation: the Scottish Government announced the
		// King's approval in February 2026 (checked 2026-12-04).
		add(day(time.June, 15), "Bank holiday for the FIFA World Cup")
	}

	if division == NorthernIreland {
		b := nextWeekday(day(time.July, 12))
		add(b, titled("Battle of the Boyne (Orangemen's Day)", b, day(time.July, 12)))
	}

	if division == Scotland {
		add(firstMonday(year, time.August), "Summer bank holiday")
	} else {
		add(lastMonday(year, time.August), "Summer bank holiday")
	}

	if year == 2022 {
		add(day(time.September, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II")
	}

	if division == Scotland {
		a := nextWeekday(day(time.November, 30))
		add(a, titled("St Andrew's Day", a, day(time.November, 30)))
	}

	// Christmas and Boxing Day: weekend days move to the next free weekdays.
	xmas, boxing := day(time.December, 25), day(time.December, 26)
	free := []time.Time{}
	for d := xmas; len(free) < 2; d = d.AddDate(0, 0, 1) {
		if !weekend(d) {
			free = append(free, d)
		}
	}
	// When Christmas is a Sunday, Monday 26th is Boxing Day itself and
	// Christmas moves to the Tuesday.
	if xmas.Weekday() == time.Sunday {
		add(free[0], "Boxing Day")
		add(free[1], "Christmas Day (substitute day)")
	} else {
		add(free[0], titled("Christmas Day", free[0], xmas))
		add(free[1], titled("Boxing Day", free[1], boxing))
	}
	sortHolidays(hs)
	return hs
}

func titled(name string, got, want time.Time) string {
	if got.Equal(want) {
		return name
	}
	return name + " (substitute day)"
}

func weekend(d time.Time) bool {
	return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
}

func nextWeekday(d time.Time) time.Time {
	for weekend(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

func firstMonday(year int, m time.Month) time.Time {
	d := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

func lastMonday(year int, m time.Month) time.Time {
	d := time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// Easter is Easter Sunday in the Gregorian calendar (the anonymous
// "Meeus/Jones/Butcher" algorithm).
func Easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

func sortHolidays(hs []Holiday) {
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && hs[j].Date < hs[j-1].Date; j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
}

// Check reports a division name that is not one of Divisions.
func Check(division string) error {
	for _, d := range Divisions {
		if d == division {
			return nil
		}
	}
	return fmt.Errorf("unknown bank holiday division %q", division)
}
