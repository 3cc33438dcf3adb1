package app

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// A step added to one request must not land on the next request's, and a
// snapshot taken for work in the background keeps the timelines it was
// given while the window adds and removes steps.
func TestTimelinesAreReplacedNotChanged(t *testing.T) {
	on := data.MustDate(2026, 11, 2)
	steps := []data.Step{
		{ID: "a1", RequestID: "a", On: on, Kind: data.StepNote},
		{ID: "a2", RequestID: "a", On: on, Kind: data.StepCall},
		{ID: "b1", RequestID: "b", On: on, Kind: data.StepNote},
	}
	c := newCaseload()
	putTimelines(c, steps)
	snap := c.clone()
	c.removeStep(data.Step{ID: "a1", RequestID: "a"})
	c.addStep(data.Step{ID: "a3", RequestID: "a", On: on.AddDays(1), Kind: data.StepNote, CreatedAt: time.Now()})
	c.addStep(data.Step{ID: "a4", RequestID: "a", On: on.AddDays(2), Kind: data.StepNote, CreatedAt: time.Now()})
	if ids := stepIDs(c.rulesTimeline("b")); ids != "b1" {
		t.Fatalf("adding to a changed b's timeline to %s", ids)
	}
	if ids := stepIDs(c.rulesTimeline("a")); ids != "a2 a3 a4" {
		t.Errorf("the window's timeline is %q, want a2 a3 a4", ids)
	}
	if ids := stepIDs(snap.rulesTimeline("a")); ids != "a1 a2" {
		t.Errorf("the snapshot's timeline changed to %q, want a1 a2", ids)
	}
}

// putTimelines puts steps, grouped by request and in order, in place as
// timelines of the caseload, as reading it does.
func putTimelines(c *caseload, steps []data.Step) {
	for id, list := range process.GroupSteps(steps) {
		c.setTimeline(id, list)
	}
}

func stepIDs(steps []data.Step) string {
	out := ""
	for i, s := range steps {
		if i > 0 {
			out += " "
		}
		out += s.ID
	}
	return out
}

// Finding a person by id follows the list as people are added and
// renamed (which moves them in the alphabetical list).
func TestPersonFoundAfterTheListMoves(t *testing.T) {
	c := newCaseload()
	for _, p := range []data.Person{{ID: "1", Name: "Carys"}, {ID: "2", Name: "Aled"}, {ID: "3", Name: "Bethan"}} {
		c.putPerson(p)
	}
	c.putPerson(data.Person{ID: "2", Name: "Zoe"}) // from first place to last
	for id, want := range map[string]string{"1": "Carys", "2": "Zoe", "3": "Bethan"} {
		if p, ok := c.person(id); !ok || p.Name != want {
			t.Errorf("person %s = %q, %v; want %q", id, p.Name, ok, want)
		}
	}
	if _, ok := c.person("4"); ok {
		t.Error("found someone who is not there")
	}
	c.putPerson(data.Person{ID: "4", Name: "aled"}) // the same name in lower case goes after
	c.dropPerson("1")
	names := ""
	for i, p := range c.people {
		names += p.Name + " "
		if c.personAt[p.ID] != i {
			t.Errorf("the index puts %s at %d, the list at %d", p.Name, c.personAt[p.ID], i)
		}
		if c.hay[i] != searchText(p) {
			t.Errorf("the search text at %d is %q, for %s", i, c.hay[i], p.Name)
		}
	}
	if names != "aled Bethan Zoe " || len(c.personAt) != 3 {
		t.Errorf("the list is %q (%d in the index)", names, len(c.personAt))
	}
}

