package app

import (
	"runtime/debug"
	"sync"
	"time"
)

// Working through every record (Today, the Clients index) asks for memory
// the records no longer need once it is done: for 50,000 people, 175 MB
// each time Today is worked out, where the records hold 200. The runtime
// keeps what it has asked for, up to twice what is in use, so the window
// grew from 360 to 766 MB as the person went from screen to screen.
// releaseSoon hands it back to the system shortly after such work.

const (
	// releaseAfter gives the window time to put the new screen in place
	// of the old, whose memory then goes back too.
	releaseAfter = 2 * time.Second
	// releaseGap is the least time between two hand-backs: each waits for
	// a full collection, and with many desks saving, Today and the index
	// are worked out again every few seconds.
	releaseGap = 15 * time.Second
)

var release struct {
	sync.Mutex
	last    time.Time
	pending bool
}

// releaseSoon hands spare memory back to the system soon, once for any
// number of calls meanwhile.
func releaseSoon() {
	release.Lock()
	defer release.Unlock()
	if release.pending {
		return
	}
	release.pending = true
	time.AfterFunc(max(time.Until(release.last.Add(releaseGap)), releaseAfter), func() {
		debug.FreeOSMemory()
		release.Lock()
		release.last, release.pending = time.Now(), false
		release.Unlock()
	})
}

// While the whole caseload is read or worked through, the collector runs
// sooner than Go's usual: it lets the heap grow past what is in use by
// this percentage rather than 100. Signing in to 50,000 people holds up
// to 90 MB at its height; at 100 the window then briefly grew to 211-233
// MB of its own memory, at 50 to 185-193 (in 12 sign-ins), for 6% more
// time to open.
const busyCollectPercent = 50

var busy struct {
	sync.Mutex
	n     int // works under way
	usual int // the percentage to go back to when none is
}

// collectSooner has the collector run sooner until done is called. Works
// may overlap (signing in, then the Clients index): the usual percentage
// comes back when the last is done. A percentage the user set lower is
// kept.
func collectSooner() (done func()) {
	busy.Lock()
	defer busy.Unlock()
	if busy.n == 0 {
		busy.usual = debug.SetGCPercent(busyCollectPercent)
		if busy.usual < busyCollectPercent { // set lower, or off
			debug.SetGCPercent(busy.usual)
		}
	}
	busy.n++
	var once sync.Once
	return func() {
		once.Do(func() {
			busy.Lock()
			defer busy.Unlock()
			if busy.n--; busy.n == 0 {
				debug.SetGCPercent(busy.usual)
			}
		})
	}
}
