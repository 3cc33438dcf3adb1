package app

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The words a search looks in of each request and timeline (the long
// texts of a request, the summaries of its steps) are kept as numbers in
// the caseload's book of words, each word once, rather than as text. Held
// as text they were the largest part of a desk's memory with 50,000 people
// (23 MB), though most of them are the same few thousand words again.
//
// A search finds the same people as it did in the texts: a word typed has
// no space in it, so it lies in a text exactly when it lies in one of the
// text's words (split, as the search splits what is typed, at spaces).
// So the search first finds the words of the book that hold what was
// typed, then the requests and timelines that have one of them. (Both are
// folded, and fold gives valid UTF-8, so a word typed cannot match part
// of a space of several bytes.)
//
// The book belongs to one caseload (a reading of the records) and goes
// with it, shared only with the caseload's snapshots: its words are about
// people's health, so no table of the whole program keeps them, as the
// kinds are kept (numbered_words.go). It never forgets a word within the
// caseload: a word no longer in any request stays until the records are
// read again.

// wordBook numbers the words of a caseload. Words are added under its
// lock, from any goroutine; the search reads them without one.
type wordBook struct {
	mu    sync.Mutex
	index map[string]wordCode
	textPages
}

func newWordBook() *wordBook { return &wordBook{index: map[string]wordCode{}} }

// code numbers a word, giving it a number the first time it is seen, and
// gives the book's own copy of it.
func (b *wordBook) code(w string) (string, wordCode) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if c, ok := b.index[w]; ok {
		return b.text(c), c
	}
	c := b.push(w)
	b.index[w] = c
	return w, c
}

// bookWriter turns texts into their numbered words, with a book. Each
// goroutine making briefs has its own, so that the words it has seen are
// numbered without the book's lock: at sign-in there are millions.
type bookWriter struct {
	book *wordBook
	seen map[string]seenWord
	// recent are words seen lately, by a hash taken while the word is
	// read: most words are common ones, found here by one comparison.
	// Made once the writer has read many words (at sign-in), not for
	// each save.
	recent *[recentWords]seenWord
	read   int // words read, until recent is made
	codes  []wordCode
	word   []byte // the word being read, folded
	out    []byte
}

type seenWord struct {
	word string // kept by the writer, not part of a text being read
	code wordCode
}

const (
	recentWords = 4096 // a power of two
	recentAfter = 4096 // words read before recent is made
)

func (b *wordBook) writer() *bookWriter {
	return &bookWriter{book: b, seen: map[string]seenWord{}}
}

// add takes in the words of a text, folding it as the search does. Most
// texts are plain ASCII, folded here a letter at a time as their words
// are read: folding them whole first made a copy of every text, and was
// most of the time sign-in spent on the search's words.
func (w *bookWriter) add(text string) {
	if !isASCII(text) {
		text = fold(text)
	}
	word, hash := w.word[:0], uint32(fnvOffset)
	for i := 0; i < len(text); {
		b := text[i]
		size, space := 1, false
		if b < utf8.RuneSelf {
			space = asciiSpace[b]
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
		} else {
			size, space = runeAt(text, i)
		}
		switch {
		case space && len(word) > 0:
			w.codes = append(w.codes, w.code(word, hash))
			word, hash = word[:0], fnvOffset
		case !space && size == 1:
			word = append(word, b)
		case !space:
			word = append(word, text[i:i+size]...)
		}
		if !space {
			hash = (hash ^ uint32(b)) * fnvPrime
		}
		i += size
	}
	if len(word) > 0 {
		w.codes = append(w.codes, w.code(word, hash))
	}
	w.word = word
}

// The FNV-1a hash, of each word's bytes (the first of each character).
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// code numbers a word read, whose hash is given. Neither the comparison
// nor the lookup copies the word; only a word new to the writer is.
func (w *bookWriter) code(word []byte, hash uint32) wordCode {
	var slot *seenWord
	if w.recent != nil {
		if slot = &w.recent[hash%recentWords]; slot.word == string(word) {
			return slot.code
		}
	} else if w.read++; w.read == recentAfter {
		w.recent = new([recentWords]seenWord)
	}
	seen, ok := w.seen[string(word)]
	if !ok {
		seen.word, seen.code = w.book.code(string(word))
		w.seen[seen.word] = seen
	}
	if slot != nil {
		*slot = seen
	}
	return seen.code
}

