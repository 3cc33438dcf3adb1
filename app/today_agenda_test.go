package app

import (
	"encoding/json"
	"reflect"
	"runtime"
	"testing"

	"secondopinion/data"
	"secondopinion/data/process"
)

// Today is worked out in one pass over the requests, in parts sorted on
// their own and merged. It must list what the rules give from the whole
// timelines, worked out the plain way: every dated item sorted, each
// request's soonest kept; then, person by person in the list's order and
// each one's newest request first, the requests with nothing dated that
// wait on the user, but for the one still in the wizard.
func TestTodayListsWhatThePlainWayWould(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // four parts to merge, on any machine
	today := data.MustDate(2026, 12, 1)
	all, cl := readDemo(t, 4000, 11, today)
	whole := process.GroupSteps(all.Steps)
	requests := map[string]data.Request{}
	for _, r := range all.Requests {
		requests[r.ID] = r
	}

	var want []process.Item
	listed := map[string]bool{}
	for _, it := range process.Agenda(all.People, all.Requests, all.Steps, today, cl.config()) {
		if !listed[it.RequestID] {
			listed[it.RequestID] = true
			it.StepID = "" // the window's agendas do not name the steps
			want = append(want, it)
		}
	}
	dated := len(want)
	inWizard := ""
	for _, p := range cl.people {
		for _, id := range cl.byPerson[p.ID] { // newest first
			r, steps := requests[id], whole[id]
			st := process.StateOf(steps)
			if listed[id] || !waitsOnUs(st.Kind) {
				continue
			}
			act, ok := process.NextActionFor(r, steps, today, cl.configFor(r))
			if !ok {
				continue
			}
			if inWizard == "" {
				inWizard = id // the first waiting request is taken to be in the wizard
				continue
			}
			what := st.Label()
			if st.Kind == process.StateDrafted {
				what = "No letter sent yet"
			}
			want = append(want, process.Item{PersonID: p.ID, PersonName: p.Name, RequestID: id,
				What: what + " · " + r.Title(), NextAction: act})
		}
	}
	if dated < 500 || len(want)-dated < 500 {
		t.Fatalf("the demo has %d dated and %d waiting items: too few to show the order", dated, len(want)-dated)
	}
	b, _ := json.Marshal(draft{RequestID: inWizard})
	cl.settings[settingDraft] = string(b)

	got := agenda(cl, today)
	if len(got) != len(want) {
		t.Fatalf("Today lists %d items, the plain way %d (%d dated)", len(got), len(want), dated)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("item %d of %d (%d dated) is\n%+v\nthe plain way\n%+v", i, len(want), dated, got[i], want[i])
		}
	}
}
