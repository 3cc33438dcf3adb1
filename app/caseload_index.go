package app

import (
	"cmp"
	"maps"
	"reflect"
	"slices"
	"strings"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// caseIndex is the caseload prepared for filtering as someone types: for
// each person, the rest of their text in lower case (notes, flags, what
// their requests are about and any letter wording they changed; their
// name and details are the caseload's own search text), the states of
// their requests, and the next date due. It is built off the UI goroutine
// on a copy of the caseload, so a keystroke only compares strings in memory.
type caseIndex struct {
	rows   []caseRow
	byID   map[string]int
	bodies map[string]string // request id to its edited letters' text, lower case
	today  data.Date

	// aligned[i] is the row of the caseload's people[i]; dueOrder lists
	// people indexes soonest due first. Both follow the caseload as it changes.
	aligned  []int
	dueOrder []int
	// generation is the reading of the records the index was built from,
	// and revision the caseload's revision it was last aligned with.
	generation uint64
	revision   int

	// The last search, so that typing on narrows its results rather than
	// searching everyone again, and what its words found in the book.
	lastQ     string
	lastF     caseFilter
	lastOut   []int
	lastFound []wordsHolding
	hasLast   bool
}

type caseRow struct {
	id      string
	stamp   int64    // the person's UpdatedAt when the row was made
	hay     string   // beside the caseload's search text of the person: notes, flags, letters' wording
	texts   []string // the words of their requests and timelines, the briefs' and digests' own (numbered: search_book.go)
	dueWhat string
	rev     int32     // the caseload's revision of the person then
	steps   int32     // how many steps their requests had then
	nextDue data.Date // zero when nothing is due
	states  stateSet  // of their requests
	overdue bool
}

// stateSet is a set of the states requests are in, a bit for each of
// filterStates and one for any other: two bytes where a list took 24.
type stateSet uint16

func stateBit(k process.StateKind) stateSet {
	if i := slices.Index(filterStates, k); i >= 0 {
		return 1 << i
	}
	return 1 << 15
}

// editedLetters reads the wording people changed in their letters, by
// request; the rest of a letter comes from the records, indexed already.
func editedLetters(ctx ctxT, st *store.Store) (map[string]string, error) {
	ls, err := st.EditedLetters(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, l := range ls {
		out[l.RequestID] += " " + fold(l.Body)
	}
	return out, nil
}

// buildCaseIndex prepares every person of cl, a copy the UI no longer
// touches. dues are everyone's soonest dates worked out already for this
// state of cl (see reckoning.takeDues), or nil to work them out here.
func buildCaseIndex(cl *caseload, bodies map[string]string, today data.Date, dues map[string]personDue) *caseIndex {
	defer collectSooner()()
	ix := &caseIndex{byID: make(map[string]int, len(cl.people)), bodies: bodies, today: today,
		generation: cl.generation, revision: cl.revision}
	ix.rows = make([]caseRow, len(cl.people))
	if dues == nil {
		dues = duesOf(cl.agendaOf(cl.people, cl.requestList(), today))
	}
	inParts(len(cl.people), func(from, to int) {
		space := &rowSpace{block: 4096}
		for i := from; i < to; i++ {
			ix.rows[i] = ix.row(cl, cl.people[i], dues[cl.people[i].ID], space)
		}
	})
	for i, p := range cl.people {
		ix.byID[p.ID] = i
	}
	return ix
}

// personDue is what a person's row says of their dates: the soonest due,
// what is owed then, and whether anything is overdue.
type personDue struct {
	next    data.Date // zero when nothing is due
	what    string
	overdue bool
}

// duesOf gathers an agenda by person. Only this is kept of it: grouping
// the items themselves by person copied them all again. Only the people
// with a date or something overdue are in it (the others read as nothing
// due), in a map made to size: grown from nothing, and with everyone
// Today lists, it was the largest thing working out Today asked for.
func duesOf(items []process.Item) map[string]personDue {
	dated := 0
	for i := range items {
		if !items[i].Date.IsZero() || items[i].Overdue {
			dated++
		}
	}
	out := make(map[string]personDue, dated)
	for _, it := range items {
		if it.Date.IsZero() && !it.Overdue {
			continue
		}
		d := out[it.PersonID]
		if !it.Date.IsZero() && (d.next.IsZero() || it.Date.Before(d.next)) {
			d.next, d.what = it.Date, it.What
		}
		d.overdue = d.overdue || it.Overdue
		out[it.PersonID] = d
	}
	return out
}

// reckonedFrom is what a reckoning of the rules over everyone was made
// from: the records (their generation and revision), the day, and the
// settings and directory the rules read (the chase period, the mode, the
// draft, the contacts), which a change does not count in the revision.
// The settings and contacts are the snapshot's own copies.
type reckonedFrom struct {
	generation uint64
	revision   int
	today      data.Date
	settings   map[string]string
	contacts   []data.Contact
}

// reckonedOn is what a reckoning made from cl on today is from. The
// settings and directory are copied: cl may be the window's own records
// (Today worked out as they are opened), whose settings change in place.
func reckonedOn(cl *caseload, today data.Date) reckonedFrom {
	return reckonedFrom{generation: cl.generation, revision: cl.revision, today: today,
		settings: maps.Clone(cl.settings), contacts: slices.Clone(cl.contacts)}
}

// holdsFor reports whether a reckoning from r holds for cl as it is now,
// on today.
func (r reckonedFrom) holdsFor(cl *caseload, today data.Date) bool {
	return r.generation == cl.generation && r.revision == cl.revision && r.today == today &&
		maps.Equal(r.settings, cl.settings) && reflect.DeepEqual(r.contacts, cl.contacts)
}

// personDues is duesOf for one person, after a change.
func personDues(cl *caseload, p data.Person, today data.Date) personDue {
	return duesOf(cl.agendaOf([]data.Person{p}, cl.requestsOf(p.ID), today))[p.ID]
}

// rowSpace is room to make rows in, reused from row to row. Each row's
// text and lists are built in it, then copied once at their own size
// (grown in place, the text held a quarter more memory than it used). The
// lists are copied into shared blocks of block entries: made one by one,
// 100,000 of them kept pages of memory in use that held little else. With
// block 0, each list is made at its own size, for a row made alone.
type rowSpace struct {
	text     []byte
	textsNow []string
	block    int
	texts    []string
}

// cut takes room for n entries from a block, starting a new block when
// the last is full.
func cut[T any](block *[]T, n, size int) []T {
	if n == 0 {
		return nil
	}
	if len(*block)+n > cap(*block) {
		*block = make([]T, 0, max(n, size))
	}
	at := len(*block)
	*block = (*block)[:at+n]
	return (*block)[at : at : at+n]
}

// row prepares one person. The words of their requests and timelines are
// not copied: the row points at the briefs' and digests' own (see
// words_pack.go), which are never changed, only replaced, and then the row
// is made again.
func (ix *caseIndex) row(cl *caseload, p data.Person, due personDue, sp *rowSpace) caseRow {
	r := caseRow{id: p.ID, stamp: p.UpdatedAt.UnixNano(), rev: int32(cl.revs[p.ID]),
		overdue: due.overdue, nextDue: due.next, dueWhat: due.what}
	text := sp.text[:0]
	add := func(s string) {
		if s != "" {
			text = append(append(text, ' '), s...)
		}
	}
	add(fold(p.Notes))
	add(fold(strings.Join(p.Flags, " ")))
	add(fold(p.ConsentScope))
	texts := sp.textsNow[:0]
	for _, id := range cl.byPerson[p.ID] {
		if req, ok := cl.request(id); ok && req.words != "" {
			texts = append(texts, req.words)
		}
		d := cl.digest(id)
		if d.words != "" {
			texts = append(texts, d.words)
		}
		text = append(text, ix.bodies[id]...)
		r.steps += int32(len(d.steps))
		r.states |= stateBit(d.state().Kind)
	}
	r.hay = string(text)
	r.texts = append(cut(&sp.texts, len(texts), sp.block), texts...)
	sp.text, sp.textsNow = text, texts
	return r
}

// align matches the rows to the caseload's people as they are now,
// remaking the row of anyone added, edited or with new steps since.
func (ix *caseIndex) align(cl *caseload) {
	ix.revision = cl.revision
	ix.aligned = slices.Grow(ix.aligned[:0], len(cl.people))
	for _, p := range cl.people {
		at, ok := ix.byID[p.ID]
		if !ok || ix.stale(cl, p, at) {
			row := ix.row(cl, p, personDues(cl, p, ix.today), &rowSpace{})
			if ok {
				ix.rows[at] = row
			} else {
				at = len(ix.rows)
				ix.rows = append(ix.rows, row)
				ix.byID[p.ID] = at
			}
		}
		ix.aligned = append(ix.aligned, at)
	}
	ix.dueOrder = ix.dueOrder[:0]
	for i := range cl.people {
		ix.dueOrder = append(ix.dueOrder, i)
	}
	slices.SortStableFunc(ix.dueOrder, func(a, b int) int {
		da, db := ix.rows[ix.aligned[a]].nextDue, ix.rows[ix.aligned[b]].nextDue
		switch {
		case da.IsZero() && db.IsZero():
			return 0
		case da.IsZero():
			return 1
		case db.IsZero():
			return -1
		}
		return da.Compare(db)
	})
}

func (ix *caseIndex) stale(cl *caseload, p data.Person, at int) bool {
	r := &ix.rows[at]
	if r.stamp != p.UpdatedAt.UnixNano() || int(r.rev) != cl.revs[p.ID] {
		return true
	}
	n := 0
	for _, id := range cl.byPerson[p.ID] {
		n += len(cl.digest(id).steps)
	}
	return n != int(r.steps)
}

// inStep reports whether the rows still match the caseload's people,
// which is cheap enough to check on every keystroke.
func (ix *caseIndex) inStep(cl *caseload) bool {
	if len(ix.aligned) != len(cl.people) || ix.revision != cl.revision {
		return false
	}
	for i, p := range cl.people {
		r := &ix.rows[ix.aligned[i]]
		if r.id != p.ID || r.stamp != p.UpdatedAt.UnixNano() {
			return false
		}
	}
	return true
}

// caseFilter is what the caseload is narrowed to.
type caseFilter struct {
	state   process.StateKind // "" for any
	open    bool              // only people with a request still open
	overdue bool
	nation  data.Nation // "" for anywhere
	flag    string      // "" for any
	byDue   bool        // soonest due first, rather than by name
}

func (f caseFilter) active() bool {
	return f.state != "" || f.open || f.overdue || f.nation != "" || f.flag != ""
}

// filter lists the indexes of the caseload's people who pass f and whose
// text holds every word of q.
func (ix *caseIndex) filter(cl *caseload, q string, f caseFilter, into []int) []int {
	if ix.generation != cl.generation {
		// Built from another reading of the records, whose book numbered
		// the rows' words: callers make a new index for each reading, so
		// this is only a safeguard.
		*ix = *buildCaseIndex(cl, ix.bodies, ix.today, nil)
	}
	lq := fold(q)
	words := strings.Fields(lq)
	found := make([]wordsHolding, len(words))
	for k, w := range words {
		found[k] = cl.book.holdingWithin(w, ix.lastFound)
	}
	into = into[:0]
	if !ix.inStep(cl) {
		ix.align(cl)
		ix.hasLast = false
	}
	if ix.hasLast && f == ix.lastF && strings.HasPrefix(lq, ix.lastQ) {
		// More letters typed: only those found already can still match.
		for _, i := range ix.lastOut {
			if ix.matches(cl, i, &ix.rows[ix.aligned[i]], words, found, f) {
				into = append(into, i)
			}
		}
	} else {
		for k := range cl.people {
			i := k
			if f.byDue {
				i = ix.dueOrder[k]
			}
			if ix.matches(cl, i, &ix.rows[ix.aligned[i]], words, found, f) {
				into = append(into, i)
			}
		}
	}
	ix.lastQ, ix.lastF, ix.lastOut, ix.lastFound, ix.hasLast = lq, f, append(ix.lastOut[:0], into...), found, true
	return into
}

// matches reports whether people[i], whose row is r, passes f and has
// every word of the search in their details or the rest of their text;
// found holds what each word found in the caseload's book.
func (ix *caseIndex) matches(cl *caseload, i int, r *caseRow, words []string, found []wordsHolding, f caseFilter) bool {
	p := &cl.people[i]
	if f.overdue && !r.overdue {
		return false
	}
	if f.nation != "" && p.Nation != f.nation {
		return false
	}
	if f.flag != "" && !slices.ContainsFunc(p.Flags, func(s string) bool { return strings.EqualFold(s, f.flag) }) {
		return false
	}
	if f.state != "" && r.states&stateBit(f.state) == 0 {
		return false
	}
	if f.open && r.states&^stateBit(process.StateClosed) == 0 {
		return false
	}
	for k, w := range words {
		if !strings.Contains(cl.hay[i], w) && !strings.Contains(r.hay, w) && !found[k].anyOf(r.texts) {
			return false
		}
	}
	return true
}

// dueOf is the next date due for a person, and what is owed then.
func (ix *caseIndex) dueOf(personID string) (data.Date, string, bool) {
	at, ok := ix.byID[personID]
	if !ok {
		return data.Date{}, "", false
	}
	r := ix.rows[at]
	return r.nextDue, r.dueWhat, r.overdue
}

// allFlags lists every flag in use, for the flag filter.
func allFlags(people []data.Person) []string {
	seen := map[string]string{}
	for _, p := range people {
		for _, f := range p.Flags {
			if k := strings.ToLower(strings.TrimSpace(f)); k != "" {
				if _, ok := seen[k]; !ok {
					seen[k] = strings.TrimSpace(f)
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for _, v := range seen {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

// takeBodies puts in the letters' wording as read again, remaking, at the
// next filter, the rows of the people whose letters changed since.
func (ix *caseIndex) takeBodies(cl *caseload, bodies map[string]string) {
	changed := func(id string) {
		if at, ok := ix.byID[cl.personOf(id)]; ok {
			ix.rows[at].rev = -1 // no revision: stale
			ix.revision = -1     // and the rows out of step
		}
	}
	for id, text := range bodies {
		if ix.bodies[id] != text {
			changed(id)
		}
	}
	for id := range ix.bodies {
		if _, ok := bodies[id]; !ok {
			changed(id)
		}
	}
	ix.bodies = bodies
	ix.hasLast = false
}
