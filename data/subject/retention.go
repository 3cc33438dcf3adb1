package subject

import (
	"sort"
	"strconv"
	"strings"

	"secondopinion/data"
	"secondopinion/data/process"
)

// SettingRetentionYears is the setting holding how many years records are
// kept after a person's last request is closed; unset (the default) means
// no retention period, and no one is ever listed.
const SettingRetentionYears = "records.retention-years"

// LimitRetentionYears is the longest period the setting accepts.
const LimitRetentionYears = 100

// ParseYears reads the setting: a whole number of years from 1 to
// LimitRetentionYears, or 0 for none (unset, blank or not a number).
func ParseYears(v string) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > LimitRetentionYears {
		return 0
	}
	return n
}

// Past is a person whose records are past the retention period.
type Past struct {
	Person data.Person
	// Closed is when their last request was closed, or, for someone with
	// no requests, the day they were added.
	Closed data.Date
	// Due is when the period ended: Closed plus the years.
	Due          data.Date
	NoRequests   bool
	RequestCount int
}

// PastRetention lists the people whose records have been kept for years
// after their last request closed, by the date the period ended, oldest
// first. Someone with any request still open is never listed; nor is
// anyone when years is 0, nor anyone anonymised already. It only lists:
// erasing or anonymising is always a person's decision, one record at a
// time.
func PastRetention(people []data.Person, requests []data.Request, steps []data.Step, years int, today data.Date) []Past {
	if years < 1 {
		return nil
	}
	byRequest := map[string][]data.Step{}
	for _, s := range steps {
		byRequest[s.RequestID] = append(byRequest[s.RequestID], s)
	}
	type tally struct {
		count  int
		open   bool
		closed data.Date
	}
	t := map[string]*tally{}
	for _, r := range requests {
		x := t[r.PersonID]
		if x == nil {
			x = &tally{}
			t[r.PersonID] = x
		}
		x.count++
		st := process.StateOf(byRequest[r.ID])
		if st.Open() {
			x.open = true
			continue
		}
		if st.Since.After(x.closed) {
			x.closed = st.Since
		}
	}
	var out []Past
	for _, p := range people {
		if !p.AnonymisedOn.IsZero() {
			continue // only the figures are left, which the period does not cover
		}
		x := t[p.ID]
		past := Past{Person: p}
		switch {
		case x == nil:
			past.NoRequests, past.Closed = true, data.DateOf(p.CreatedAt.Local())
		case x.open || x.closed.IsZero():
			continue
		default:
			past.Closed, past.RequestCount = x.closed, x.count
		}
		past.Due = past.Closed.AddMonths(12 * years)
		if past.Due.After(today) {
			continue
		}
		out = append(out, past)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}
