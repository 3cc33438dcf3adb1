package app

import (
	"runtime/debug"
	"testing"
)

// The collector runs sooner while works over the whole caseload overlap,
// and goes back to the usual percentage only when the last is done; a
// percentage set lower, or the collector turned off, is left as it is.
func TestCollectSoonerComesBackToTheUsualPercentage(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	percent := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }

	signingIn := collectSooner()
	indexing := collectSooner()
	if got := percent(); got != busyCollectPercent {
		t.Fatalf("while busy the percentage is %d, want %d", got, busyCollectPercent)
	}
	signingIn()
	signingIn() // a second call changes nothing
	if got := percent(); got != busyCollectPercent {
		t.Errorf("with one work still under way the percentage is %d, want %d", got, busyCollectPercent)
	}
	indexing()
	if got := percent(); got != 100 {
		t.Errorf("after the works the percentage is %d, want 100", got)
	}

	for _, usual := range []int{20, -1, 300} {
		debug.SetGCPercent(usual)
		done := collectSooner()
		want := min(usual, busyCollectPercent)
		if usual < 0 {
			want = -1
		}
		if got := percent(); got != want {
			t.Errorf("set to %d, while busy the percentage is %d, want %d", usual, got, want)
		}
		done()
		if got := percent(); got != usual {
			t.Errorf("set to %d, after the work the percentage is %d", usual, got)
		}
	}
}
