package app

import (
	"strconv"
	"sync"
	"testing"
)

// Texts are numbered once for the whole program, the empty text as 0, and
// each number gives back its text, while the briefs are made on several
// goroutines at once. Thousands of texts (what is owed, with its dates)
// must number as readily as a few.
func TestTextsAreNumberedOnceAndReadBack(t *testing.T) {
	if codeOf("") != 0 || wordCode(0).text() != "" {
		t.Fatalf("the empty text is numbered %d", codeOf(""))
	}
	const texts, workers = 5000, 4
	codes := make([][]wordCode, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range texts {
				k := (i*7 + w*1013) % texts // each worker in its own order
				want := "Last day to complain (12 months from " + strconv.Itoa(k) + ")"
				c := codeOf(want)
				// Read back at once, while the others number on: a number
				// must never be found before its text is there.
				if got := c.text(); got != want {
					t.Errorf("number %d gives %q at once, want %q", c, got, want)
					return
				}
				codes[w] = append(codes[w], c)
			}
		})
	}
	wg.Wait()
	byText := map[string]wordCode{}
	for w := range workers {
		for i, c := range codes[w] {
			k := (i*7 + w*1013) % texts
			want := "Last day to complain (12 months from " + strconv.Itoa(k) + ")"
			if got := c.text(); got != want {
				t.Fatalf("number %d gives %q, want %q", c, got, want)
			}
			if other, ok := byText[want]; ok && other != c {
				t.Fatalf("%q is numbered both %d and %d", want, other, c)
			}
			byText[want] = c
		}
	}
}

// Numbering a text seen before, as every step read at sign-in does.
func BenchmarkCodeOfAKnownText(b *testing.B) {
	for i := range 1000 {
		codeOf("owed " + strconv.Itoa(i))
	}
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			codeOf("owed 500")
		}
	})
}
