package app

import (
	"testing"
	"time"

	"secondopinion/data"
)

// Steps read together are split per request over one array; a step added
// to one request must not land on the next request's, and a snapshot
// taken for work in the background keeps the timelines it was given while
// the window adds and removes steps.
func TestTimelinesAreReplacedNotChanged(t *testing.T) {
	on := data.MustDate(2026, 11, 2)
	steps := []data.Step{
		{ID: "a1", RequestID: "a", On: on, Kind: data.StepNote},
		{ID: "a2", RequestID: "a", On: on, Kind: data.StepCall},
		{ID: "b1", RequestID: "b", On: on, Kind: data.StepNote},
	}
	c := &caseload{requests: map[string]data.Request{}, byPerson: map[string][]string{}, steps: groupSteps(steps),
		letters: map[string][]data.Letter{}, settings: map[string]string{}}
	if len(c.steps["a"]) != 2 || len(c.steps["b"]) != 1 {
		t.Fatalf("grouped as %v", c.steps)
	}
	snap := c.clone()
	c.removeStep(data.Step{ID: "a1", RequestID: "a"})
	c.addStep(data.Step{ID: "a3", RequestID: "a", On: on.AddDays(1), Kind: data.StepNote, CreatedAt: time.Now()})
	c.addStep(data.Step{ID: "a4", RequestID: "a", On: on.AddDays(2), Kind: data.StepNote, CreatedAt: time.Now()})
	if got := c.steps["b"][0].ID; got != "b1" {
		t.Fatalf("adding to a overwrote b's step with %s", got)
	}
	if ids := stepIDs(c.steps["a"]); ids != "a2 a3 a4" {
		t.Errorf("the window's timeline is %q, want a2 a3 a4", ids)
	}
	if ids := stepIDs(snap.steps["a"]); ids != "a1 a2" {
		t.Errorf("the snapshot's timeline changed to %q, want a1 a2", ids)
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
	c := &caseload{requests: map[string]data.Request{}, byPerson: map[string][]string{}}
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
}
