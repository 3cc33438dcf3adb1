package app

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"secondopinion/data"
	"secondopinion/data/demo"
)

// The Clients search finds, through the book of words, exactly whom it
// found when it looked in the requests' and timelines' texts themselves:
// for words whole and in part, several at once, and in texts with
// accents, punctuation and every kind of space.
func TestTheBookFindsWhomTheTextsFound(t *testing.T) {
	today := data.MustDate(2026, 11, 20)
	all, cl := readDemo(t, 300, 5, today)
	odd := []string{
		"Dr Siân Llŷr said: \"no\u00a0change\"\tuntil March;\nthen—nothing.",
		"Crohn's / colitis (IBD) — 2nd-line  biologic?",
		"Łukasz’s MRI\u2003scan was lost… re-referred 3×",
		"a", "", "   ", "x\ny\rz\u2028w",
	}
	requests := slices.Clone(all.Requests)
	for i, text := range odd {
		r := requests[i]
		r.Reason, r.Problems, r.SideEffects = text, odd[(i+1)%len(odd)], strings.ToUpper(text)
		cl.putRequest(r)
		requests[i] = r
	}
	steps := slices.Clone(all.Steps)
	for i, text := range odd {
		s := steps[i*7]
		s.Summary = text
		cl.addStep(s)
		steps[i*7] = s
	}

	// What the search looked in before: each request's texts and each
	// timeline's summaries, folded and joined.
	texts := map[string][]string{}
	var words []string
	for i := range requests {
		r := &requests[i]
		var parts []string
		for _, s := range searchedTexts(r) {
			parts = append(parts, fold(s))
		}
		texts[r.PersonID] = append(texts[r.PersonID], strings.Join(parts, " "))
		words = append(words, strings.Fields(strings.Join(parts, " "))...)
	}
	personOf := map[string]string{}
	for _, r := range requests {
		personOf[r.ID] = r.PersonID
	}
	// A step changed keeps its old summary's words too, until the
	// timeline is read again (see digest.without).
	for _, s := range append(steps, all.Steps...) {
		texts[personOf[s.RequestID]] = append(texts[personOf[s.RequestID]], fold(s.Summary))
		words = append(words, strings.Fields(fold(s.Summary))...)
	}

	ix := buildCaseIndex(cl, map[string]string{}, today, nil)
	rnd := rand.New(rand.NewPCG(5, 5))
	part := func() string {
		w := []rune(words[rnd.IntN(len(words))])
		from := rnd.IntN(len(w))
		return string(w[from : from+1+rnd.IntN(len(w)-from)])
	}
	queries := []string{"", "zzqx", "siân", "crohn's", "(ibd)", "mri", "3×", "nothing.", "—", "'", "x", "w"}
	for range 300 {
		q := part()
		if rnd.IntN(3) == 0 {
			q += " " + part()
		}
		queries = append(queries, q)
	}
	wanted := func(q string) []int {
		var want []int
		for i, p := range cl.people {
			r := &ix.rows[ix.aligned[i]]
			if everyWordIn(strings.Fields(fold(q)), cl.hay[i], r.hay, texts[p.ID]) {
				want = append(want, i)
			}
		}
		return want
	}
	found := 0
	for _, q := range queries {
		ix.hasLast = false
		got := ix.filter(cl, q, caseFilter{}, nil)
		want := wanted(q)
		if !slices.Equal(got, want) {
			t.Errorf("%q finds %d people, where the texts held it for %d", q, len(got), len(want))
		}
		if len(want) > 0 && len(want) < len(cl.people) {
			found++
		}
	}
	if found < len(queries)/2 {
		t.Errorf("only %d of %d searches found some but not all: the test proves little", found, len(queries))
	}
	// Typed a letter at a time, each search narrowing the last, then
	// taken back a letter at a time.
	ix.hasLast = false
	for _, q := range queries[:80] {
		for step := range 2*len(q) + 1 {
			typed := q[:min(step, 2*len(q)-step)]
			if got, want := ix.filter(cl, typed, caseFilter{}, nil), wanted(typed); !slices.Equal(got, want) {
				t.Errorf("typing %q: %q finds %d people, where the texts held it for %d", q, typed, len(got), len(want))
			}
		}
	}
}

