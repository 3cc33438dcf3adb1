package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/demo"
)

// A caseload of 10,000 people, in memory, as loadCaseload would build it.
func bigCaseload(b *testing.B) *caseload {
	batch := demo.Build(10000, 1, data.Today())
	cl := newCaseload()
	cl.people = batch.People
	for i := range batch.Requests {
		if batch.Requests[i].ID == "" {
			b.Skip("the demo builder leaves ids to the store")
		}
		cl.putRequest(batch.Requests[i])
	}
	putTimelines(cl, batch.Steps)
	cl.sortPeople()
	cl.packWords() // as reading the caseload does
	return cl
}

// BenchmarkSearch10000 is one keystroke in the people search.
func BenchmarkSearch10000(b *testing.B) {
	test.NewTempApp(b)
	s := &shell{cl: bigCaseload(b), today: data.Today}
	p := newPeopleScreen(s)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.filter("mac do")
	}
}

// BenchmarkToday10000 is working out Today for 10,000 people.
func BenchmarkToday10000(b *testing.B) {
	test.NewTempApp(b)
	s := &shell{cl: bigCaseload(b), today: data.Today}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		agenda(s.cl.clone(), data.Today())
	}
}
