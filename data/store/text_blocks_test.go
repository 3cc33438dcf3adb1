package store

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"secondopinion/data"
)

// People read whole have their texts laid out one after another in
// shared blocks, on the file and the server, sealed or not: made each on
// its own, a person's name and address never lie end to end.
func TestPeopleReadHaveTheirTextsLaidOutTogether(t *testing.T) {
	fill := func(t *testing.T, s *Store) {
		for i := range 60 {
			p := data.Person{Name: fmt.Sprintf("Person %03d Odd", i), Nation: data.Wales, Address: fmt.Sprintf("%d Long Lane, Cardiff", i+10),
				Phone: "029 2000 000", Email: fmt.Sprintf("p%d@example.org", i), Notes: strings.Repeat("n", i%7+1), Relationship: "my son"}
			mustSave(t, s.SavePerson(ctx, &p))
		}
	}
	check := func(t *testing.T, s *Store) {
		people, err := s.People(ctx)
		if err != nil {
			t.Fatal(err)
		}
		together, apart := 0, 0
		for _, p := range people {
			var texts []string
			for _, text := range []string{p.ID, p.Name, p.Address, p.Phone, p.Email, p.Notes, p.Relationship} {
				if text != "" {
					texts = append(texts, text)
				}
			}
			if want := "10 Long Lane, Cardiff"; p.Name == "Person 000 Odd" && p.Address != want {
				t.Errorf("the first person's address reads %q", p.Address)
			}
			for i := 1; i < len(texts); i++ {
				if follows(texts[i], texts[i-1]) {
					together++
				} else {
					apart++
				}
			}
		}
		// A new block may begin between two texts, once in 64 KB.
		if together == 0 || apart > 1 {
			t.Errorf("%d of a person's texts follow the one before, %d lie apart", together, apart)
		}
	}
	eachEngineAndProtected(t, func(t *testing.T, s *Store) {
		fill(t, s)
		check(t, s)
	})
}

// A block gives back each text as it was, one after another, and makes a
// new block only when the next does not fit; a long text stays on its own.
func TestTextBlocksLayTextsEndToEnd(t *testing.T) {
	var b textBlocks
	first := b.bytes([]byte("Aled"))
	second := "Bethan"
	b.keep(&second)
	if first != "Aled" || second != "Bethan" || !follows(second, first) {
		t.Errorf("laid out as %q then %q, apart", first, second)
	}
	long := strings.Repeat("x", textAlone+1)
	if got := b.bytes([]byte(long)); got != long || b.block.Len() != 10 {
		t.Errorf("a long text went into the block (%d bytes used)", b.block.Len())
	}
	last := second
	for i := range textBlock / 10 {
		text := b.bytes([]byte("0123456789"))
		if !follows(text, last) && i != textBlock/10-1 {
			t.Fatalf("text %d began a new block with %d bytes of %d used", i, b.block.Len(), b.block.Cap())
		}
		last = text
	}
	if b.block.Cap() != textBlock || b.block.Len() != 10 {
		t.Errorf("the new block is %d bytes with %d used, want %d with 10", b.block.Cap(), b.block.Len(), textBlock)
	}
	if b.bytes(nil) != "" || b.bytes([]byte{}) != "" {
		t.Error("an empty text is not empty")
	}
}

// follows reports whether b begins where a ends.
func follows(b, a string) bool {
	return unsafe.Pointer(unsafe.StringData(b)) == unsafe.Add(unsafe.Pointer(unsafe.StringData(a)), len(a))
}
