package report

import (
	"io"
	"testing"

	"secondopinion/data"
	"secondopinion/data/demo"
)

// BenchmarkReport10000 is the whole report over a 10,000-client caseload,
// built in memory: it must take well under a second.
func BenchmarkReport10000(b *testing.B) {
	bt := demo.Build(10_000, 1, today)
	b.ReportAllocs()
	b.ResetTimer()
	var r Report
	for b.Loop() {
		r = Build(bt.People, bt.Requests, bt.Steps, data.Date{}, data.Date{}, today)
	}
	b.ReportMetric(float64(r.Opened), "requests")
	b.ReportMetric(float64(len(bt.Steps)), "steps")
}

func BenchmarkExport10000(b *testing.B) {
	bt := demo.Build(10_000, 1, today)
	r := Build(bt.People, bt.Requests, bt.Steps, data.Date{}, data.Date{}, today)
	b.ResetTimer()
	for b.Loop() {
		if err := WriteRowsCSV(io.Discard, r, true); err != nil {
			b.Fatal(err)
		}
	}
}
