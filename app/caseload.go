package app

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// caseload is every record, read once and kept in memory so that lists
// and searches never wait on the database; of each timeline, only a digest
// (digest.go), the whole of it read when a request is opened. It is touched only on the UI
// goroutine; writes go to the store in the background and then here.
type caseload struct {
	people   []data.Person            // by name
	hay      []string                 // each person's searchable text, lower case, beside people
	personAt map[string]int           // person id to their place in people
	requests map[string]*requestBrief // request id to its brief (see request_brief.go)
	whole    map[string]data.Request  // request id to the whole request, read when opened
	keptOpen []string                 // the requests kept whole, with their timelines, longest unused first
	byPerson map[string][]string      // person id to request ids, newest first; a list is never changed, only replaced
	digests  map[string]*digest       // request id to its timeline in brief (see digest.go)
	book     *wordBook                // the words of the briefs and digests, numbered (see search_book.go)
	full     map[string][]data.Step   // request id to its whole timeline, read when opened; a list is never changed, only replaced
	letters  map[string][]data.Letter // request id to its letters, loaded on demand
	contacts []data.Contact           // by display name
	sender   data.Sender
	settings map[string]string

	// generation names this reading of the records (a copy keeps it);
	// revision counts the changes made to it since, and revs holds, for
	// each person, the revision that last changed them, their requests or
	// their steps: what the Clients index compares to see what to remake.
	generation uint64
	revision   int
	revs       map[string]int

	// changedHere is when this desk last changed each person's records,
	// so that a reading of other desks' changes begun before then is not
	// put over them; applying is set while such a reading is put in.
	changedHere map[string]time.Time
	applying    bool

	// peopleShared is set while a snapshot may share people, hay and
	// personAt (see clone): the next change copies them first. So is
	// mapsShared for requests, byPerson, digests and revs.
	peopleShared bool
	mapsShared   bool
}

// readings numbers the caseloads read, so that each has its own generation.
var readings atomic.Uint64

// touch notes a change to a person's records.
func (c *caseload) touch(personID string) {
	c.ownMaps()
	if c.revs == nil {
		c.revs = map[string]int{}
	}
	c.revision++
	c.revs[personID] = c.revision
	if !c.applying {
		if c.changedHere == nil {
			c.changedHere = map[string]time.Time{}
		}
		c.changedHere[personID] = time.Now()
	}
}

// changedHereSince reports whether this desk changed a person's records at
// or after t.
func (c *caseload) changedHereSince(personID string, t time.Time) bool {
	at, ok := c.changedHere[personID]
	return ok && !at.Before(t)
}

// loadCaseload reads everything the screens need in one go; of the steps,
// only each request's digest.
func loadCaseload(ctx context.Context, st *store.Store) (*caseload, error) {
	defer collectSooner()()
	c := newCaseload()
	var ids map[string]string
	words := c.book.writer()
	recipient := data.Words()
	all, list, steps, err := store.ReadAllAs(ctx, st, store.ReadAs[requestBrief, briefRead]{
		People: func(people []data.Person) { ids = personIDs(people) },
		// Each request's brief is made as it is read, while the steps
		// still are, and the request let go: holding them all whole until
		// the last was read was 100 MB more at the height of signing in,
		// with 50,000 people.
		Request: func(r *data.Request) requestBrief {
			if id, ok := ids[r.PersonID]; ok {
				r.PersonID = id
			}
			r.RecipientID = recipient(r.RecipientID) // many requests go to one doctor
			var b requestBrief
			fillBrief(&b, r, words)
			return b
		},
		Step:  briefReader(c.book),
		Brief: true, // a brief keeps none of what only the letters read
	})
	if err != nil {
		return nil, err
	}
	c.people, c.contacts = all.People, all.Contacts
	// The people's search texts, the requests' places and the steps'
	// digests need nothing of one another: the people are seen to beside
	// the rest, and the settings asked for meanwhile. One after the other,
	// they left a processor idle for a fifth of a second of signing in
	// with 50,000 people.
	var wg sync.WaitGroup
	wg.Go(func() {
		c.sortPeople()
		c.sortContacts()
	})
	var settingsErr error
	wg.Go(func() { settingsErr = c.readSettings(ctx, st) })
	c.placeRead(list, steps, len(all.People))
	wg.Wait()
	if settingsErr != nil {
		return nil, settingsErr
	}
	c.packWords()
	return c, nil
}

