package report

import (
	"cmp"
	"slices"

	"secondopinion/data"
	"secondopinion/data/process"
)

// Report is the figures for the requests opened in a period.
type Report struct {
	From, To data.Date // inclusive; a zero date leaves that end open
	Today    data.Date // the day "now" means: overdue, outcomes so far

	Opened     int // requests opened in the period
	ByRoute    []Count
	BySubject  []Count
	ByReason   []Count
	ByAskedBy  []Count
	ByAskedHow []Count
	ByNation   []Count
	Outcomes   []Count // the latest answer on each request

	// Decisions is how many requests have a decision (agreed, refused or
	// partly) to time from their first letter; MedianDays is the median
	// of those times in calendar days, meaningful only when Decisions > 0.
	Decisions  int
	MedianDays float64

	// Refusals that were each request's first decision, split by whether
	// they came within ReplyDays of the request (the reply time the user's
	// letters ask for), and those logged as giving no reasons.
	ReplyDays        int
	RefusedInTime    int
	RefusedLate      int
	RefusedNoReasons int

	// OverdueRequests have at least one deadline past today;
	// OverdueItems counts the deadlines.
	OverdueRequests int
	OverdueItems    int

	Minutes int     // time logged on the steps of these requests
	Months  []Month // requests opened per calendar month, gaps included
	Rows    []Row   // one per request, by opening day
}

// Count is one line of a breakdown.
type Count struct {
	Key   string // the stored value; "" for not recorded
	Label string
	N     int
}

// Month is one bar of the requests-per-month chart.
type Month struct {
	Start data.Date // the first of the month
	N     int
}

// Label is the short form used under a bar: "Nov 2026".
func (m Month) Label() string { return m.Start.Month().String()[:3] + " " + itoa(m.Start.Year()) }

// Row is one request, as exported.
type Row struct {
	RequestID  string
	PersonID   string
	PersonName string
	Nation     data.Nation
	Opened     data.Date
	Route      data.Route
	Subject    data.Subject
	Reason     data.ReasonCategory
	AskedBy    data.AskedBy
	AskedHow   data.AskedHow
	State      process.State
	Outcome    Outcome
	// DaysToDecision is meaningful when Decided.
	DaysToDecision int
	Decided        bool
	// Refused: the first decision was a refusal; RefusedInTime: within
	// the report's ReplyDays; RefusedNoReasons: logged as giving none.
	Refused          bool
	RefusedInTime    bool
	RefusedNoReasons bool
	Overdue          bool
	Minutes          int
}

// Build works out the report for requests opened from from to to
// (inclusive; a zero date leaves that end open), as on today.
func Build(people []data.Person, requests []data.Request, steps []data.Step, from, to, today data.Date) Report {
	return BuildWith(people, requests, steps, from, to, today, process.Config{})
}

// BuildWith is Build with the agenda's settings (chase period, contacts),
// so that "overdue" matches the agenda the user sees.
func BuildWith(people []data.Person, requests []data.Request, steps []data.Step, from, to, today data.Date, cfg process.Config) Report {
	r := Report{From: from, To: to, Today: today, ReplyDays: cfg.ReplyDays()}
	byPerson := make(map[string]*data.Person, len(people))
	for i := range people {
		byPerson[people[i].ID] = &people[i]
	}
	byRequest := process.GroupSteps(steps)

	inRange := make([]data.Request, 0, len(requests))
	days := make([]int, 0, len(requests))
	r.Rows = make([]Row, 0, len(requests))
	for _, req := range requests {
		rs := byRequest[req.ID]
		f := factsOf(req, rs)
		if !within(f.opened, from, to) {
			continue
		}
		inRange = append(inRange, req)
		row := Row{RequestID: req.ID, PersonID: req.PersonID, Opened: f.opened, Route: req.Route,
			Subject: req.Subject, Reason: req.ReasonCategory, AskedBy: req.AskedBy, AskedHow: req.AskedHow,
			State: process.StateOf(rs), Outcome: f.outcome, Minutes: f.minutes}
		if p := byPerson[req.PersonID]; p != nil {
			row.PersonName, row.Nation = p.Name, p.Nation
		}
		if d, ok := f.daysToDecision(); ok {
			row.DaysToDecision, row.Decided = d, true
			days = append(days, d)
		}
		row.Refused, row.RefusedInTime = f.refusal(r.ReplyDays)
		row.RefusedNoReasons = row.Refused && f.decision.NoReasons
		r.Rows = append(r.Rows, row)
	}

	overdue := overdueItems(people, inRange, steps, today, cfg)
	for i := range r.Rows {
		row := &r.Rows[i]
		if n := overdue[row.RequestID]; n > 0 {
			row.Overdue = true
			r.OverdueRequests++
			r.OverdueItems += n
		}
		if row.Refused && row.RefusedInTime {
			r.RefusedInTime++
		} else if row.Refused {
			r.RefusedLate++
		}
		if row.RefusedNoReasons {
			r.RefusedNoReasons++
		}
		r.Minutes += row.Minutes
	}
	r.Rows = sortRows(r.Rows)

	r.Opened = len(r.Rows)
	r.Decisions = len(days)
	r.MedianDays = Median(days)
	r.ByRoute = breakdown(r.Rows, data.Routes, func(x Row) data.Route { return x.Route })
	r.BySubject = breakdown(r.Rows, data.Subjects, func(x Row) data.Subject { return x.Subject })
	r.ByReason = breakdown(r.Rows, data.ReasonCategories, func(x Row) data.ReasonCategory { return x.Reason })
	r.ByAskedBy = breakdown(r.Rows, data.AskedBys, func(x Row) data.AskedBy { return x.AskedBy })
	r.ByAskedHow = breakdown(r.Rows, data.AskedHows, func(x Row) data.AskedHow { return x.AskedHow })
	r.ByNation = breakdown(r.Rows, data.Nations, func(x Row) data.Nation { return x.Nation })
	r.Outcomes = outcomeCounts(r.Rows)
	r.Months = months(r.Rows, from, to, today)
	return r
}

// sortRows orders rows by opening day, then id. Rows are large, so it
// sorts small keys and moves each row once.
func sortRows(rows []Row) []Row {
	keys := make([]int, len(rows))
	for i := range keys {
		keys[i] = i
	}
	slices.SortFunc(keys, func(x, y int) int {
		a, b := &rows[x], &rows[y]
		return cmp.Or(a.Opened.Compare(b.Opened), cmp.Compare(a.RequestID, b.RequestID))
	})
	out := make([]Row, len(rows))
	for n, k := range keys {
		out[n] = rows[k]
	}
	return out
}

// within reports whether d is in [from, to], either end open when zero.
func within(d, from, to data.Date) bool {
	return (from.IsZero() || !d.Before(from)) && (to.IsZero() || !d.After(to))
}

// overdueItems counts, per request, the agenda's items past their date.
func overdueItems(people []data.Person, requests []data.Request, steps []data.Step, today data.Date, cfg process.Config) map[string]int {
	n := map[string]int{}
	if today.IsZero() || len(requests) == 0 {
		return n
	}
	for _, it := range process.Agenda(people, requests, steps, today, cfg) {
		if it.Overdue {
			n[it.RequestID]++
		}
	}
	return n
}