// An index meets the records it was built from: given another reading of
// them, whose book numbers their words otherwise, it is built again rather
// than reading its rows' words in the wrong book.
func TestAnIndexGivenAnotherReadingIsBuiltAgain(t *testing.T) {
	today := data.MustDate(2026, 11, 20)
	batch := demo.Build(200, 8, today)
	reading := func(reverse bool) *caseload { // the same records, their words numbered in another order
		cl := newCaseload()
		cl.people = batch.People
		requests := slices.Clone(batch.Requests)
		if reverse {
			slices.Reverse(requests)
		}
		for _, r := range requests {
			cl.putRequest(r)
		}
		putTimelines(cl, batch.Steps)
		cl.sortPeople()
		cl.revision, cl.revs = 0, map[string]int{} // as read, with no change since
		return cl
	}
	first, second := reading(false), reading(true)
	ix := buildCaseIndex(first, map[string]string{}, today, nil)
	fresh := buildCaseIndex(second, map[string]string{}, today, nil)
	for _, q := range []string{"scan", "letter", "a", "zzqx", "o r", "seizures"} {
		ix.hasLast, fresh.hasLast = false, false
		if got, want := ix.filter(second, q, caseFilter{}, nil), fresh.filter(second, q, caseFilter{}, nil); !slices.Equal(got, want) {
			t.Errorf("%q finds %d people through an index of another reading, %d through its own", q, len(got), len(want))
		}
	}
	if ix.generation != second.generation {
		t.Error("the index was not built again for the reading it was given")
	}
}

// everyWordIn is the search as it was: every word in the person's text,
// their row's, or one of their requests' and timelines' texts.
func everyWordIn(words []string, hay, rowHay string, texts []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) && !strings.Contains(rowHay, w) &&
			!slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, w) }) {
			return false
		}
	}
	return true
}

// A list keeps each word once, in numbers of any size, and reads back
// as written.
func TestAListOfWordsReadsBackEachWordOnce(t *testing.T) {
	book := newWordBook()
	for i := range 20000 { // numbers past one, two and three bytes' worth
		book.code("w" + strconv.Itoa(i))
	}
	w := book.writer()
	w.add("w19999 w0 w127 w128 w16383 w16384 w0 w127")
	w.add("")
	w.add("\t w5 \u00a0w5\n")
	got := book.spell(w.take())
	want := []string{"w0", "w5", "w127", "w128", "w16383", "w16384", "w19999"}
	if !slices.Equal(got, want) {
		t.Errorf("the list reads back as %q, want %q", got, want)
	}
	if got := w.take(); got != "" {
		t.Errorf("a take with nothing added since gives %q", got)
	}
}

// A word numbered after a search began is still looked in.
func TestASearchLooksInWordsNumberedSinceItBegan(t *testing.T) {
	book := newWordBook()
	w := book.writer()
	w.add("blood test results")
	before := w.take()
	found := book.holdingWithin("sult", nil)
	w.add("consultant referral")
	after := w.take()
	if !found.anyIn(before) || !found.anyIn(after) {
		t.Error("a word holding what was typed was missed")
	}
	if nothing := book.holdingWithin("xray", nil); nothing.anyIn(before) || nothing.anyIn(after) {
		t.Error("a word not typed was found")
	}
}

// Words are numbered on several goroutines at once, as the briefs are at
// sign-in, while a search reads the book: each word once, every list
// reading back its own words.
func TestWordsNumberedAtOnceReadBackTheirOwn(t *testing.T) {
	book := newWordBook()
	const workers, texts = 4, 2000
	lists := make([][]string, workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			w := book.writer()
			for i := range texts {
				w.add("word" + strconv.Itoa((i*7+k*311)%texts) + " shared")
				lists[k] = append(lists[k], w.take())
			}
		})
	}
	wg.Go(func() {
		for range 50 {
			book.holdingWithin("word1", nil) // reads every word numbered so far, as a search does
		}
	})
	wg.Wait()
	if n := book.size(); n != texts+1 {
		t.Errorf("%d words numbered, want %d", n, texts+1)
	}
	for k := range workers {
		for i, list := range lists[k] {
			want := []string{"word" + strconv.Itoa((i*7+k*311)%texts), "shared"}
			if got := book.spell(list); !slices.Equal(sortedCopy(got), sortedCopy(want)) {
				t.Fatalf("worker %d, text %d reads back as %q, want %q", k, i, got, want)
			}
		}
	}
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// Folding and numbering the words of requests' texts, as making their
// briefs at sign-in does: millions of words with 50,000 people.
func BenchmarkNumberingTheWordsOfRequests(b *testing.B) {
	batch := demo.Build(2000, 1, data.MustDate(2026, 11, 20))
	var texts [][]string // each request's, folded
	words := 0
	for i := range batch.Requests {
		var mine []string
		for _, s := range searchedTexts(&batch.Requests[i]) {
			mine = append(mine, s) // as typed: add folds them
			words += len(strings.Fields(s))
		}
		texts = append(texts, mine)
	}
	w := newWordBook().writer()
	b.ResetTimer()
	for range b.N {
		for _, request := range texts {
			for _, t := range request {
				w.add(t)
			}
			w.take()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/word")
}
