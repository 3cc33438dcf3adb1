package app

import (
	"runtime"
	"sync"
)

// inParts does work on 0..n split into parts, one to each processor, and
// waits for them all: the work on everyone at sign-in (Today, the Clients
// index) took seconds on one core of two with 50,000 people. work is
// given a range of its own and must touch nothing shared but to read.
func inParts(n int, work func(from, to int)) {
	parts := min(runtime.GOMAXPROCS(0), n/minPart+1)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Go(func() { work(n*k/parts, n*(k+1)/parts) })
	}
	wg.Wait()
}

// minPart is the fewest people worth a goroutine of their own.
const minPart = 2000
