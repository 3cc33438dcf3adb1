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
