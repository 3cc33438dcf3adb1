package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold is text as search compares it: lowercase, accents taken off, and
// the letters that have no accent to take off written as their plain
// forms, so that "morag" finds Mòrag, "lukasz" finds Łukasz and "sian"
// finds Siân, whichever way the name was typed.
func fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return string(appendFoldedMarks(nil, s))
}

// appendFolded appends fold(s) to b; plain ASCII, as most is, is lowered
// in place rather than through a string of its own.
func appendFolded(b []byte, s string) []byte {
	if !isASCII(s) {
		return appendFoldedMarks(b, s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// appendFoldedMarks is appendFolded for text beyond ASCII: the letters
// and their marks taken apart (NFD), a piece at a time through a buffer
// of the iterator's own rather than a string for the whole, the marks
// left out and the letters lowered.
func appendFoldedMarks(b []byte, s string) []byte {
	var it norm.Iter
	it.InitString(norm.NFD, s)
	for !it.Done() {
		for piece := it.Next(); len(piece) > 0; {
			r, size := utf8.DecodeRune(piece)
			piece = piece[size:]
			if unicode.Is(unicode.Mn, r) {
				continue // a combining accent
			}
			r = unicode.ToLower(r)
			if plain, ok := plainLetters[r]; ok {
				b = append(b, plain...)
				continue
			}
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// plainLetters are letters that carry their mark in the letter itself, so
// taking accents off leaves them as they are.
var plainLetters = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'þ': "th", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ı': "i", 'ħ': "h",
	'’': "'", '‘': "'",
}