// What other desks changed is not put over what this desk changed after
// the reading of it began: those records are read again instead.
func TestAnUpdateReadBeforeAChangeHereIsReadAgain(t *testing.T) {
	c := newCaseload()
	c.putPerson(data.Person{ID: "p", Name: "Carys", Version: 1})
	c.putPerson(data.Person{ID: "q", Name: "Dafydd", Version: 1})
	c.putRequest(data.Request{ID: "r", PersonID: "p", Version: 1})
	putTimelines(c, []data.Step{{ID: "s1", RequestID: "r"}})
	began := time.Now()
	c.addStep(data.Step{ID: "s2", RequestID: "r", CreatedAt: time.Now()}) // saved here while the reading ran

	older := data.Person{ID: "p", Name: "Carys (older)", Version: 1}
	newer := data.Person{ID: "q", Name: "Dafydd Rhys", Version: 2}
	again := c.apply(&teamUpdate{readFrom: began,
		people:    map[string]*data.Person{"p": &older, "q": &newer},
		timelines: map[string][]data.Step{"r": {{ID: "s1", RequestID: "r"}}}})
	if p, _ := c.person("p"); p.Name != "Carys" {
		t.Errorf("this desk's person became %q", p.Name)
	}
	if ids := stepIDs(c.rulesTimeline("r")); ids != "s1 s2" {
		t.Errorf("this desk's timeline became %q", ids)
	}
	if q, _ := c.person("q"); q.Name != "Dafydd Rhys" {
		t.Errorf("another desk's change was not put in: %q", q.Name)
	}
	want := map[store.Change]bool{{Kind: "people", ID: "p"}: true, {Kind: "requests", ID: "r"}: true}
	if len(again) != len(want) {
		t.Fatalf("to read again: %v", again)
	}
	for _, ch := range again {
		if !want[ch] {
			t.Errorf("reads %v again", ch)
		}
	}
}

// Many people put at once land in order, with their search texts beside
// them and everyone else's kept.
func TestPutPeopleSortsOnce(t *testing.T) {
	c := newCaseload()
	c.people = []data.Person{{ID: "a", Name: "Aled"}, {ID: "m", Name: "Morgan"}, {ID: "z", Name: "Zoe"}}
	c.sortPeople()
	var batch []data.Person
	for i, name := range []string{"Yara", "Bethan", "Nia", "Carys", "Owain", "Dewi", "Ffion", "Gethin", "Huw"} {
		batch = append(batch, data.Person{ID: string(rune('0' + i)), Name: name})
	}
	batch = append(batch, data.Person{ID: "m", Name: "Elin"}) // renamed: moves
	c.putPeople(batch)
	names := ""
	for i, p := range c.people {
		names += p.Name + " "
		if c.personAt[p.ID] != i || c.hay[i] != searchText(p) {
			t.Errorf("%s at %d is out of step with the index or its search text", p.Name, i)
		}
	}
	if names != "Aled Bethan Carys Dewi Elin Ffion Gethin Huw Nia Owain Yara Zoe " {
		t.Errorf("the list is %q", names)
	}
}

