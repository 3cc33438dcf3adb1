package store_test

import (
	"context"
	"testing"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/store"
)

// The cost of the store's safeguards (the commit count, each record's
// checksum, the health check on opening) on a large caseload: 10,000
// clients with their requests, letters and steps.

var benchDay = data.MustDate(2026, 3, 2)

func filled(b *testing.B) string {
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
	return dir
}

// BenchmarkSave10000 saves 10,000 clients in one batch into new records.
func BenchmarkSave10000(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		batch := demo.Build(10000, 1, benchDay)
		st, err := store.Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := st.SaveBatch(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
	}
}

// BenchmarkLoad10000 reads the whole caseload, as the window does.
func BenchmarkLoad10000(b *testing.B) {
	st, err := store.Open(filled(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.LoadAll(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen10000 opens the records, health check included.
func BenchmarkOpen10000(b *testing.B) {
	dir := filled(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := store.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// BenchmarkSavePerson saves one changed person: the commonest write.
func BenchmarkSavePerson(b *testing.B) {
	st, err := store.Open(filled(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	people, err := st.People(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := people[i%len(people)]
		p.Notes = "seen again"
		if err := st.SavePerson(context.Background(), &p); err != nil {
			b.Fatal(err)
		}
	}
}