// placeRead keeps the requests' briefs and the steps' digests as read,
// for this many people (the list of them is not this work's to look at).
func (c *caseload) placeRead(list []requestBrief, steps []briefRead, people int) {
	// In one list, as read: made one by one, among what reading left
	// behind, they kept pages of memory in use that held little else.
	packBriefs(list)
	briefs := make([]*requestBrief, len(list))
	for i := range list {
		briefs[i] = &list[i]
	}
	// Made to size: a map grown request by request moves every request
	// it holds each time it doubles.
	c.placeBriefs(briefs, people)
	// Keyed by the requests' own ids: the ids the steps were read with
	// would each be kept as a second copy.
	read := digestsOf(steps, c.book)
	c.digests = make(map[string]*digest, len(read))
	for _, b := range briefs {
		if d, ok := read[b.ID]; ok {
			c.digests[b.ID] = d
		}
	}
}

// newCaseload is an empty caseload, a reading of its own.
func newCaseload() *caseload {
	return &caseload{requests: map[string]*requestBrief{}, whole: map[string]data.Request{}, byPerson: map[string][]string{},
		digests: map[string]*digest{}, full: map[string][]data.Step{}, letters: map[string][]data.Letter{},
		settings: map[string]string{}, generation: readings.Add(1), revs: map[string]int{}, book: newWordBook()}
}

// readSettings reads the sender's details and the settings the screens use.
func (c *caseload) readSettings(ctx context.Context, st *store.Store) error {
	var err error
	if c.sender, err = st.Sender(ctx); err != nil {
		return err
	}
	values, err := st.Settings(ctx, settingKeys)
	if err != nil {
		return err
	}
	maps.Copy(c.settings, values)
	return nil
}

// clone is a copy for work in the background, which the UI goroutine may
// go on changing meanwhile. Digests and each person's list of requests
// are shared, not copied: they are replaced, never changed, and copying
// them was most of the time Today took to appear with 50,000 people (and
// the lists of requests a third of what was left, on the UI goroutine).
// Whole requests, timelines and letters, read for the screens, are left behind.
//
// The book of words is shared: it only grows, and is safe to read while
// the UI goroutine numbers more words in it (search_book.go).
//
// The people, their search texts and their places are shared too, until
// the next change to them copies them (ownPeople): with 50,000 people,
// copying them at every Today and Clients index was 17 MB, and a pause
// on the UI goroutine, each time. So are the maps of requests, lists,
// digests and revisions (ownMaps): copied at each snapshot, they were 10
// MB more at the height of signing in, as the Clients index was made.
func (c *caseload) clone() *caseload {
	c.peopleShared, c.mapsShared = true, true
	return &caseload{people: c.people, hay: c.hay, personAt: c.personAt, peopleShared: true,
		requests: c.requests, whole: map[string]data.Request{}, byPerson: c.byPerson, digests: c.digests, book: c.book,
		full: map[string][]data.Step{}, letters: map[string][]data.Letter{}, contacts: slices.Clone(c.contacts), sender: c.sender,
		settings: maps.Clone(c.settings), generation: c.generation, revision: c.revision, revs: c.revs, mapsShared: true}
}

func (c *caseload) sortPeople() {
	// The store reads people in order of name with only ASCII letters
	// lowered, which for nearly every caseload is this order already: a
	// copy of everyone to sort them was 16 MB more at the height of
	// signing in with 50,000 people.
	inOrder := true
	for i := 1; i < len(c.people) && inOrder; i++ {
		inOrder = compareNames(c.people[i-1].Name, c.people[i].Name) <= 0
	}
	if !inOrder {
		// Places sorted, not the people themselves (each is 300 bytes),
		// into a new list: a snapshot may share this one.
		places := make([]int, len(c.people))
		for i := range places {
			places[i] = i
		}
		slices.SortStableFunc(places, func(i, j int) int { return compareNames(c.people[i].Name, c.people[j].Name) })
		sorted := make([]data.Person, len(c.people))
		for k, i := range places {
			sorted[k] = c.people[i]
		}
		c.people = sorted
	}
	// Written straight into shared chunks: made one by one and then
	// packed, they were 28 MB asked of the system at each sign-in with
	// 50,000 people, and let go at once.
	var p wordPacker
	for i := range c.people {
		p.left += searchTextSize(&c.people[i])
	}
	c.hay = make([]string, len(c.people))
	var text []byte
	for i := range c.people {
		text = appendSearchText(text[:0], &c.people[i])
		c.hay[i] = p.addBytes(text)
	}
	c.indexPeople()
}

