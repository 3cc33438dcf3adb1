package app

import (
	"strings"
	"testing"
	"unsafe"
)

// The packer copies each text into chunks made at their final size: the
// texts read back as they were, lie one after another, and take no more
// chunks than their length needs. A text too large to share a chunk is
// left where it was.
func TestThePackerLaysTextsOutInChunksMadeToSize(t *testing.T) {
	texts := make([]string, 0, 3000)
	for i := range cap(texts) {
		texts = append(texts, strings.Repeat(string(rune('a'+i%26)), 1+i%700))
	}
	texts[100] = ""
	big := strings.Repeat("z", packAlone+1)
	texts[200] = big
	want := append([]string(nil), texts...)
	total := 0
	for _, s := range texts {
		if len(s) <= packAlone {
			total += len(s)
		}
	}

	pack(func(visit func(*string)) {
		for i := range texts {
			visit(&texts[i])
		}
	})

	chunks := map[uintptr]bool{}
	var last uintptr
	for i, s := range texts {
		if s != want[i] {
			t.Fatalf("text %d reads %.20q after packing, was %.20q", i, s, want[i])
		}
		if s == "" {
			continue
		}
		at := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		if i == 200 {
			if at != uintptr(unsafe.Pointer(unsafe.StringData(big))) {
				t.Error("a text larger than a quarter of a chunk was copied")
			}
			continue
		}
		if at != last { // not straight after the text before: a new chunk
			chunks[at] = true
		}
		last = at + uintptr(len(s))
	}
	if need := (total + packChunk - 1) / packChunk; len(chunks) > need+1 {
		t.Errorf("%d bytes of text laid out in %d chunks; %d would hold them", total, len(chunks), need)
	}

	p := wordPacker{left: 10}
	s := "0123456789"
	p.add(&s)
	if p.chunk.Cap() != packLeast {
		t.Errorf("a chunk for 10 bytes still to come was made of %d bytes, not the least, %d", p.chunk.Cap(), packLeast)
	}
	if extra := p.addBytes([]byte("more")); extra != "more" || p.chunk.Cap() < 4 {
		t.Errorf("a text beyond the count reads %q", extra)
	}
}
