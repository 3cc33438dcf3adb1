package app

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// caseload is every record, read once and kept in memory so that lists
// and searches never wait on the database. It is touched only on the UI
// goroutine; writes go to the store in the background and then here.
type caseload struct {
	people   []data.Person  // by name
	hay      []string       // each person's searchable text, lower case, beside people
	personAt map[string]int // person id to their place in people
	requests map[string]data.Request
	byPerson map[string][]string      // person id to request ids, newest first
	steps    map[string][]data.Step   // request id to its timeline; a list is never changed, only replaced
	letters  map[string][]data.Letter // request id to its letters, loaded on demand
	contacts []data.Contact           // by display name
	sender   data.Sender
	settings map[string]string
}

// loadCaseload reads everything the screens need in one go.
func loadCaseload(ctx context.Context, st *store.Store) (*caseload, error) {
	c := &caseload{requests: map[string]data.Request{}, byPerson: map[string][]string{},
		steps: map[string][]data.Step{}, letters: map[string][]data.Letter{}, settings: map[string]string{}}
	all, err := st.LoadAll(ctx)
	if err != nil {
		return nil, err
	}
	c.people, c.contacts = all.People, all.Contacts
	for _, r := range all.Requests {
		c.putRequest(r)
	}
	c.steps = groupSteps(all.Steps)
	if c.sender, err = st.Sender(ctx); err != nil {
		return nil, err
	}
	for _, k := range settingKeys {
		v, err := st.Setting(ctx, k)
		if err != nil {
			return nil, err
		}
		c.settings[k] = v
	}
	c.sortPeople()
	c.sortContacts()
	return c, nil
}

// groupSteps splits steps, which come grouped by request, into one list
// per request that shares steps' memory: one list each, grown step by
// step, would copy every step again and again.
func groupSteps(steps []data.Step) map[string][]data.Step {
	out := map[string][]data.Step{}
	for start := 0; start < len(steps); {
		end := start + 1
		for end < len(steps) && steps[end].RequestID == steps[start].RequestID {
			end++
		}
		id, group := steps[start].RequestID, steps[start:end:end]
		// The capacity ends with the group, so that a step added later
		// goes to a new list rather than over the next request's.
		if earlier, ok := out[id]; ok {
			group = append(earlier, group...)
		}
		out[id] = group
		start = end
	}
	return out
}

// clone is a copy for work in the background, which the UI goroutine may
// go on changing meanwhile. Timelines are shared, not copied: they are
// replaced, never changed, and copying them all was most of the time
// Today took to appear with 50,000 people.
func (c *caseload) clone() *caseload {
	n := &caseload{people: slices.Clone(c.people), hay: slices.Clone(c.hay), personAt: maps.Clone(c.personAt),
		requests: maps.Clone(c.requests),
		byPerson: make(map[string][]string, len(c.byPerson)), steps: make(map[string][]data.Step, len(c.steps)),
		letters: map[string][]data.Letter{}, contacts: slices.Clone(c.contacts), sender: c.sender,
		settings: maps.Clone(c.settings)}
	for k, v := range c.byPerson {
		n.byPerson[k] = slices.Clone(v)
	}
	maps.Copy(n.steps, c.steps)
	return n
}

func (c *caseload) sortPeople() {
	slices.SortStableFunc(c.people, func(a, b data.Person) int {
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	c.hay = make([]string, len(c.people))
	c.personAt = make(map[string]int, len(c.people))
	for i, p := range c.people {
		c.hay[i] = searchText(p)
		c.personAt[p.ID] = i
	}
}

// searchText is what a search looks in: name, NHS number (with and
// without spaces), date of birth and address.
func searchText(p data.Person) string {
	t := fold(p.Name + " " + p.NHSNumber + " " + p.DateOfBirth.UK() + " " + p.Address)
	return t + " " + strings.ReplaceAll(t, " ", "")
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
	if i, ok := c.personAt[id]; ok && i < len(c.people) && c.people[i].ID == id {
		return c.people[i], true
	}
	for _, p := range c.people { // a caseload put together without sortPeople
		if p.ID == id {
			return p, true
		}
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

func (c *caseload) putPerson(p data.Person) {
	for i := range c.people {
		if c.people[i].ID == p.ID {
			c.people[i] = p
			c.sortPeople()
			return
		}
	}
	c.people = append(c.people, p)
	c.sortPeople()
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

func (c *caseload) putRequest(r data.Request) {
	if _, ok := c.requests[r.ID]; !ok {
		c.byPerson[r.PersonID] = append([]string{r.ID}, c.byPerson[r.PersonID]...)
	}
	c.requests[r.ID] = r
}

// addStep puts a step in its request's timeline, in a new list:
// snapshots being worked on in the background share the old.
func (c *caseload) addStep(s data.Step) {
	list := append(slices.Clip(c.steps[s.RequestID]), s)
	slices.SortStableFunc(list, func(a, b data.Step) int {
		return cmp.Or(a.On.Compare(b.On), a.CreatedAt.Compare(b.CreatedAt))
	})
	c.steps[s.RequestID] = list
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

// requestList is every request, in no order.
func (c *caseload) requestList() []data.Request {
	out := make([]data.Request, 0, len(c.requests))
	for _, r := range c.requests {
		out = append(out, r)
	}
	return out
}

// requestsOf lists a person's requests, newest first.
func (c *caseload) requestsOf(personID string) []data.Request {
	ids := c.byPerson[personID]
	out := make([]data.Request, 0, len(ids))
	for _, id := range ids {
		out = append(out, c.requests[id])
	}
	slices.SortStableFunc(out, func(a, b data.Request) int { return b.CreatedAt.Compare(a.CreatedAt) })
	return out
}

func (c *caseload) state(requestID string) process.State {
	return process.StateOf(c.steps[requestID])
}

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
