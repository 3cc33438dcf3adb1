package app

import (
	"context"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

// BenchmarkSignInTeamCaseload is what a desk does when it signs in to a
// team's server: read the caseload, then work out Today and index the
// Clients list. The server holds SECONDOPINION_BENCH_CLIENTS people
// (10,000 unless set; 50,000 for the team's figure). The figures are the
// time to the first screen (open-ms), to the Clients index (clients-ms),
// the memory all of it holds (MB-held), what the heap's pages in use hold
// beside it (MB-unused-in-pages), and all it asked of the heap (MB-asked).
//
// Writing 50,000 invented people takes a minute and a half; to measure
// again and again, SECONDOPINION_BENCH_SERVER may name a caseload filled
// already (with secondopinion demo -db ADDRESS -clients N).
func BenchmarkSignInTeamCaseload(b *testing.B) {
	test.NewTempApp(b)
	ctx := context.Background()
	today := data.MustDate(2026, 12, 1)
	address := benchServer(b, today)
	var before, after runtime.MemStats
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&before)
		peak := watchHeap()
		start := time.Now()
		st, err := store.OpenServer(ctx, address, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		o, err := prepare(ctx, st, b.TempDir(), false, today)
		if err != nil {
			b.Fatal(err)
		}
		read := time.Since(start)
		b.ReportMetric(float64(read.Milliseconds()), "read-ms")
		b.ReportMetric(heldSince(&before), "records-MB")
		startAgenda := time.Now()
		r := reckon(o.cl, today) // as opening does
		items := r.items
		opened := read + time.Since(startAgenda)
		bodies, err := editedLetters(ctx, st)
		if err != nil {
			b.Fatal(err)
		}
		ix := buildCaseIndex(o.cl.clone(), bodies, today, r.dues) // as the window does after Today
		indexed := read + time.Since(startAgenda)
		b.ReportMetric(float64(peak()-before.HeapAlloc)/1e6, "peak-MB")
		runtime.GC()
		runtime.ReadMemStats(&after)
		// All that was asked of the heap, most of it let go at once: the
		// collector's work, and so the time to open, grow with it.
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6, "MB-asked")
		b.ReportMetric(float64(opened.Milliseconds()), "open-ms")
		b.ReportMetric(float64(indexed.Milliseconds()), "clients-ms")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-held")
		// What the heap's pages in use hold beyond the live records: memory
		// the system sees as used that a record half-freed keeps.
		b.ReportMetric(float64(after.HeapInuse-after.HeapAlloc)/1e6, "MB-unused-in-pages")
		b.ReportMetric(float64(len(items)), "due")
		b.ReportMetric(float64(len(o.cl.people)), "people")
		runtime.KeepAlive(items)
		runtime.KeepAlive(ix)
		o.feed.stop()
		st.Close()
	}
}

// watchHeap follows the heap's live and dead objects every millisecond,
// until the function it gives is called, which gives the most it saw:
// what signing in needs at its height, garbage not yet collected included.
func watchHeap() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var most atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > most.Load() {
				most.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		return most.Load()
	}
}

// heldSince is the memory held now, after a collection, beyond before.
func heldSince(before *runtime.MemStats) float64 {
	var now runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&now)
	return float64(now.HeapAlloc-before.HeapAlloc) / 1e6
}

// benchServer is the address of a caseload for the benchmarks: the one
// SECONDOPINION_BENCH_SERVER names, or a new one on the test server with
// SECONDOPINION_BENCH_CLIENTS invented people (10,000 unless set).
func benchServer(b *testing.B, today data.Date) string {
	ctx := context.Background()
	if address := os.Getenv("SECONDOPINION_BENCH_SERVER"); address != "" {
		return address
	}
	clients := 10000
	if v, err := strconv.Atoi(os.Getenv("SECONDOPINION_BENCH_CLIENTS")); err == nil && v > 0 {
		clients = v
	}
	srv := pgtest.Start(b)
	address := srv.Address(pgtest.Admin, srv.NewDatabaseName(b))
	st, err := store.SignIn(ctx, address, pgtest.Password, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if err := demo.Generate(ctx, st, clients, 1, today); err != nil {
		b.Fatal(err)
	}
	return address
}

// BenchmarkTeamUpdate is a desk taking in another desk's save (a step
// logged on a request): read that request's records, put them in place.
// Reading the whole caseload again instead took seconds with 50,000 people.
func BenchmarkTeamUpdate(b *testing.B) {
	test.NewTempApp(b)
	ctx := context.Background()
	today := data.MustDate(2026, 12, 1)
	address := benchServer(b, today)
	mine, err := store.OpenServer(ctx, address, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer mine.Close()
	cl, err := loadCaseload(ctx, mine)
	if err != nil {
		b.Fatal(err)
	}
	other, err := store.OpenServer(ctx, address, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer other.Close()
	req := cl.requestList()[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := data.Step{RequestID: req.ID, On: today, Kind: data.StepNote, Summary: "a note from another desk"}
		if err := other.AddStep(ctx, &st); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		u, err := readTeamUpdate(ctx, mine, []store.Change{{Kind: "steps", ID: st.ID}})
		if err != nil {
			b.Fatal(err)
		}
		cl.apply(u)
	}
}