// A snapshot shares the people with the window's caseload until the next
// change to them, which must copy them first: the snapshot keeps the list
// it was given, whether one person is added, renamed or deleted, or many
// come at once from another desk.
func TestASnapshotKeepsItsPeopleWhileTheWindowChangesThem(t *testing.T) {
	names := []string{"Ann", "Bea", "Cal", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo"}
	c := newCaseload()
	for i, n := range names {
		c.putPerson(data.Person{ID: "p" + strconv.Itoa(i), Name: n})
	}
	snapshotIs := func(snap *caseload, want string) {
		t.Helper()
		var got []string
		for i, p := range snap.people {
			got = append(got, p.Name)
			if at, ok := snap.personAt[p.ID]; !ok || at != i || !strings.HasPrefix(snap.hay[i], strings.ToLower(p.Name)) {
				t.Errorf("the snapshot's %s is at %d (%v) with the search text %q", p.Name, at, ok, snap.hay[i])
			}
		}
		if strings.Join(got, " ") != want {
			t.Errorf("the snapshot's people are %q, want %q", strings.Join(got, " "), want)
		}
	}
	changes := []struct {
		name   string
		change func()
	}{
		{"a person added", func() { c.putPerson(data.Person{ID: "new", Name: "Abe"}) }},
		{"a person renamed", func() { c.putPerson(data.Person{ID: "p0", Name: "Zoe"}) }},
		{"a person deleted", func() { c.dropPerson("p3") }},
		{"many from another desk", func() {
			var many []data.Person
			for i := range 9 {
				many = append(many, data.Person{ID: "p" + strconv.Itoa(i), Name: "Renamed " + strconv.Itoa(9-i)})
			}
			c.putPeople(many)
		}},
	}
	for _, ch := range changes {
		before := namesOf(c.people)
		snap := c.clone()
		ch.change()
		snapshotIs(snap, before)
		if namesOf(c.people) == before {
			t.Errorf("%s: the window's list did not change", ch.name)
		}
	}
}

func namesOf(people []data.Person) string {
	var names []string
	for _, p := range people {
		names = append(names, p.Name)
	}
	return strings.Join(names, " ")
}

// A snapshot shares the window's maps of requests, lists, digests and
// revisions until the window changes one, which then copies them first:
// whatever the change, the snapshot keeps what it was given.
func TestASnapshotKeepsItsRequestsWhileTheWindowChangesThem(t *testing.T) {
	on := data.MustDate(2026, 11, 2)
	c := newCaseload()
	c.putContact(data.Contact{ID: "gp", Name: "Dr Rees"})
	for i := range 3 {
		p := "p" + strconv.Itoa(i)
		c.putPerson(data.Person{ID: p, Name: "Person " + p})
		c.putRequest(data.Request{ID: "r" + p, PersonID: p, Condition: "asthma", RecipientID: "gp"})
		c.setTimeline("r"+p, []data.Step{{ID: "s" + p, RequestID: "r" + p, On: on, Kind: data.StepNote}})
	}
	state := func(c *caseload) string {
		var out []string
		for _, id := range slices.Sorted(maps.Keys(c.requests)) {
			b := c.requests[id]
			out = append(out, fmt.Sprintf("%s(%s,%s,%p)", id, b.Condition, b.RecipientID, c.digests[id]))
		}
		for _, id := range slices.Sorted(maps.Keys(c.byPerson)) {
			out = append(out, id+":"+strings.Join(c.byPerson[id], ","))
		}
		for _, id := range slices.Sorted(maps.Keys(c.revs)) {
			out = append(out, fmt.Sprintf("%s@%d", id, c.revs[id]))
		}
		return strings.Join(out, " ")
	}
	changes := []struct {
		name   string
		change func()
	}{
		{"a request added", func() { c.putRequest(data.Request{ID: "new", PersonID: "p0", Condition: "gout"}) }},
		{"a request changed", func() { c.putRequest(data.Request{ID: "rp1", PersonID: "p1", Condition: "eczema"}) }},
		{"another desk's request", func() { c.placeRequest(data.Request{ID: "rp2", PersonID: "p2", Condition: "lupus"}) }},
		{"a step added", func() { c.addStep(data.Step{ID: "x", RequestID: "rp0", On: on, Kind: data.StepCall}) }},
		{"a step removed", func() { c.removeStep(data.Step{ID: "sp1", RequestID: "rp1"}) }},
		{"a timeline read", func() { c.setTimeline("rp2", nil) }},
		{"a contact deleted", func() { c.dropContact("gp") }},
		{"a request deleted", func() { c.dropRequest("rp0") }},
		{"a person deleted", func() { c.dropPerson("p1") }},
	}
	for _, ch := range changes {
		before := state(c)
		snap := c.clone()
		ch.change()
		if got := state(snap); got != before {
			t.Errorf("%s: the snapshot changed from\n%s\nto\n%s", ch.name, before, got)
		}
		if state(c) == before {
			t.Errorf("%s: the window's records did not change", ch.name)
		}
	}
}
