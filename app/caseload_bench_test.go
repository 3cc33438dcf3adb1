package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
)

// BenchmarkCaseloadSearch10000 is one keystroke in the caseload search,
// over names, notes, requests and letters, with a filter on: it must fit
// well inside one frame (16 ms).
func BenchmarkCaseloadSearch10000(b *testing.B) {
	test.NewTempApp(b)
	cl := bigCaseload(b)
	ix := buildCaseIndex(cl, map[string]string{}, data.Today(), nil)
	ix.align(cl)
	f := caseFilter{open: true, byDue: true}
	var into []int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.hasLast = false // the worst case: everyone searched again
		into = ix.filter(cl, "scan", f, into)
	}
	if len(into) == 0 {
		b.Fatal("the search found nobody")
	}
}

// BenchmarkCaseloadIndex10000 is preparing the index, off the UI goroutine.
func BenchmarkCaseloadIndex10000(b *testing.B) {
	test.NewTempApp(b)
	cl := bigCaseload(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buildCaseIndex(cl, map[string]string{}, data.Today(), nil)
	}
}
