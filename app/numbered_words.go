package app

import (
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
// The briefs are made on both cores at sign-in, so a text seen before is
// found without a lock (sync.Map), and its text read back without one:
// the texts lie in pages that never move once made, and the list of pages
// is replaced, not changed, when a page is added.
var numbered = func() *numberedWords {
	n := &numberedWords{}
	n.add("") // the empty text is 0, the zero value, before any other is numbered
	return n
}()

type numberedWords struct {
	sync.Mutex
	index sync.Map // text to its wordCode
	textPages
}

// codeOf numbers a text, giving it a number the first time it is seen.
func codeOf(s string) wordCode {
	if c, ok := numbered.index.Load(s); ok {
		return c.(wordCode)
	}
	numbered.Lock()
	defer numbered.Unlock()
	if c, ok := numbered.index.Load(s); ok {
		return c.(wordCode) // numbered while this waited for the lock
	}
	return numbered.add(s)
}

// add numbers a new text; the lock is held, or the list is being made.
func (n *numberedWords) add(s string) wordCode {
	text := strings.Clone(s)
	c := n.push(text)
	// Stored last: whoever finds the number finds its text written.
	n.index.Store(text, c)
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
