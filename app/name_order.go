package app

import (
	"cmp"
	"unicode"
	"unicode/utf8"
)

// compareNames orders two names as comparing their strings.ToLower forms
// would, without making those forms: the list of people is in this order,
// and checking 50,000 names against it should ask nothing of memory.
// Lowered UTF-8 compares byte by byte as its runes compare by number, and
// a byte that is not UTF-8 lowers to U+FFFD, as DecodeRuneInString reads it.
func compareNames(a, b string) int {
	for a != "" && b != "" {
		x, n := rune(a[0]), 1
		if x >= utf8.RuneSelf {
			x, n = utf8.DecodeRuneInString(a)
		}
		y, m := rune(b[0]), 1
		if y >= utf8.RuneSelf {
			y, m = utf8.DecodeRuneInString(b)
		}
		if x != y {
			if x, y = unicode.ToLower(x), unicode.ToLower(y); x != y {
				return cmp.Compare(x, y)
			}
		}
		a, b = a[n:], b[m:]
	}
	return cmp.Compare(len(a), len(b))
}
