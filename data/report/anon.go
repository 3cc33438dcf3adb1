package report

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"strconv"
	"strings"

	"secondopinion/data"
)

// MinGroup is the smallest number of requests any line of an anonymised
// export may stand for: every combination of what a line shows is shared
// by at least this many, and counts below it are not shown, as NHS
// statistics do.
const MinGroup = 5

// withheldMark stands for a value taken out of a line so that the line is
// shared by at least MinGroup requests.
const withheldMark = "*"

// anonymise turns rows into lines fit to send outside the practice or
// service. Nothing that names or links a person goes (names, ids, the
// person's number, free text, exact days: the opening day becomes its
// month, and days and minutes become ranges), and every line is made to
// share all that it shows with at least MinGroup-1 others: where it does
// not, the values that matter least to a trend are taken out one by one
// (shown as *), and a line that is still too rare is withheld. Lines are
// ordered by month, then shuffled within it, so their order gives no day
// away. withheld counts the requests left out.
func anonymise(rows []Row) (lines [][]string, withheld int) {
	seed := maphash.MakeSeed() // new each time: lines cannot be matched between files
	type line struct {
		key    uint64
		fields []string
		done   bool
	}
	ls := make([]*line, len(rows))
	for i := range rows {
		ls[i] = &line{key: maphash.String(seed, rows[i].RequestID), fields: anonFields(rows[i])}
	}
	// Level by level, the lines not yet safe lose one more field. A line at
	// one level can only match lines at the same level (the others keep a
	// value where it has *), so a group found safe stays safe.
	for level := 0; level <= len(suppressOrder); level++ {
		groups := map[string]int{}
		for _, l := range ls {
			if !l.done {
				if level > 0 {
					l.fields[suppressOrder[level-1]] = withheldMark
				}
				groups[strings.Join(l.fields, "\x00")]++
			}
		}
		for _, l := range ls {
			if !l.done && groups[strings.Join(l.fields, "\x00")] >= MinGroup {
				l.done = true
			}
		}
	}
	kept := ls[:0]
	for _, l := range ls {
		if l.done {
			kept = append(kept, l)
		} else {
			withheld++
		}
	}
	slices.SortFunc(kept, func(a, b *line) int {
		return cmp.Or(cmp.Compare(a.fields[anonMonth], b.fields[anonMonth]), cmp.Compare(a.key, b.key))
	})
	lines = make([][]string, len(kept))
	for i, l := range kept {
		lines[i] = append([]string{strconv.Itoa(i + 1)}, l.fields...)
	}
	return lines, withheld
}

// The fields of an anonymised line, after its line number.
const (
	anonNation = iota
	anonMonth
	anonRoute
	anonSubject
	anonReason
	anonAskedBy
	anonAskedHow
	anonState
	anonOutcome
	anonDays
	anonInTime
	anonNoReasons
	anonOverdue
	anonMinutes
)

// suppressOrder is the order in which fields are taken out of a line too
// rare to send: what matters least to a trend first. The nation is never
// taken out; a line rare even by nation and nothing else is withheld.
var suppressOrder = []int{anonMinutes, anonDays, anonNoReasons, anonInTime, anonOverdue, anonState,
	anonAskedHow, anonAskedBy, anonReason, anonOutcome, anonSubject, anonRoute, anonMonth}

func anonFields(r Row) []string {
	month := ""
	if !r.Opened.IsZero() {
		month = fmt.Sprintf("%04d-%02d", r.Opened.Year(), int(r.Opened.Month()))
	}
	days := ""
	if r.Decided {
		days = band(r.DaysToDecision, []int{7, 14, 28, 56}, "days")
	}
	inTime, noReasons := "", ""
	if r.Refused {
		inTime, noReasons = yesNo(r.RefusedInTime), yesNo(r.RefusedNoReasons)
	}
	return []string{r.Nation.Label(), month, label(r.Route), label(r.Subject), label(r.Reason), label(r.AskedBy),
		label(r.AskedHow), r.State.Label(), r.Outcome.Label(), days, inTime, noReasons, yesNo(r.Overdue),
		band(r.Minutes, []int{30, 60, 120, 240}, "min")}
}

// band writes n as the range it falls in: "0–7 days", "57+ days".
func band(n int, edges []int, unit string) string {
	low := 0
	for _, e := range edges {
		if n <= e {
			return fmt.Sprintf("%d–%d %s", low, e, unit)
		}
		low = e + 1
	}
	return fmt.Sprintf("%d+ %s", low, unit)
}

// anonHeader names the anonymised lines' columns.
func anonHeader(replyDays int) []string {
	return []string{"Line", "Nation", "Opened (month)", "Route", "Subject", "Reason", "Asked by", "Asked how",
		"State", "Outcome", "Days to decision", fmt.Sprintf("Refusal answered within %d days", replyDays),
		"Refusal gave no reasons", "Overdue", "Minutes logged"}
}

// wholeMonths reports whether the period is made of whole calendar
// months (an open end counts): an export for a shorter period would let
// exports of single days recover the dates the months hide.
func wholeMonths(from, to data.Date) bool {
	if !from.IsZero() && from.Day() != 1 {
		return false
	}
	return to.IsZero() || to.AddDays(1).Day() == 1
}

// ErrNotWholeMonths is the anonymised export refused for a period that
// does not start on the 1st and end on a month's last day.
var ErrNotWholeMonths = &data.UserError{Message: "An anonymised export covers whole months only, so that no one can " +
	"work out the day of a request. Please choose a period from the 1st of a month to the last day of a month."}
