package app

import (
	"context"
	"maps"
	"slices"
	"time"

	"secondopinion/data"
	"secondopinion/data/store"
)

// What another desk saves is read, just the records it changed, and put
// into this desk's caseload, rather than the whole caseload being read
// again: with 50,000 people a whole reading takes seconds and, while it
// is made, holds the caseload twice; twenty desks saving would keep every
// desk reading.

// maxPiecemeal is how many changes are read record by record. More at
// once (a caseload moved in, an example filled) are read faster in one go.
const maxPiecemeal = 200

// teamUpdate is what other desks changed, read from the server in the
// background and put into the caseload on the UI goroutine.
type teamUpdate struct {
	whole    *caseload // everything read again; nothing else is then set
	readFrom time.Time // what this desk changed since may be newer than the reading

	people    map[string]*data.Person  // nil: gone, or no longer this desk's to see
	requests  map[string]*data.Request // nil: gone
	timelines map[string][]data.Step   // request id to its timeline as stored
	goneSteps []string                 // steps no longer stored
	owners    []data.Person            // the people of requests read, who may be new here
	contacts  []data.Contact           // read again when any changed
	settings  *caseload                // the sender and settings, when any changed
}

// readTeamUpdate reads what changes name.
func readTeamUpdate(ctx context.Context, st *store.Store, changes []store.Change) (*teamUpdate, error) {
	u := &teamUpdate{readFrom: time.Now(), people: map[string]*data.Person{}, requests: map[string]*data.Request{},
		timelines: map[string][]data.Step{}}
	whole := func() (*teamUpdate, error) {
		cl, err := loadCaseload(ctx, st)
		u.whole = cl
		return u, err
	}
	if len(changes) > maxPiecemeal || slices.Contains(changes, store.Everything) {
		return whole()
	}
	var contacts, settings bool
	stepIDs := map[string]bool{}
	for _, ch := range changes {
		switch ch.Kind {
		case "people":
			u.people[ch.ID] = nil
		case "requests":
			u.requests[ch.ID] = nil
		case "steps", "attachments": // an attachment's id is its step's
			stepIDs[ch.ID] = true
		case "contacts":
			contacts = true
		case "settings":
			settings = true
		case "letters":
			// Letters are read whenever a request is opened; the screen
			// showing one reads them again when told of the change.
		default: // a kind of record this version does not know
			return whole()
		}
	}
	if err := u.readRecords(ctx, st, slices.Collect(maps.Keys(stepIDs))); err != nil {
		return nil, err
	}
	if contacts {
		list, err := st.Contacts(ctx)
		if err != nil {
			return nil, err
		}
		u.contacts = list
	}
	if settings {
		u.settings = &caseload{settings: map[string]string{}}
		if err := u.settings.readSettings(ctx, st); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// readRecords reads the people and requests named (those not found stay
// nil: removed, or no longer this desk's to see), the people of the
// requests, and the timelines of the requests and of the steps named,
// a few queries in all however many records changed.
func (u *teamUpdate) readRecords(ctx context.Context, st *store.Store, stepIDs []string) error {
	people, err := st.PeopleByID(ctx, slices.Collect(maps.Keys(u.people)))
	if err != nil {
		return err
	}
	for _, p := range people {
		u.people[p.ID] = &p
	}
	requests, err := st.RequestsByID(ctx, slices.Collect(maps.Keys(u.requests)))
	if err != nil {
		return err
	}
	var owners []string
	for _, r := range requests {
		u.requests[r.ID] = &r
		u.timelines[r.ID] = nil // read below, with those of changed steps
		if _, named := u.people[r.PersonID]; !named && !slices.Contains(owners, r.PersonID) {
			owners = append(owners, r.PersonID)
		}
	}
	if u.owners, err = st.PeopleByID(ctx, owners); err != nil {
		return err
	}
	steps, err := st.StepsByID(ctx, stepIDs)
	if err != nil {
		return err
	}
	for _, s := range steps {
		u.timelines[s.RequestID] = nil
	}
	for _, id := range stepIDs {
		if !slices.ContainsFunc(steps, func(s data.Step) bool { return s.ID == id }) {
			u.goneSteps = append(u.goneSteps, id)
		}
	}
	timelines, err := st.TimelinesOf(ctx, slices.Collect(maps.Keys(u.timelines)))
	if err != nil {
		return err
	}
	for id := range u.timelines {
		u.timelines[id] = timelines[id] // none: a request whose steps are all gone
	}
	return nil
}

// apply puts what was read into the caseload and returns the changes to
// read again: those to records this desk changed after the reading began,
// which the reading may predate (a save, a step corrected or deleted here).
func (c *caseload) apply(u *teamUpdate) (again []store.Change) {
	c.applying = true
	defer func() { c.applying = false }()
	mine := func(personID, kind, id string) bool {
		if c.changedHereSince(personID, u.readFrom) {
			again = append(again, store.Change{Kind: kind, ID: id})
			return true
		}
		return false
	}
	var put []data.Person
	for id, p := range u.people {
		if mine(id, "people", id) {
			continue
		}
		switch old, ok := c.person(id); {
		case p == nil:
			if ok {
				c.dropPerson(id)
			}
		case !ok || old.Version <= p.Version:
			put = append(put, *p)
		}
	}
	for _, p := range u.owners {
		if _, ok := c.person(p.ID); !ok && !c.changedHereSince(p.ID, u.readFrom) && !slices.ContainsFunc(put, func(q data.Person) bool { return q.ID == p.ID }) {
			put = append(put, p)
		}
	}
	c.putPeople(put)
	for id, r := range u.requests {
		old, ok := c.request(id)
		if (ok && mine(old.PersonID, "requests", id)) || (r != nil && mine(r.PersonID, "requests", id)) {
			continue
		}
		switch {
		case r == nil:
			c.dropRequest(id)
		case !ok || old.Version <= r.Version:
			c.touch(r.PersonID)
			c.placeRequest(*r) // the whole of it kept only if it is open
		}
	}
	for id, stored := range u.timelines {
		r, ok := c.request(id)
		if !ok {
			continue // not this desk's to see
		}
		if mine(r.PersonID, "requests", id) { // its timeline is read with it
			continue
		}
		c.setTimeline(id, stored)
		c.touch(r.PersonID)
	}
	for _, id := range u.goneSteps {
		key := idOf(id)
		for rid, d := range c.digests {
			if d.has(key) {
				if !mine(c.personOf(rid), "steps", id) {
					c.removeStep(data.Step{ID: id, RequestID: rid})
				}
				break
			}
		}
	}
	if u.contacts != nil {
		c.contacts = u.contacts
		c.sortContacts()
	}
	if u.settings != nil {
		c.sender = u.settings.sender
		for k, v := range u.settings.settings {
			c.settings[k] = v
		}
	}
	return again
}

// changesHereSince lists, as changes to read again, the records of everyone
// this desk changed at or after t: for a whole reading begun before then.
func (c *caseload) changesHereSince(t time.Time) []store.Change {
	var out []store.Change
	for id := range c.changedHere {
		if c.changedHereSince(id, t) {
			out = append(out, store.Change{Kind: "people", ID: id})
			for _, rid := range c.byPerson[id] {
				out = append(out, store.Change{Kind: "requests", ID: rid})
			}
		}
	}
	return out
}
