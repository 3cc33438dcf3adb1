package app

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/process"
)

// Packing the words changes none of them, nor whom a search finds; and
// it lays them out in the order of the people list, in shared chunks.
func TestPackingWordsChangesNothingASearchFinds(t *testing.T) {
	batch := demo.Build(300, 1, data.Today())
	cl := newCaseload()
	cl.people = batch.People
	for _, r := range batch.Requests {
		cl.putRequest(r)
	}
	putTimelines(cl, batch.Steps)
	cl.sortPeople()

	words := map[string]string{}
	for id, b := range cl.requests {
		words["request "+id] = strings.Clone(b.words)
	}
	for id, d := range cl.digests {
		words["timeline "+id] = strings.Clone(d.words)
	}
	// Words found only in what requests and timelines say.
	var queries []string
	for _, id := range slices.Sorted(maps.Keys(cl.digests))[:40] {
		if f := cl.book.spell(cl.digests[id].words); len(f) > 2 {
			queries = append(queries, f[2])
		}
		if f := cl.book.spell(cl.requests[id].words); len(f) > 3 {
			queries = append(queries, f[3]+" "+f[1])
		}
	}
	before := searches(cl, queries)
	found := 0
	for _, q := range queries {
		if len(before[q]) > 0 {
			found++
		}
	}
	if len(queries) < 20 || found != len(queries) {
		t.Fatalf("of %d searches for the words of requests and timelines, %d found someone", len(queries), found)
	}

	cl.packWords()
	after := map[string]string{}
	for id, b := range cl.requests {
		after["request "+id] = b.words
	}
	for id, d := range cl.digests {
		after["timeline "+id] = d.words
	}
	if !maps.Equal(words, after) {
		t.Error("packing changed the words of a request or timeline")
	}
	if got := searches(cl, queries); !maps.EqualFunc(before, got, slices.Equal[[]int]) {
		t.Errorf("packing changed whom a search finds:\nbefore %v\nafter  %v", before, got)
	}

	wantPackedInOrder(t, cl)
}

// wantPackedInOrder checks that the words of the first people's requests
// and timelines lie one after another, in the order of the people list.
func wantPackedInOrder(t *testing.T, cl *caseload) {
	t.Helper()
	var addresses []uintptr
	add := func(w string) {
		if w != "" {
			addresses = append(addresses, uintptr(unsafe.Pointer(unsafe.StringData(w))))
		}
	}
	for _, p := range cl.people[:20] {
		for _, id := range cl.byPerson[p.ID] {
			add(cl.requests[id].words)
			add(cl.digest(id).words)
		}
	}
	if len(addresses) < 20 || !slices.IsSorted(addresses) {
		t.Errorf("the words are not laid out in the order of the people list: %v", addresses)
	}
}

// searches is whom the Clients search finds for each query.
func searches(cl *caseload, queries []string) map[string][]int {
	ix := buildCaseIndex(cl, map[string]string{}, data.Today(), nil)
	out := map[string][]int{}
	for _, q := range queries {
		ix.hasLast = false
		out[q] = slices.Clone(ix.filter(cl, q, caseFilter{}, nil))
	}
	return out
}

// A caseload read with its texts packed and its lists made in one piece
// holds just what was read: every person, each request's brief, each
// person's requests newest first, and a digest for each timeline.
func TestACaseloadReadPackedHoldsWhatWasRead(t *testing.T) {
	all, cl := readDemo(t, 300, 11, data.Today())
	if len(cl.people) != len(all.People) {
		t.Fatalf("%d people read, %d kept", len(all.People), len(cl.people))
	}
	for _, want := range all.People {
		if got, ok := cl.person(want.ID); !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("person %s kept as %+v, read as %+v", want.ID, got, want)
		}
	}
	one := newCaseload() // the same requests placed one by one
	for i := range all.Requests {
		one.placeBrief(briefOfRequest(&all.Requests[i], one.book.writer()))
	}
	if len(cl.requests) != len(all.Requests) {
		t.Fatalf("%d requests read, %d kept", len(all.Requests), len(cl.requests))
	}
	for id, want := range one.requests {
		got := cl.requests[id]
		if got == nil {
			t.Errorf("request %s not kept", id)
			continue
		}
		// Numbered in two books, their words have different numbers.
		gotWords, wantWords := cl.book.spell(got.words), one.book.spell(want.words)
		slices.Sort(gotWords)
		slices.Sort(wantWords)
		if !slices.Equal(gotWords, wantWords) {
			t.Errorf("request %s kept with the words %q, want %q", id, gotWords, wantWords)
		}
		g, w := *got, *want
		g.words, w.words = "", ""
		if g != w {
			t.Errorf("request %s kept as %+v, want %+v", id, g, w)
		}
	}
	if !maps.EqualFunc(cl.byPerson, one.byPerson, slices.Equal[[]string]) {
		t.Error("the people's lists of requests differ from those made one by one")
	}
	timelines := process.GroupSteps(all.Steps)
	if len(cl.digests) != len(timelines) {
		t.Errorf("%d timelines read, %d digests kept", len(timelines), len(cl.digests))
	}
	for id, steps := range timelines {
		if d := cl.digest(id); len(d.steps) != len(steps) {
			t.Errorf("request %s: %d steps in its digest, %d read", id, len(d.steps), len(steps))
		}
	}
}
