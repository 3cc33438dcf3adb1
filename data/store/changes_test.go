package store

import (
	"context"
	"sync"
	"testing"
	"time"

	"secondopinion/data"
)

// watcher gathers what Watch reports, for a test to wait on.
type watcher struct {
	mu      sync.Mutex
	changes []Change
	states  []bool
	signal  chan struct{}
}

func watch(t *testing.T, s *Store) *watcher {
	w := &watcher{signal: make(chan struct{}, 100)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Watch(ctx, func(c []Change) {
			w.mu.Lock()
			w.changes = append(w.changes, c...)
			w.mu.Unlock()
			w.signal <- struct{}{}
		}, func(up bool) {
			w.mu.Lock()
			w.states = append(w.states, up)
			w.mu.Unlock()
			w.signal <- struct{}{}
		})
	}()
	t.Cleanup(func() { cancel(); <-done })
	return w
}

// waitFor waits up to limit for ok to hold.
func (w *watcher) waitFor(t *testing.T, limit time.Duration, what string, ok func(changes []Change, states []bool) bool) time.Duration {
	t.Helper()
	start := time.Now()
	deadline := time.After(limit)
	for {
		w.mu.Lock()
		done := ok(w.changes, w.states)
		w.mu.Unlock()
		if done {
			return time.Since(start)
		}
		select {
		case <-w.signal:
		case <-deadline:
			t.Fatalf("within %v: %s; saw %+v %v", limit, what, w.changes, w.states)
		}
	}
}

func hasChange(kind, id string) func([]Change, []bool) bool {
	return func(changes []Change, _ []bool) bool {
		for _, c := range changes {
			if c.Kind == kind && c.ID == id {
				return true
			}
		}
		return false
	}
}

// What one desk saves reaches another within two seconds, by kind and id
// only; a desk is not told of its own saves.
func TestAnotherDesksSaveArrivesWithinTwoSeconds(t *testing.T) {
	a := openServerTemp(t)
	b := secondDesk(t, a)
	w := watch(t, b)
	time.Sleep(300 * time.Millisecond) // b is listening

	own := data.Person{Name: "Own Save", Nation: data.England}
	mustSave(t, b.SavePerson(ctx, &own))
	p := data.Person{Name: "Delyth Hughes", Nation: data.Wales}
	mustSave(t, a.SavePerson(ctx, &p))
	took := w.waitFor(t, 2*time.Second, "the other desk's save", hasChange("people", p.ID))
	t.Logf("arrived after %v", took)

	r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment, Route: data.RouteLocal}
	mustSave(t, a.SaveRequest(ctx, &r))
	w.waitFor(t, 2*time.Second, "the request", hasChange("requests", r.ID))
	mustSave(t, a.DeletePerson(ctx, p.ID))
	w.waitFor(t, 2*time.Second, "the deletion", func(c []Change, _ []bool) bool { return len(c) >= 4 })
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, c := range w.changes {
		if c.ID == own.ID {
			t.Errorf("told of its own save: %+v", c)
		}
	}
}

// A lost connection is reported, mended by itself, and followed by a
// request to read everything again (changes may have been missed).
func TestLostConnectionIsReportedAndMended(t *testing.T) {
	a := openServerTemp(t)
	b := secondDesk(t, a)
	w := watch(t, b)
	time.Sleep(300 * time.Millisecond)
	if _, err := a.db.ExecContext(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "+
		"WHERE application_name = $1 AND query LIKE 'LISTEN%'", b.desk); err != nil {
		t.Fatal(err)
	}
	w.waitFor(t, 5*time.Second, "the loss, then the mending", func(_ []Change, states []bool) bool {
		return len(states) >= 2 && !states[0] && states[1]
	})
	w.waitFor(t, time.Second, "a request to read everything", hasChange("", ""))
	p := data.Person{Name: "After The Break", Nation: data.Scotland}
	mustSave(t, a.SavePerson(ctx, &p))
	w.waitFor(t, 2*time.Second, "a save after mending", hasChange("people", p.ID))
}
