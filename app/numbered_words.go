package app

import (
	"maps"
	"strings"
	"sync"
	"sync/atomic"
)

// wordCode numbers one of the texts a kind takes (a step's kind, outcome,
// way of sending or letter kind, and what it says is owed; a request's
// subject, route, who asked, how, and the reason; a request's state), in
// four bytes rather than sixteen.
type wordCode uint32

// numbered are the texts numbered so far, for the whole program: a
// caseload read again, or another desk's, uses the same ones. They are
// few (a few hundred, most of them what is owed, some with a date), and
// never forgotten.
//
// The briefs are made on both cores at sign-in, a million texts numbered
// with 50,000 people, so a text seen before is found without a lock, and
// without making anything: in a table that is never changed, only
// replaced by a larger copy. The texts numbered since the last copy wait
// in a second table, under the lock, until there are as many as in the
// first: so each text is copied a few times at most, however many there
// are. Its text is read back without a lock too: the texts lie in pages
// that never move once made, and the list of pages is replaced, not
// changed, when a page is added.
var numbered = func() *numberedWords {
	n := &numberedWords{fresh: map[string]wordCode{}}
	n.known.Store(&map[string]wordCode{})
	n.add("") // the empty text is 0, the zero value, before any other is numbered
	return n
}()

type numberedWords struct {
	known atomic.Pointer[map[string]wordCode] // never changed once stored
	sync.Mutex
	fresh map[string]wordCode // numbered since known was made
	textPages
}

// codeOf numbers a text, giving it a number the first time it is seen.
func codeOf(s string) wordCode {
	if c, ok := (*numbered.known.Load())[s]; ok {
		return c
	}
	numbered.Lock()
	defer numbered.Unlock()
	if c, ok := numbered.fresh[s]; ok {
		return c
	}
	if c, ok := (*numbered.known.Load())[s]; ok {
		return c // copied into known while this waited for the lock
	}
	return numbered.add(s)
}

// add numbers a new text; the lock is held, or the list is being made.
func (n *numberedWords) add(s string) wordCode {
	text := strings.Clone(s)
	c := n.push(text)
	n.fresh[text] = c
	if known := *n.known.Load(); len(n.fresh) >= max(len(known), 64) {
		grown := maps.Clone(known)
		maps.Copy(grown, n.fresh)
		n.known.Store(&grown)
		n.fresh = map[string]wordCode{}
	}
	return c
}

func (c wordCode) text() string { return numbered.text(c) }

// textPages keeps texts by number in pages that never move once made, so
// that a text is read back without a lock: the list of pages is replaced,
// not changed, when a page is added. Texts are added under their owner's
// lock.
type textPages struct {
	pages atomic.Pointer[[]*wordPage]
	count atomic.Uint32 // texts kept; stored after the text is in place
}

const wordPageSize = 256

type wordPage [wordPageSize]string

// push keeps one more text, under the owner's lock, and gives its number.
func (t *textPages) push(s string) wordCode {
	c := wordCode(t.count.Load())
	var pages []*wordPage
	if p := t.pages.Load(); p != nil {
		pages = *p
	}
	if int(c)/wordPageSize == len(pages) {
		grown := append(pages[:len(pages):len(pages)], new(wordPage))
		t.pages.Store(&grown)
		pages = grown
	}
	pages[c/wordPageSize][c%wordPageSize] = s
	t.count.Store(uint32(c) + 1)
	return c
}

// text is the text numbered c, which must have been pushed.
func (t *textPages) text(c wordCode) string {
	return (*t.pages.Load())[c/wordPageSize][c%wordPageSize]
}

// size is how many texts are kept; each one below it may be read.
func (t *textPages) size() int { return int(t.count.Load()) }
