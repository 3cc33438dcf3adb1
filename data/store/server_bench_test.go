package store_test

import (
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/demo"
)

// BenchmarkServerCaseload reads a whole caseload from a server on this
// computer, as a desk does when it signs in (SECONDOPINION_BENCH_CLIENTS
// people, 10,000 unless set; 50,000 for the team's figure).
func BenchmarkServerCaseload(b *testing.B) {
	clients := 10000
	if v, err := strconv.Atoi(os.Getenv("SECONDOPINION_BENCH_CLIENTS")); err == nil && v > 0 {
		clients = v
	}
	server, _ := newServerCaseload(b)
	start := time.Now()
	if err := demo.Generate(bg, server, clients, 1, data.MustDate(2026, 12, 1)); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d clients written in %v", clients, time.Since(start).Round(time.Millisecond))
	b.ResetTimer()
	var before, after runtime.MemStats
	for i := 0; i < b.N; i++ {
		runtime.GC()
		runtime.ReadMemStats(&before)
		recs, err := server.LoadAll(bg)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-held")
		b.ReportMetric(float64(len(recs.People)), "people")
		runtime.KeepAlive(recs)
	}
}
