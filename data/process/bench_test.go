package process

import (
	"fmt"
	"testing"
	"time"

	"secondopinion/data"
)

// demo builds n clients, one request each, with about five steps a
// request spread over every rung, nation and outcome.
func demo(n int) ([]data.Person, []data.Request, []data.Step) {
	people := make([]data.Person, n)
	requests := make([]data.Request, n)
	steps := make([]data.Step, 0, n*5)
	start := data.MustDate(2025, 6, 2)
	ladderKinds := []string{data.KindSecondOpinionTreatment, data.KindAskAgain, data.KindPALS, data.KindComplaint, data.KindOmbudsman}
	outcomes := []data.Outcome{data.OutcomeRefused, data.OutcomeNone, data.OutcomePartly, data.OutcomeRefused, data.OutcomeNoReply}
	created := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		pid, rid := fmt.Sprintf("p%05d", i), fmt.Sprintf("r%05d", i)
		people[i] = data.Person{ID: pid, Name: fmt.Sprintf("Client %05d", i), Nation: data.Nations[i%4]}
		requests[i] = data.Request{ID: rid, PersonID: pid, Route: data.Routes[i%3], Subject: data.Subjects[i%3]}
		on := start.AddDays(i % 300)
		add := func(s data.Step) {
			s.ID, s.RequestID, s.CreatedAt = fmt.Sprintf("s%d", len(steps)), rid, created.Add(time.Duration(len(steps))*time.Second)
			steps = append(steps, s)
		}
		rungs := 1 + i%3
		for r := 0; r < rungs; r++ {
			k := ladderKinds[(i+r)%len(ladderKinds)]
			add(data.Step{On: on, Kind: data.StepLetterSent, LetterKind: k})
			on = on.AddDays(5 + i%11)
			if r < rungs-1 || i%2 == 0 {
				add(data.Step{On: on, Kind: data.StepReply, Outcome: outcomes[(i+r)%len(outcomes)]})
				on = on.AddDays(3)
			}
		}
		if i%5 == 0 {
			add(data.Step{On: on, Kind: data.StepLetterSent, LetterKind: data.KindRecordsRequest})
		}
		for len(steps) < (i+1)*5 {
			add(data.Step{On: on, Kind: data.StepNote})
		}
	}
	return people, requests, steps
}

func BenchmarkAgenda(b *testing.B) {
	people, requests, steps := demo(10_000)
	today := data.MustDate(2026, 3, 2)
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		n = len(Agenda(people, requests, steps, today, Config{}))
	}
	b.ReportMetric(float64(len(steps)), "steps")
	b.ReportMetric(float64(n), "items")
}
