package store

import (
	"testing"

	"secondopinion/data"
)

// isoDate is a short cut past data.ParseDate for the dates the records
// store: whatever it accepts, ParseDate must read the same.
func FuzzISODateAgreesWithParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-02", "2024-02-29", "2026-02-29", "2026-13-01", "0000-01-01", "2026-1-02", "20x6-12-02", "２０２6-12-02", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := isoDate(s)
		if !ok {
			return
		}
		slow, err := data.ParseDate(s)
		if err != nil || slow != fast {
			t.Errorf("isoDate(%q) = %v, but ParseDate gives %v, %v", s, fast, slow, err)
		}
	})
}

func TestISODateReadsStoredDates(t *testing.T) {
	for s, want := range map[string]data.Date{
		"2026-12-02": data.MustDate(2026, 12, 2),
		"2024-02-29": data.MustDate(2024, 2, 29),
	} {
		if got, ok := isoDate(s); !ok || got != want {
			t.Errorf("isoDate(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"2026-02-29", "2026-13-01", "02/12/2026", "2026-1-02", ""} {
		if _, ok := isoDate(s); ok {
			t.Errorf("isoDate(%q) was taken as a date; it is for ParseDate to judge", s)
		}
	}
}
