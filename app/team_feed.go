package app

import (
	"context"
	"sync"
	"time"

	"secondopinion/data/store"
)

// teamFeed gathers other desks' changes from the moment this desk listens.
// Listening begins before the caseload is first read, so that nothing
// saved meanwhile is missed and the whole caseload need not be read a
// second time to be sure (with 50,000 people, seconds and twice the
// memory, straight after signing in).
type teamFeed struct {
	cancel context.CancelFunc
	kick   chan struct{} // a change is waiting
	up     chan struct{} // closed once listening

	mu        sync.Mutex
	waiting   []store.Change
	listening bool
	readFirst bool       // the caseload was read before listening began
	connected func(bool) // told when the connection is lost or found
	lost      bool       // lost before anyone was told
}

// maxListenWait is how long the first reading waits for the listener; a
// server slow to answer gets the whole caseload read again once it does.
const maxListenWait = 3 * time.Second

// listenToTeam starts listening on st, a team's server. readFirst says the
// caseload was read already, so that listening must begin by reading
// everything again.
func listenToTeam(st *store.Store, readFirst bool) *teamFeed {
	ctx, cancel := context.WithCancel(context.Background())
	f := &teamFeed{cancel: cancel, kick: make(chan struct{}, 1), up: make(chan struct{}), readFirst: readFirst}
	go st.Watch(ctx, f.add, func(up bool) {
		f.mu.Lock()
		tell := f.connected
		if tell == nil { // kept for whoever takes the feed
			f.lost = !up
		}
		f.mu.Unlock()
		if tell != nil {
			tell(up)
		}
	})
	return f
}

// tellConnection sends news of the connection to tell from now on, and the
// loss of it at once if it was lost before.
func (f *teamFeed) tellConnection(tell func(up bool)) {
	f.mu.Lock()
	f.connected = tell
	lost := f.lost
	f.mu.Unlock()
	if lost {
		tell(false)
	}
}

// add takes a batch of changes from the listener. Listening begins with a
// call to read everything: not needed when the caseload is read after.
func (f *teamFeed) add(changes []store.Change) {
	f.mu.Lock()
	if !f.listening {
		f.listening = true
		close(f.up)
		if !f.readFirst && len(changes) == 1 && changes[0] == store.Everything {
			f.mu.Unlock()
			return
		}
	}
	f.mu.Unlock()
	f.send(changes)
}

func (f *teamFeed) poke() {
	select {
	case f.kick <- struct{}{}:
	default: // a reading is already due; it will take these too
	}
}

// waitUntilListening waits, a little, for the listener before a reading.
func (f *teamFeed) waitUntilListening(ctx context.Context) {
	select {
	case <-f.up:
		return
	case <-ctx.Done():
	case <-time.After(maxListenWait):
	}
	f.mu.Lock()
	if !f.listening {
		f.readFirst = true
	}
	f.mu.Unlock()
}

// take empties the waiting changes.
func (f *teamFeed) take() []store.Change {
	f.mu.Lock()
	defer f.mu.Unlock()
	changes := f.waiting
	f.waiting = nil
	return changes
}

// put adds changes to those waiting, for the next reading.
func (f *teamFeed) put(changes ...store.Change) {
	f.mu.Lock()
	f.waiting = append(f.waiting, changes...)
	f.mu.Unlock()
}

// send adds changes and wakes the reader.
func (f *teamFeed) send(changes []store.Change) {
	f.put(changes...)
	f.poke()
}

// again asks for everything to be read with the next change.
func (f *teamFeed) again() { f.put(store.Everything) }

func (f *teamFeed) stop() { f.cancel() }
