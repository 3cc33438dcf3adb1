package app

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/demo"
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

// BenchmarkCaseloadSearchManyWords10000 is BenchmarkCaseloadSearch10000
// over requests written in people's own words: the demo's texts repeat a
// few hundred words, where real ones use tens of thousands, and a search
// first looks through every word the caseload uses (search_book.go).
func BenchmarkCaseloadSearchManyWords10000(b *testing.B) {
	cl, typed := manyWordsCaseload(b)
	ix := buildCaseIndex(cl, map[string]string{}, data.Today(), nil)
	ix.align(cl)
	f := caseFilter{open: true, byDue: true}
	var into []int
	b.ResetTimer()
	for range b.N {
		ix.hasLast = false // the worst case: everyone searched again
		into = ix.filter(cl, typed, f, into)
	}
	b.ReportMetric(float64(cl.book.size()), "words")
	if len(into) == 0 {
		b.Fatal("the search found nobody")
	}
}

// BenchmarkCaseloadSearchTypingOn10000 is typing on after the first
// letters, in people's own words: each keystroke of a word and a second
// word narrows the last search.
func BenchmarkCaseloadSearchTypingOn10000(b *testing.B) {
	cl, typed := manyWordsCaseload(b)
	ix := buildCaseIndex(cl, map[string]string{}, data.Today(), nil)
	ix.align(cl)
	query := typed + " " + typed[:2]
	var into []int
	b.ResetTimer()
	for range b.N {
		ix.filter(cl, query[:1], caseFilter{}, into)
		for end := 2; end <= len(query); end++ {
			into = ix.filter(cl, query[:end], caseFilter{}, into)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*(len(query)-1))/1e6, "ms/keystroke")
	if len(into) == 0 {
		b.Fatal("the search found nobody")
	}
}

// manyWordsCaseload is 10,000 people whose requests use 60,000 words, the
// common ones far more often than the rare, as in writing; and part of a
// word some of them use.
func manyWordsCaseload(b *testing.B) (*caseload, string) {
	test.NewTempApp(b)
	batch := demo.Build(10000, 1, data.Today())
	rnd := rand.New(rand.NewPCG(1, 1))
	vocabulary := make([]string, 60000)
	for i := range vocabulary {
		word := make([]byte, 4+rnd.IntN(8))
		for j := range word {
			word[j] = byte('a' + rnd.IntN(26))
		}
		vocabulary[i] = string(word)
	}
	says := func(n int) string {
		var words []string
		for range n {
			words = append(words, vocabulary[int(float64(len(vocabulary))*math.Pow(rnd.Float64(), 3))])
		}
		return strings.Join(words, " ")
	}
	cl := newCaseload()
	cl.people = batch.People
	for _, r := range batch.Requests {
		r.Reason, r.Problems, r.SideEffects = says(40), says(30), says(10)
		cl.putRequest(r)
	}
	putTimelines(cl, batch.Steps)
	cl.sortPeople()
	cl.packWords()
	return cl, vocabulary[100][1:4]
}
