package process

import (
	"cmp"
	"runtime"
	"slices"
	"sync"

	"secondopinion/data"
)

// Item is one line of the agenda: something owed, or to do, by a date.
type Item struct {
	Date       data.Date
	Overdue    bool
	PersonID   string
	PersonName string
	RequestID  string
	StepID     string // the step that set the date
	What       string // what is owed, or what to do
	Rule       Rule   // where the date comes from; empty for a date the user set
	NextAction Action // the first suggestion for the request, if any
}

// Agenda lists everything due or overdue across all requests, soonest
// first. steps may come in any order; within a request they are put in
// timeline order. Closing a request settles everything before it.
func Agenda(people []data.Person, requests []data.Request, steps []data.Step, today data.Date, cfg Config) []Item {
	each := make([]*data.Request, len(requests))
	for i := range requests {
		each[i] = &requests[i]
	}
	return AgendaOf(people, each, Whole, TimelineOf(GroupSteps(steps)), today, cfg)
}

// Timeline gives a request's steps, put into into (which it may grow) so
// that one list serves request after request: a caseload in memory keeps
// its timelines in a shorter form than data.Step, and making them all at
// once would hold the whole caseload's steps again. It must be safe to
// call from several goroutines.
type Timeline func(requestID string, into []data.Step) []data.Step

// TimelineOf is a Timeline over steps grouped by request already.
func TimelineOf(byRequest map[string][]data.Step) Timeline {
	return func(id string, into []data.Step) []data.Step { return append(into, byRequest[id]...) }
}

// AgendaOf is Agenda for requests and timelines a caseload in memory keeps;
// a timeline not in timeline order is put in it. request gives each of the
// requests as the rules read it, one at a time: a caseload may keep them in
// a shorter form, and copying them all was tens of megabytes each time
// Today was worked out, for 50,000 people.
func AgendaOf[R any](people []data.Person, requests []R, request func(R) data.Request, timeline Timeline, today data.Date, cfg Config) []Item {
	dated, _ := ListAgenda(people, requests, request, timeline, today, cfg, Listing{})
	return dated
}

// Listing says what ListAgenda lists besides every dated item.
type Listing struct {
	// Soonest keeps only each request's soonest item.
	Soonest bool
	// Undated, if set, is asked about each request with no dated item,
	// with its timeline (p is nil when the request's person is not among
	// the people). It is called from several goroutines at once.
	Undated func(req data.Request, p *data.Person, steps []data.Step) (Item, bool)
}

// ListAgenda is AgendaOf as l says: the dated items soonest first, and
// apart from them, in lists in no particular order, what l.Undated gave.
// The dated list has room for the undated ones after it.
//
// Requests are worked through in parts, one part to each processor, each
// part sorted on its own and the parts then merged: with 50,000 people,
// Today took 700 ms on one core of two, and sorting all the items on one
// core and asking for Today's undated requests on another pass over them
// were a third of what was left.
func ListAgenda[R any](people []data.Person, requests []R, request func(R) data.Request, timeline Timeline, today data.Date, cfg Config, l Listing) (dated []Item, undated [][]Item) {
	byPerson := make(map[string]*data.Person, len(people))
	for i := range people {
		byPerson[people[i].ID] = &people[i]
	}
	parts := min(runtime.GOMAXPROCS(0), len(requests)/minPartRequests+1)
	sorted, undated := make([][]Item, parts), make([][]Item, parts)
	var wg sync.WaitGroup
	for k := range parts {
		part := requests[len(requests)*k/parts : len(requests)*(k+1)/parts]
		wg.Go(func() { sorted[k], undated[k] = agendaPart(byPerson, part, request, timeline, today, cfg, l) })
	}
	wg.Wait()
	spare := 0
	for _, u := range undated {
		spare += len(u)
	}
	return mergeItems(sorted, spare), undated
}

// Whole is the request function of AgendaOf for requests kept whole.
func Whole(r *data.Request) data.Request { return *r }

// minPartRequests is the fewest requests worth a goroutine of their own.
const minPartRequests = 2000

