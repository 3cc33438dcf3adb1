package store

import (
	"cmp"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// Ids kept as keys order exactly as their texts do, whether they are
// UUIDs as this program writes them, UUIDs written otherwise, or not
// UUIDs at all: steps logged at the same moment are told apart by id.
func TestIDKeysOrderAsTheirTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var ids []string
	for range 300 {
		ids = append(ids, uuid.Must(uuid.NewRandomFromReader(readerOf(r))).String())
	}
	ids = append(ids, "", "-", "0", "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000",
		"ffffffff-ffff-ffff-ffff-ffffffffffff", "ffffffff-ffff-ffff-ffff-fffffffffffg", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
		"{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", "6ba7b8109dad11d180b400c04fd430c8", "6ba7b810-9dad-11d1-80b4-00c04fd430c8x",
		"step-1", "step-2", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "6ba7b810-9dad-11d1-80b4+00c04fd430c8")
	for _, id := range ids[:20] {
		ids = append(ids, strings.ToUpper(id), id[:35]+"z")
	}
	var o oddIDs
	for _, a := range ids {
		ka, aOdd := o.key(a)
		if o.text(ka, aOdd) != a {
			t.Errorf("%q is kept as %q", a, o.text(ka, aOdd))
		}
		for _, b := range ids {
			kb, bOdd := o.key(b)
			if got, want := cmp.Compare(o.compare(ka, aOdd, kb, bOdd), 0), strings.Compare(a, b); got != want {
				t.Errorf("%q and %q compare %d as keys, %d as texts", a, b, got, want)
			}
		}
	}
	if _, odd := o.key("6ba7b810-9dad-11d1-80b4-00c04fd430c8"); odd {
		t.Error("a UUID as this program writes it is kept as text")
	}
	odd := map[string]bool{}
	for _, id := range ids {
		if _, ok := canonicalUUID(id); !ok {
			odd[id] = true
		}
	}
	if len(o.list) != len(odd) || len(odd) < 50 {
		t.Errorf("%d odd ids kept, want each of the %d once", len(o.list), len(odd))
	}
}

func FuzzIDKeysOrderAsTheirTexts(f *testing.F) {
	f.Add("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "6ba7b810-9dad-11d1-80b4-00c04fd430c9")
	f.Add("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "6ba7b810-9dad-11d1-80b4-00c04fd430c")
	f.Fuzz(func(t *testing.T, a, b string) {
		var o oddIDs
		ka, aOdd := o.key(a)
		kb, bOdd := o.key(b)
		if o.text(ka, aOdd) != a {
			t.Errorf("%q is kept as %q", a, o.text(ka, aOdd))
		}
		if got, want := cmp.Compare(o.compare(ka, aOdd, kb, bOdd), 0), strings.Compare(a, b); got != want {
			t.Errorf("%q and %q compare %d as keys, %d as texts", a, b, got, want)
		}
	})
}

type randReader struct{ r *rand.Rand }

func (r randReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r.r.Uint32())
	}
	return len(p), nil
}

func readerOf(r *rand.Rand) randReader { return randReader{r} }
