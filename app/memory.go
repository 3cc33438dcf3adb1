package app

import (
	"runtime/debug"
	"sync/atomic"
)

// The readings of the records whose spare memory was last handed back to
// the system, after the first Today and after the first Clients index.
var releasedAfterToday, releasedAfterIndex atomic.Uint64

// releaseOnce hands back to the system, once for each reading of the
// records, the memory that working through every record needed and no
// longer does. The runtime would otherwise keep it for minutes: with
// 50,000 people the window went on holding 560 MB where the records need
// 200. It waits for a full collection, so it runs on a goroutine of its own.
func releaseOnce(last *atomic.Uint64, generation uint64) {
	if last.Swap(generation) != generation {
		go debug.FreeOSMemory()
	}
}
