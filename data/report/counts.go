package report

import (
	"strconv"

	"secondopinion/data"
)

// labelled is any of the data package's enums.
type labelled interface {
	~string
	Label() string
}

// breakdown counts rows by one field, in the enum's own order, every value
// shown even at zero so that reports line up period after period. Values
// not recorded (or not known to this version) come last.
func breakdown[E labelled](rows []Row, all []E, field func(Row) E) []Count {
	idx := make(map[E]int, len(all))
	out := make([]Count, len(all), len(all)+1)
	for i, e := range all {
		idx[e] = i
		out[i] = Count{Key: string(e), Label: e.Label()}
	}
	other := 0
	for _, r := range rows {
		if i, ok := idx[field(r)]; ok {
			out[i].N++
		} else {
			other++
		}
	}
	if other > 0 {
		out = append(out, Count{Key: "", Label: "Not recorded", N: other})
	}
	return out
}

// outcomeCounts always lists the answers; "closed without an answer" only
// when there is one, since it is rare.
func outcomeCounts(rows []Row) []Count {
	out := breakdown(rows, Outcomes, func(r Row) Outcome { return r.Outcome })
	if last := len(out) - 1; out[last].Key == string(OutcomeClosed) && out[last].N == 0 {
		out = out[:last]
	}
	return out
}

// months counts openings per calendar month, with empty months included,
// from the period's first month (or the earliest opening) to its last (or
// the later of the latest opening and today).
func months(rows []Row, from, to, today data.Date) []Month {
	first, last := monthOf(from), monthOf(to)
	if first.IsZero() && len(rows) > 0 {
		first = monthOf(rows[0].Opened) // rows are sorted by opening day
	}
	if to.IsZero() {
		last = monthOf(today)
		if n := len(rows); n > 0 && last.Before(rows[n-1].Opened) {
			last = monthOf(rows[n-1].Opened)
		}
	}
	if first.IsZero() || last.IsZero() || last.Before(first) {
		return nil
	}
	var out []Month
	for m := first; !m.After(last); m = m.AddMonths(1) {
		out = append(out, Month{Start: m})
	}
	for _, r := range rows {
		i := (r.Opened.Year()-first.Year())*12 + int(r.Opened.Month()-first.Month())
		if i >= 0 && i < len(out) {
			out[i].N++
		}
	}
	return out
}

func monthOf(d data.Date) data.Date {
	if d.IsZero() {
		return d
	}
	return data.DayOf(d.Year(), d.Month(), 1)
}

func itoa(n int) string { return strconv.Itoa(n) }