// searchText is what a search looks in: name, NHS number, date of birth
// and address, folded (fold.go), then the same again without spaces.
func searchText(p data.Person) string { return string(appendSearchText(nil, &p)) }

// appendSearchText appends p's searchText to b. Each part is folded on
// its own: folding keeps a space as it is, and a mark at the start of a
// part cannot join a letter across the space before it.
func appendSearchText(b []byte, p *data.Person) []byte {
	start := len(b)
	b = appendFolded(b, p.Name)
	b = append(b, ' ')
	b = appendFolded(b, p.NHSNumber)
	b = append(b, ' ')
	b = appendFolded(b, p.DateOfBirth.UK())
	b = append(b, ' ')
	b = appendFolded(b, p.Address)
	end := len(b)
	b = append(b, ' ')
	for i := start; i < end; i++ {
		if b[i] != ' ' {
			b = append(b, b[i])
		}
	}
	return b
}

// searchTextSize is about the length of p's searchText, to make chunks
// for the texts at their size: exact for plain text, and too short only
// where folding writes a letter longer (a byte that is not UTF-8, for
// one), when the last texts go in small chunks. A date of birth takes
// ten bytes.
func searchTextSize(p *data.Person) int {
	return 2*(len(p.Name)+len(p.NHSNumber)+10+len(p.Address)) + 4
}

// search lists the indexes of the people whose text holds every word.
func (c *caseload) search(q string, into []int) []int {
	words := searchWords(q)
	into = into[:0]
	for i, h := range c.hay {
		if matchesAll(h, words) {
			into = append(into, i)
		}
	}
	return into
}

func (c *caseload) sortContacts() {
	slices.SortStableFunc(c.contacts, func(a, b data.Contact) int {
		return cmp.Compare(strings.ToLower(a.DisplayName()), strings.ToLower(b.DisplayName()))
	})
}

func (c *caseload) person(id string) (data.Person, bool) {
	if i, ok := c.placeOf(id); ok {
		return c.people[i], true
	}
	return data.Person{}, false
}

func (c *caseload) contact(id string) (data.Contact, bool) {
	for _, ct := range c.contacts {
		if ct.ID == id {
			return ct, true
		}
	}
	return data.Contact{}, false
}

// putPerson adds or replaces a person, keeping the list in order of name.
// Only their place moves: with 50,000 people, sorting everyone and making
// everyone's search text again took most of a second on each save.
func (c *caseload) putPerson(p data.Person) {
	c.touch(p.ID)
	c.ownPeople()
	if i, ok := c.placeOf(p.ID); ok {
		c.people, c.hay = slices.Delete(c.people, i, i+1), slices.Delete(c.hay, i, i+1)
	}
	at, _ := slices.BinarySearchFunc(c.people, p.Name, func(q data.Person, name string) int {
		if n := compareNames(q.Name, name); n != 0 {
			return n
		}
		return -1 // after those of the same name, as a stable sort puts the last added
	})
	c.people, c.hay = slices.Insert(c.people, at, p), slices.Insert(c.hay, at, searchText(p))
	c.indexPeople()
}