// runeAt gives the size of the character at s[i], and whether it is a
// space as strings.Fields, and so the search, takes it.
func runeAt(s string, i int) (size int, space bool) {
	if b := s[i]; b < utf8.RuneSelf {
		return 1, asciiSpace[b]
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return size, unicode.IsSpace(r)
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// addList takes in words already numbered (a digest's, to add a step's to).
func (w *bookWriter) addList(words string) {
	eachWord(words, func(c wordCode) bool {
		w.codes = append(w.codes, c)
		return true
	})
}

// take gives the words taken in since the last take, each once: their
// numbers in order, each written as how far it is past the last, in as
// few bytes as it needs (most words are common, and have low numbers).
func (w *bookWriter) take() string {
	slices.Sort(w.codes)
	out := w.out[:0]
	var last wordCode
	for i, c := range w.codes {
		if i > 0 && c == last {
			continue
		}
		out = binary.AppendUvarint(out, uint64(c-last))
		last = c
	}
	w.codes, w.out = w.codes[:0], out
	return string(out)
}

// eachWord calls yield with the number of each word of a list that take
// made, until it returns false.
func eachWord(words string, yield func(wordCode) bool) {
	var c wordCode
	for i := 0; i < len(words); {
		c, i = nextWord(words, i, c)
		if !yield(c) {
			return
		}
	}
}

// nextWord reads the number written at words[i], after last, and gives it
// with where the next one starts.
func nextWord(words string, i int, last wordCode) (wordCode, int) {
	var gap uint64
	for shift := uint(0); ; shift += 7 {
		b := words[i]
		i++
		gap |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return last + wordCode(gap), i
		}
	}
}

// spell gives the words of a list, as text (the tests read them so).
func (b *wordBook) spell(words string) []string {
	var out []string
	eachWord(words, func(c wordCode) bool {
		out = append(out, b.text(c))
		return true
	})
	return out
}

// wordsHolding is what a word typed finds in the book: the words that
// hold it, as bits by number.
type wordsHolding struct {
	book  *wordBook
	typed string
	bits  []uint64
	known wordCode // the words the bits were worked out for: those below it
}

// holdingWithin finds the words of the book that hold typed (folded, no
// spaces). A word typed before that is part of it (the same word, or
// fewer of its letters) found every word that can hold it, so typing on
// looks only in those, and in words numbered since.
func (b *wordBook) holdingWithin(typed string, before []wordsHolding) wordsHolding {
	n := b.size()
	h := wordsHolding{book: b, typed: typed, bits: make([]uint64, (n+63)/64), known: wordCode(n)}
	from := wordCode(0)
	for i := range before {
		if wider := &before[i]; wider.book == b && strings.Contains(typed, wider.typed) {
			for at, set := range wider.bits {
				for set != 0 {
					h.look(wordCode(at*64 + bits.TrailingZeros64(set)))
					set &= set - 1
				}
			}
			from = wider.known
			break
		}
	}
	for c := from; c < h.known; c++ {
		h.look(c)
	}
	return h
}

// look marks word c if it holds what was typed.
func (h *wordsHolding) look(c wordCode) {
	if strings.Contains(h.book.text(c), h.typed) {
		h.bits[c/64] |= 1 << (c % 64)
	}
}

// anyIn reports whether a list of words has one that holds what was typed.
func (h *wordsHolding) anyIn(words string) bool {
	var c wordCode
	for i := 0; i < len(words); {
		c, i = nextWord(words, i, c)
		if c < h.known {
			if h.bits[c/64]&(1<<(c%64)) != 0 {
				return true
			}
		} else if strings.Contains(h.book.text(c), h.typed) {
			// Numbered since the search began: the search and the saves
			// are both on the UI goroutine, so this is a safeguard.
			return true
		}
	}
	return false
}

// anyOf is anyIn for several lists.
func (h *wordsHolding) anyOf(lists []string) bool {
	for _, words := range lists {
		if h.anyIn(words) {
			return true
		}
	}
	return false
}
