package store

import "strings"

// textBlocks lays texts read one after another into shared blocks, each
// made once at its full size, and gives each text's place there. A whole
// table's people are read so: each of their texts made on its own, and
// then copied into shared blocks by the window, was 12 MB more at the
// height of signing in with 50,000 people, and twice the work.
//
// A block stays in memory while any text in it is in use, so only texts
// kept as long as one another (a reading's people) share blocks.
type textBlocks struct{ block strings.Builder }

const (
	textBlock = 64 << 10
	// A text of more than a quarter of a block is made on its own: a
	// block begun for it would leave the rest of the last unused.
	textAlone = textBlock / 4
)

// bytes gives b as a text laid out in the blocks.
func (t *textBlocks) bytes(b []byte) string {
	if len(b) == 0 || len(b) > textAlone {
		return string(b)
	}
	at := t.room(len(b))
	t.block.Write(b)
	return t.block.String()[at:]
}

// keep moves *s into the blocks, for a text read elsewhere (by the file's
// driver, or opened from a sealed field).
func (t *textBlocks) keep(s *string) {
	if n := len(*s); n > 0 && n <= textAlone {
		at := t.room(n)
		t.block.WriteString(*s)
		*s = t.block.String()[at:]
	}
}

// room begins a new block unless n bytes more fit in this one, and gives
// where they will go. Only a block's String is taken, never its bytes
// changed: a new block leaves the texts of the last where they are.
func (t *textBlocks) room(n int) int {
	if t.block.Cap()-t.block.Len() < n {
		t.block = strings.Builder{}
		t.block.Grow(textBlock)
	}
	return t.block.Len()
}
