package store_test

import (
	"context"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"secondopinion/data/demo"
	"secondopinion/data/store"
)

var flipTrials = flag.Int("flip-trials", 40, "how many single-bit flips the damage trials make in a database file")

// TestNoFlippedBitChangesRecordsUnseen flips one random bit of a 200-client
// database file at a time and opens the result: each must be refused as
// damaged, or read back exactly as saved. A flip that changes what is read
// without a word is the failure (before records carried checksums, 96 of
// 300 did).
func TestNoFlippedBitChangesRecordsUnseen(t *testing.T) {
	if testing.Short() {
		t.Skip("damage trials are slow")
	}
	src := t.TempDir()
	st, err := store.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveBatch(context.Background(), demo.Build(200, 1, benchDay)); err != nil {
		t.Fatal(err)
	}
	want, err := st.LoadAll(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	st.Close() // folds the log into the file
	orig, err := os.ReadFile(filepath.Join(src, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(uint64(os.Getpid()), 13))
	var refused, same, unseen int
	for i := 0; i < *flipTrials; i++ {
		dir := t.TempDir()
		b := append([]byte(nil), orig...)
		at := 100 + r.IntN(len(b)-100) // past the file header, which SQLite checks itself
		bit := r.IntN(8)
		b[at] ^= 1 << bit
		if err := os.WriteFile(filepath.Join(dir, store.FileName), b, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := store.OpenReadOnly(dir)
		if err != nil {
			refused++
			continue
		}
		got, err := s.LoadAll(context.Background())
		s.Close()
		switch {
		case err != nil:
			refused++
		case reflect.DeepEqual(got, want):
			same++
		default:
			unseen++
			t.Errorf("a flip of bit %d at byte %d changed the records without a word", bit, at)
		}
	}
	t.Logf("%d flips: %d refused as damaged, %d changed nothing that is read, %d changed records unseen",
		*flipTrials, refused, same, unseen)
}
