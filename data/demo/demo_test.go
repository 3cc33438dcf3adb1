package demo

import (
	"context"
	"testing"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

var today = data.MustDate(2026, 11, 21)

func TestGenerateCoversEveryNationStageAndOverdue(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := Generate(ctx, st, 300, 1, today); err != nil {
		t.Fatalf("Generate: %v", err)
	}
	people, _ := st.People(ctx)
	requests, _ := st.Requests(ctx)
	steps, _ := st.AllSteps(ctx)
	if len(people) != 300 || len(requests) < 300 {
		t.Fatalf("%d people, %d requests", len(people), len(requests))
	}
	nations := map[data.Nation]bool{}
	accented := 0
	for _, p := range people {
		nations[p.Nation] = true
		for _, r := range p.Name {
			if r > 127 {
				accented++
				break
			}
		}
	}
	if len(nations) != 4 {
		t.Errorf("people in %d nations, want all 4", len(nations))
	}
	if accented == 0 {
		t.Error("no name with a diacritic")
	}

	byRequest := map[string][]data.Step{}
	for _, s := range steps {
		byRequest[s.RequestID] = append(byRequest[s.RequestID], s)
	}
	states := map[process.StateKind]int{}
	for _, r := range requests {
		states[process.StateOf(byRequest[r.ID]).Kind]++
	}
	for _, k := range []process.StateKind{process.StateDrafted, process.StateSent, process.StateAgreed,
		process.StateRefused, process.StatePartly, process.StateEscalated, process.StateClosed} {
		if states[k] == 0 {
			t.Errorf("no request in state %v (states: %v)", k, states)
		}
	}
	overdue := 0
	for _, item := range process.Agenda(people, requests, steps, today, process.Config{}) {
		if item.Overdue {
			overdue++
		}
	}
	if overdue == 0 {
		t.Error("no overdue item in the demo agenda")
	}
	if err := st.Check(ctx); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestSameSeedSameCaseload(t *testing.T) {
	a, b := Build(50, 7, today), Build(50, 7, today)
	if a.People[10].Name != b.People[10].Name || a.Requests[20].ID != b.Requests[20].ID {
		t.Error("the same seed gave different caseloads")
	}
}

func TestNHSNumbersAreValid(t *testing.T) {
	for _, p := range Build(500, 3, today).People {
		if msg := data.CheckNHSNumber(p.NHSNumber); msg != "" {
			t.Fatalf("%s: %q: %s", p.Name, p.NHSNumber, msg)
		}
	}
}

func BenchmarkGenerate10000(b *testing.B) {
	for i := 0; i < b.N; i++ {
		st, err := store.Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		if err := Generate(context.Background(), st, 10000, 1, today); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
