package store_test

import (
	"context"
	"testing"
	"time"

	"secondopinion/data/demo"
	"secondopinion/data/store"
	"secondopinion/data/vault"
)

const benchPass = "bench passphrase of four words"

// protectedFilled is filled, protected with benchPass.
func protectedFilled(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveBatch(context.Background(), demo.Build(10000, 1, benchDay)); err != nil {
		b.Fatal(err)
	}
	rk, _ := vault.NewRecoveryKey()
	start := time.Now()
	if _, err := st.Protect(context.Background(), benchPass, rk); err != nil {
		b.Fatal(err)
	}
	b.Logf("protecting 10,000 clients took %v", time.Since(start).Round(time.Millisecond))
	return dir
}

// BenchmarkUnlockAndLoad10000 is the wait after typing the passphrase:
// the passphrase stretched, then the whole caseload read and opened. The
// file is opened (and checked) before, while the unlock screen shows.
func BenchmarkUnlockAndLoad10000(b *testing.B) {
	dir := protectedFilled(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := st.Unlock(context.Background(), benchPass); err != nil {
			b.Fatal(err)
		}
		if _, err := st.LoadAll(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// BenchmarkLoadProtected10000 is BenchmarkLoad10000 on protected records:
// the cost of opening every sealed field.
func BenchmarkLoadProtected10000(b *testing.B) {
	st, err := store.Open(protectedFilled(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := st.Unlock(context.Background(), benchPass); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.LoadAll(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}