// agendaPart is the items of some of the requests: the dated ones sorted,
// and what l.Undated gave.
func agendaPart[R any](byPerson map[string]*data.Person, requests []R, request func(R) data.Request, timeline Timeline, today data.Date, cfg Config, l Listing) (dated, undated []Item) {
	// Most requests owe nothing today, or only what a later step settled:
	// with 50,000 people, a third of a dated item for each request. Room
	// for one each was twice the memory of them all, at the height of
	// signing in; a list that outgrows half grows as lists do.
	items := make([]Item, 0, len(requests)/2)
	if l.Undated != nil {
		// Half again, for Today: with 50,000 people, two requests in five
		// wait on the user. Grown from nothing, the list was 6 MB more.
		undated = make([]Item, 0, len(requests)/2)
	}
	var buf []Deadline
	var rs []data.Step // each request's timeline in turn; items copy what they need of it
	for _, each := range requests {
		req := request(each)
		rs = timeline(req.ID, rs[:0])
		p := byPerson[req.PersonID]
		if len(rs) == 0 {
			undated = appendUndated(undated, l, req, p, rs)
			continue
		}
		if !slices.IsSortedFunc(rs, stepOrder) {
			slices.SortStableFunc(rs, stepOrder)
		}
		person := p
		if person == nil {
			person = &data.Person{ID: req.PersonID, Name: "(unknown person)"}
		}
		rcfg := cfg
		rcfg.Recipient = cfg.Contacts[req.RecipientID]
		rcfg.Nation = person.Nation
		first := len(items)
		items, buf = appendRequestItems(items, buf, person, req, rs, today, rcfg)
		if len(items) == first {
			undated = appendUndated(undated, l, req, p, rs)
		} else if l.Soonest {
			items = keepSoonest(items, first)
		}
	}
	return sortItems(items), undated
}

// appendUndated adds what l.Undated gives for a request with no dated item.
func appendUndated(undated []Item, l Listing, req data.Request, p *data.Person, steps []data.Step) []Item {
	if l.Undated == nil {
		return undated
	}
	if it, ok := l.Undated(req, p, steps); ok {
		undated = append(undated, it)
	}
	return undated
}

// keepSoonest keeps, of the items from first on (one request's), the one
// that sorts first.
func keepSoonest(items []Item, first int) []Item {
	soonest := first
	for i := first + 1; i < len(items); i++ {
		if compareItems(&items[i], &items[soonest]) < 0 {
			soonest = i
		}
	}
	items[first] = items[soonest]
	return items[:first+1]
}

// limitShownAfter is how long a passed time limit stays on the agenda: long
// enough to notice and ask for it to be waived for good reason.
const limitShownAfter = 14

// sortItems orders by date, person, request and text, in place, keeping
// the order of items alike. Items are large, so it sorts small keys and
// moves each item once, following each cycle of the order found (a sorted
// copy was one more copy of them all).
func sortItems(items []Item) []Item {
	type key struct {
		day int
		i   int
	}
	keys := make([]key, len(items))
	for i := range items {
		keys[i] = key{dayNumber(items[i].Date), i}
	}
	slices.SortFunc(keys, func(x, y key) int {
		if x.day != y.day {
			return cmp.Compare(x.day, y.day)
		}
		return cmp.Or(compareSameDay(&items[x.i], &items[y.i]), cmp.Compare(x.i, y.i))
	})
	for start := range keys {
		if keys[start].i < 0 {
			continue // placed already
		}
		// The item at start goes to the end of its cycle: each place
		// takes the item from the place the order names, until the
		// order comes back to start.
		held := items[start]
		at := start
		for {
			from := keys[at].i
			keys[at].i = -1
			if from == start {
				items[at] = held
				break
			}
			items[at] = items[from]
			at = from
		}
	}
	return items
}

// compareItems is the agenda's order: by date, person, request and text.
func compareItems(a, b *Item) int {
	return cmp.Or(a.Date.Compare(b.Date), compareSameDay(a, b))
}

func compareSameDay(a, b *Item) int {
	return cmp.Or(cmp.Compare(a.PersonName, b.PersonName), cmp.Compare(a.RequestID, b.RequestID), cmp.Compare(a.What, b.What))
}

// mergeItems merges sorted lists into one, with room for spare more items
// after them; of items alike, the earlier list's come first, as sorting
// the lists one after the other would put them.
func mergeItems(lists [][]Item, spare int) []Item {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	out := make([]Item, 0, n+spare)
	for len(out) < n {
		next := -1
		for k, l := range lists {
			if len(l) > 0 && (next < 0 || compareItems(&l[0], &lists[next][0]) < 0) {
				next = k
			}
		}
		out = append(out, lists[next][0])
		lists[next] = lists[next][1:]
	}
	return out
}