// putPeople is putPerson for many at once (another desk's changes): each
// is put in place, then the list is sorted once, keeping everyone else's
// search text, rather than moving one at a time.
func (c *caseload) putPeople(list []data.Person) {
	if len(list) < 8 {
		for _, p := range list {
			c.putPerson(p)
		}
		return
	}
	c.ownPeople()
	for _, p := range list {
		c.touch(p.ID)
		if i, ok := c.placeOf(p.ID); ok {
			c.people[i], c.hay[i] = p, searchText(p)
		} else {
			c.people, c.hay = append(c.people, p), append(c.hay, searchText(p))
			c.personAt[p.ID] = len(c.people) - 1
		}
	}
	keys := make([]string, len(c.people))
	order := make([]int, len(c.people))
	for i, p := range c.people {
		keys[i], order[i] = strings.ToLower(p.Name), i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
	people, hay := make([]data.Person, len(order)), make([]string, len(order))
	for to, from := range order {
		people[to], hay[to] = c.people[from], c.hay[from]
	}
	c.people, c.hay = people, hay
	c.indexPeople()
}

// dropPerson takes a person out, with their requests and timelines.
func (c *caseload) dropPerson(id string) {
	c.ownMaps()
	for _, rid := range slices.Clone(c.byPerson[id]) {
		c.dropRequest(rid)
	}
	delete(c.byPerson, id)
	if i, ok := c.placeOf(id); ok {
		c.ownPeople()
		c.people, c.hay = slices.Delete(c.people, i, i+1), slices.Delete(c.hay, i, i+1)
		c.indexPeople()
	}
	c.touch(id)
}

// dropRequest takes a request out, with its timeline and letters.
func (c *caseload) dropRequest(id string) {
	r, ok := c.request(id)
	if !ok {
		return
	}
	c.ownMaps()
	delete(c.requests, id)
	delete(c.whole, id)
	delete(c.digests, id)
	delete(c.full, id)
	delete(c.letters, id)
	c.byPerson[r.PersonID] = slices.DeleteFunc(slices.Clone(c.byPerson[r.PersonID]), func(x string) bool { return x == id })
	c.touch(r.PersonID)
}

// ownPeople copies the people, their search texts and their places
// before they are changed where they lie, if a snapshot may share them.
func (c *caseload) ownPeople() {
	if c.peopleShared {
		c.people, c.hay, c.personAt = slices.Clone(c.people), slices.Clone(c.hay), maps.Clone(c.personAt)
		c.peopleShared = false
	}
}

// ownMaps copies the maps of requests, lists, digests and revisions
// before they are changed, if a snapshot may share them.
func (c *caseload) ownMaps() {
	if c.mapsShared {
		c.requests, c.byPerson, c.digests, c.revs = maps.Clone(c.requests), maps.Clone(c.byPerson), maps.Clone(c.digests), maps.Clone(c.revs)
		c.mapsShared = false
	}
}

// placeOf is where a person is in people. A list set directly (as tests
// do) rather than through putPerson is sorted and indexed first.
func (c *caseload) placeOf(id string) (int, bool) {
	if len(c.personAt) != len(c.people) || len(c.hay) != len(c.people) {
		c.sortPeople()
	}
	i, ok := c.personAt[id]
	return i, ok
}

func (c *caseload) indexPeople() {
	c.personAt = make(map[string]int, len(c.people))
	for i, p := range c.people {
		c.personAt[p.ID] = i
	}
}

func (c *caseload) putContact(ct data.Contact) {
	for i := range c.contacts {
		if c.contacts[i].ID == ct.ID {
			c.contacts[i] = ct
			c.sortContacts()
			return
		}
	}
	c.contacts = append(c.contacts, ct)
	c.sortContacts()
}

// putRequest keeps a request saved or read whole: its brief, and the
// whole of it for the screens that have it open.
func (c *caseload) putRequest(r data.Request) {
	c.touch(r.PersonID)
	c.placeBrief(briefOfRequest(&r, c.book.writer()))
	c.keepOpen(r, nil)
}

// placeRequest is putRequest without noting a change, for reading other
// desks' changes: the whole request is kept only if it was open already.
func (c *caseload) placeRequest(r data.Request) {
	c.placeBrief(briefOfRequest(&r, c.book.writer()))
	if _, open := c.whole[r.ID]; open {
		c.whole[r.ID] = r
	}
}

// placeBriefs places the briefs of a caseload just read, oldest first,
// as placeBrief would one by one. Each person's list of requests is a
// part of one list: made one by one, they kept pages of memory in use
// that held little else.
func (c *caseload) placeBriefs(briefs []*requestBrief, people int) {
	c.requests = make(map[string]*requestBrief, len(briefs))
	count := make(map[string]int, people)
	for _, b := range briefs {
		count[b.PersonID]++
	}
	c.byPerson = make(map[string][]string, len(count))
	ids := make([]string, len(briefs))
	for id, n := range count {
		c.byPerson[id], ids = ids[:n:n], ids[n:] // capped: a request added makes a new list
	}
	for _, b := range briefs {
		c.requests[b.ID] = b
		count[b.PersonID]--
		c.byPerson[b.PersonID][count[b.PersonID]] = b.ID // newest first
	}
}

func (c *caseload) placeBrief(b *requestBrief) {
	c.ownMaps()
	if _, ok := c.requests[b.ID]; !ok {
		c.byPerson[b.PersonID] = append([]string{b.ID}, c.byPerson[b.PersonID]...)
	}
	c.requests[b.ID] = b
}

// request is the brief of the request with the id, if this desk has it.
// The whole request is read when it is opened (see wholeRequest).
func (c *caseload) request(id string) (*requestBrief, bool) {
	b, ok := c.requests[id]
	return b, ok
}

// maxKeptOpen is how many requests the caseload keeps whole, with their
// timelines, besides their briefs: more than a person goes back and forth
// between in a sitting. Others are read again when opened.
const maxKeptOpen = 32

// keepOpen keeps a request whole, with its timeline if steps is not nil,
// and forgets the longest unused beyond maxKeptOpen.
func (c *caseload) keepOpen(r data.Request, steps []data.Step) {
	c.whole[r.ID] = r
	if steps != nil {
		c.full[r.ID] = steps
	}
	c.keptOpen = append(slices.DeleteFunc(c.keptOpen, func(id string) bool { return id == r.ID }), r.ID)
	for len(c.keptOpen) > maxKeptOpen {
		delete(c.whole, c.keptOpen[0])
		delete(c.full, c.keptOpen[0])
		c.keptOpen = c.keptOpen[1:]
	}
}

// wholeRequest is the request with the id in full, if it has been read
// (see shell.readRequest).
func (c *caseload) wholeRequest(id string) (data.Request, bool) {
	r, ok := c.whole[id]
	return r, ok
}

// opened is the request with the id in full with its whole timeline, if
// both have been read since the caseload was (see shell.readRequest).
func (c *caseload) opened(id string) (data.Request, []data.Step, bool) {
	r, haveReq := c.whole[id]
	steps, haveSteps := c.full[id]
	return r, steps, haveReq && haveSteps
}

// personOf is the id of the person a request is about; "" if unknown.
func (c *caseload) personOf(requestID string) string {
	if r, ok := c.requests[requestID]; ok {
		return r.PersonID
	}
	return ""
}

// addStep puts a step in its request's timeline.
func (c *caseload) addStep(s data.Step) {
	c.touch(c.personOf(s.RequestID))
	if full, ok := c.full[s.RequestID]; ok {
		// In a new list: snapshots being worked on in the background share
		// the old. The step may be there already, read just after it was saved.
		list := append(slices.DeleteFunc(slices.Clone(full), func(x data.Step) bool { return x.ID == s.ID }), s)
		sortTimeline(list)
		c.setTimeline(s.RequestID, list)
		return
	}
	c.digests[s.RequestID] = c.digest(s.RequestID).with(s, c.book.writer())
}

// removeStep takes a step out of its request's timeline.
func (c *caseload) removeStep(st data.Step) {
	c.touch(c.personOf(st.RequestID))
	if full, ok := c.full[st.RequestID]; ok {
		c.setTimeline(st.RequestID, slices.DeleteFunc(slices.Clone(full), func(x data.Step) bool { return x.ID == st.ID }))
		return
	}
	c.digests[st.RequestID] = c.digest(st.RequestID).without(st.ID)
}

// setTimeline puts a request's whole timeline, as read or changed, in
// place: its digest, and the timeline itself when a screen has read it.
func (c *caseload) setTimeline(requestID string, steps []data.Step) {
	c.ownMaps()
	c.digests[requestID] = digestOf(steps, c.book.writer())
	if _, ok := c.full[requestID]; ok {
		c.full[requestID] = steps
	}
}

// digest is a request's timeline in brief.
func (c *caseload) digest(requestID string) *digest {
	if d, ok := c.digests[requestID]; ok {
		return d
	}
	return noSteps
}

// rulesTimeline is a request's timeline as the rules read it: without
// summaries, attachments and letters' ids (see timeline for those).
func (c *caseload) rulesTimeline(requestID string) []data.Step {
	return c.digest(requestID).timeline(requestID, nil)
}

// timeline is a request's whole timeline, if it has been read since the
// caseload was (see shell.readRequest).
func (c *caseload) timeline(requestID string) ([]data.Step, bool) {
	steps, ok := c.full[requestID]
	return steps, ok
}

// timelines gives the rules each request's timeline from its digest, for
// the agendas of Today and the Clients index. The steps have no ids, so
// neither have the items (process.Item.StepID): only the calendar export
// names the steps, and it works from whole timelines. Writing 160,000 ids
// out at each agenda was a third of its garbage.
func (c *caseload) timelines() process.Timeline {
	return func(id string, into []data.Step) []data.Step { return c.digest(id).unnamedSteps(id, into) }
}

// agendaOf is what is due for people, from their requests' briefs and
// timelines' digests, under the user's settings and directory.
func (c *caseload) agendaOf(people []data.Person, requests []*requestBrief, today data.Date) []process.Item {
	return process.AgendaOf(people, requests, (*requestBrief).forRules, c.timelines(), today, c.config())
}

// sortTimeline puts steps in timeline order: by day, then as logged.
func sortTimeline(list []data.Step) {
	slices.SortStableFunc(list, func(a, b data.Step) int {
		return cmp.Or(a.On.Compare(b.On), a.CreatedAt.Compare(b.CreatedAt))
	})
}

func (c *caseload) putLetter(l data.Letter) {
	ls := c.letters[l.RequestID]
	for i := range ls {
		if ls[i].ID == l.ID {
			ls[i] = l
			return
		}
	}
	c.letters[l.RequestID] = append(ls, l)
}

// requestList is every request, in no order. The requests are shared, not
// copied: they are never changed, only replaced.
func (c *caseload) requestList() []*requestBrief {
	out := make([]*requestBrief, 0, len(c.requests))
	for _, r := range c.requests {
		out = append(out, r)
	}
	return out
}

// requestsOf lists a person's requests, newest first.
func (c *caseload) requestsOf(personID string) []*requestBrief {
	ids := c.byPerson[personID]
	out := make([]*requestBrief, 0, len(ids))
	for _, id := range ids {
		if r, ok := c.requests[id]; ok {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b *requestBrief) int { return cmp.Compare(b.created, a.created) })
	return out
}

func (c *caseload) state(requestID string) process.State { return c.digest(requestID).state() }

// config is what the rules need from the user's settings and directory.
func (c *caseload) config() process.Config {
	cfg := process.Config{ChaseDays: c.chaseDays(), Contacts: make(map[string]data.Contact, len(c.contacts))}
	for _, ct := range c.contacts {
		cfg.Contacts[ct.ID] = ct
	}
	return cfg
}

// configFor is config with a request's recipient filled in.
func (c *caseload) configFor(r data.Request) process.Config { return c.configOn(c.config(), r) }

// configOn is configFor from a config worked out already, for a loop
// over many requests.
func (c *caseload) configOn(cfg process.Config, r data.Request) process.Config {
	cfg.Recipient = cfg.Contacts[r.RecipientID]
	if p, ok := c.person(r.PersonID); ok {
		cfg.Nation = p.Nation
		cfg.Them = c.them(r, p)
	}
	return cfg
}

// them is how the next steps name the person when the reader is someone
// else: "the client" to an advocate or a surgery, "your son" to a carer
// who gave the relationship; "" when the reader is the person.
func (c *caseload) them(r data.Request, p data.Person) string {
	switch c.mode() {
	case modeSurgery:
		return "the patient"
	case modeAdvocate:
		return "the client"
	}
	if !r.OnBehalf && r.AskedBy != data.AskedByCarer {
		return ""
	}
	rel := strings.TrimSpace(p.Relationship)
	if low := strings.ToLower(rel); strings.HasPrefix(low, "my ") {
		return "your " + rel[3:]
	}
	if rel != "" {
		return "your " + rel
	}
	return "the person you are writing for"
}

func (c *caseload) chaseDays() int {
	if n, err := strconv.Atoi(c.settings[settingChaseDays]); err == nil && n > 0 {
		return n
	}
	return process.DefaultChaseDays
}

func (c *caseload) mode() mode { return mode(c.settings[settingMode]) }
