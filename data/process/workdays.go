package process

import (
	"strconv"
	"sync"
	"time"

	"secondopinion/assets/holidays"
	"secondopinion/data"
)

// Bank holidays are kept as one flag per day, indexed from calendFrom, so
// that counting working days for every step of every request stays cheap.
const (
	calendarFirstYear = 2000
	calendarLastYear  = 2099
)

type calendar struct {
	first   int               // day number of 1 January calendarFirstYear
	holiday [3][]bool         // by division index, then day
	names   [3]map[int]string // the holiday's name, by day number
	info    holidays.File
	err     error
}

var (
	calOnce sync.Once
	cal     calendar
)

// loadCalendar builds the table from the shipped data, and from the
// statutory rules for the years the data does not cover.
func loadCalendar() *calendar {
	calOnce.Do(func() {
		c := &cal
		c.first = dayNumber(data.DayOf(calendarFirstYear, time.January, 1))
		last := dayNumber(data.DayOf(calendarLastYear, time.December, 31))
		c.info, c.err = holidays.Load()
		for i, div := range holidays.Divisions {
			c.holiday[i] = make([]bool, last-c.first+1)
			c.names[i] = map[int]string{}
			mark := func(h holidays.Holiday) {
				d, err := data.ParseDate(h.Date)
				if err != nil {
					return
				}
				n := dayNumber(d) - c.first
				if n >= 0 && n < len(c.holiday[i]) {
					c.holiday[i][n] = true
					c.names[i][n] = h.Title
				}
			}
			for y := calendarFirstYear; y <= calendarLastYear; y++ {
				if c.err == nil && y >= c.info.FirstYear && y <= c.info.LastYear {
					continue
				}
				for _, h := range holidays.Project(div, y) {
					mark(h)
				}
			}
			if c.err == nil {
				for _, h := range c.info.Divisions[div] {
					mark(h)
				}
			}
		}
	})
	return &cal
}

func division(n data.Nation) int {
	switch n {
	case data.Scotland:
		return 1
	case data.NorthernIreland:
		return 2
	}
	return 0 // England and Wales; an unknown nation gets the same
}

// HolidayData says where the bank holidays come from: the source, the
// date they were last checked, and the first date that is only projected.
func HolidayData() (source, lastVerified, projectedFrom string, err error) {
	c := loadCalendar()
	return c.info.Source, c.info.LastVerified, c.info.ProjectedFrom, c.err
}

// BankHoliday returns the name of the bank holiday on d in the nation, if any.
func BankHoliday(d data.Date, n data.Nation) (string, bool) {
	c := loadCalendar()
	name, ok := c.names[division(n)][dayNumber(d)-c.first]
	return name, ok
}

// IsWorkingDay reports whether d is neither a weekend nor a bank holiday
// in the nation.
func IsWorkingDay(d data.Date, n data.Nation) bool {
	return isWorking(loadCalendar(), dayNumber(d), division(n))
}

func isWorking(c *calendar, dn, div int) bool {
	if wd := weekdayOf(dn); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	i := dn - c.first
	if i < 0 || i >= len(c.holiday[div]) {
		return true // beyond the table: weekends only
	}
	return !c.holiday[div][i]
}

// AddWorkingDays counts n working days after start: the day something
// arrives is day 0, so 3 working days from a Friday is the Wednesday (or
// later if a bank holiday intervenes). A negative n counts back.
func AddWorkingDays(start data.Date, n int, nation data.Nation) data.Date {
	c := loadCalendar()
	div := division(nation)
	dn := dayNumber(start)
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		dn += step
		if isWorking(c, dn, div) {
			n--
		}
	}
	return dateOf(dn)
}

// WorkingDaysBetween counts the working days after from up to and
// including to; negative when to is earlier.
func WorkingDaysBetween(from, to data.Date, nation data.Nation) int {
	c := loadCalendar()
	div := division(nation)
	a, b := dayNumber(from), dayNumber(to)
	sign := 1
	if b < a {
		a, b, sign = b, a, -1
	}
	count := 0
	for dn := a + 1; dn <= b; dn++ {
		if isWorking(c, dn, div) {
			count++
		}
	}
	return sign * count
}

// addDays is data.Date.AddDays without the trip through time.Time.
func addDays(d data.Date, n int) data.Date { return dateOf(dayNumber(d) + n) }

// dayNumber is the count of days since 1970-01-01 (proleptic Gregorian),
// computed without time.Time so that the agenda's loops stay fast.
func dayNumber(d data.Date) int {
	y, m := d.Year(), int(d.Month())
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day() - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOf is the inverse of dayNumber.
func dateOf(z int) data.Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return data.DayOf(y, time.Month(m), d)
}

func weekdayOf(dn int) time.Weekday {
	return time.Weekday((dn%7 + 7 + 4) % 7) // 1970-01-01 was a Thursday
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// isoDate formats without fmt, for the agenda's hot path.
func isoDate(d data.Date) string {
	b := make([]byte, 0, 10)
	for y := 1000; y > 1 && d.Year() < y; y /= 10 {
		b = append(b, '0') // four digits, as in Date.String
	}
	b = strconv.AppendInt(b, int64(d.Year()), 10)
	b = append(b, '-', byte('0'+int(d.Month())/10), byte('0'+int(d.Month())%10), '-', byte('0'+d.Day()/10), byte('0'+d.Day()%10))
	return string(b)
}