// GroupSteps finds each request's steps in timeline order. Storage returns
// them grouped and ordered, and then they are used in place; otherwise a
// sorted copy is made, so the caller's slice is never changed.
func GroupSteps(steps []data.Step) map[string][]data.Step {
	groups := make(map[string][]data.Step, len(steps)/4+1)
	ordered := true
	begin := 0
	for i := 1; i <= len(steps); i++ {
		if i < len(steps) && steps[i].RequestID == steps[begin].RequestID {
			if stepOrder(steps[i-1], steps[i]) > 0 {
				ordered = false
				break
			}
			continue
		}
		id := steps[begin].RequestID
		if _, seen := groups[id]; seen {
			ordered = false
			break
		}
		groups[id] = steps[begin:i:i]
		begin = i
	}
	if ordered {
		return groups
	}
	sorted := slices.Clone(steps)
	slices.SortStableFunc(sorted, func(a, b data.Step) int {
		return cmp.Or(cmp.Compare(a.RequestID, b.RequestID), stepOrder(a, b))
	})
	return GroupSteps(sorted)
}

func stepOrder(a, b data.Step) int {
	return cmp.Or(a.On.Compare(b.On), a.CreatedAt.Compare(b.CreatedAt))
}

// appendRequestItems adds one request's open deadlines.
func appendRequestItems(items []Item, buf []Deadline, p *data.Person, req data.Request, steps []data.Step, today data.Date, cfg Config) ([]Item, []Deadline) {
	first := len(items)
	warn := cfg.warnDays()
	for i, s := range steps {
		buf = stepDeadlines(buf[:0], steps[:i], s, p.Nation, cfg)
		for _, d := range buf {
			if settled(d, steps, i) {
				continue
			}
			if d.kind == dueLimit && today.Before(addDays(d.Due, -warn)) {
				continue // not near yet
			}
			if d.kind == dueLimit && addDays(d.Due, limitShownAfter).Before(today) {
				continue // long passed: a reminder now would only nag
			}
			items = append(items, Item{
				Date: d.Due, Overdue: d.Due.Before(today),
				PersonID: p.ID, PersonName: p.Name, RequestID: req.ID, StepID: s.ID,
				What: d.What, Rule: d.Rule,
			})
		}
	}
	if len(items) > first {
		if act, ok := NextActionFor(req, steps, today, cfg); ok {
			for i := first; i < len(items); i++ {
				items[i].NextAction = act
			}
		}
	}
	return items, buf
}

// stepDeadlines are the rules' deadlines for a step. A date stored on the
// step replaces the rule's date for the deadline it names (the user may
// have been given a different date); one the rules no longer set (the
// chase period changed since) gives way to the rules; and a date on a step
// no rule covers is kept as it is.
func stepDeadlines(dst []Deadline, earlier []data.Step, s data.Step, nation data.Nation, cfg Config) []Deadline {
	ds := appendDeadlines(dst, earlier, s, nation, cfg)
	if s.DueOn.IsZero() {
		return ds
	}
	what := s.DueWhat
	if len(ds) == 0 {
		if what == "" {
			what = "Follow up: " + s.Kind.Label()
		}
		return append(ds, Deadline{Due: s.DueOn, What: what, kind: dueAck})
	}
	if what == "" {
		what = ds[0].What
	}
	for i := range ds {
		if ds[i].What == what && ds[i].Due != s.DueOn {
			ds[i].Due, ds[i].Rule = s.DueOn, Rule{}
		}
	}
	return ds
}

// settled reports whether a later step has dealt with a deadline set by
// steps[i]. A step past its due date with nothing after it is overdue:
// anything after it settles an acknowledgement or a chase, but what is
// owed an answer waits for one. A records request runs on its own track.
func settled(d Deadline, steps []data.Step, i int) bool {
	track := OnRecordsTrack(steps[i])
	for _, l := range steps[i+1:] {
		if l.Kind == data.StepClosed {
			return true
		}
		if OnRecordsTrack(l) != track {
			continue
		}
		switch d.kind {
		case dueAck:
			return true // anything after it: a call, a note of the acknowledgement
		case dueAnswer:
			if isOutcome(l.Outcome) || !l.DueOn.IsZero() {
				return true
			}
			// Moving on up the ladder, but not just asking for help.
			if l.Kind == data.StepLetterSent && l.LetterKind != data.KindPALS && l.LetterKind != data.KindAdvocacy {
				return true
			}
		case dueLimit:
			if isOutcome(l.Outcome) {
				return true // a later answer starts its own clock
			}
			if l.Kind == data.StepLetterSent && slices.Contains(d.metBy, l.LetterKind) {
				return true
			}
		}
	}
	return false
}
