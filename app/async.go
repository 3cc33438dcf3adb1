package app

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
)

// jobs runs slow work (the database, PDFs, files) off the UI goroutine and
// brings each result back through fyne.Do.
type jobs struct {
	wg sync.WaitGroup // work in flight

	// Tests set queued: results then wait in queue until wait runs them
	// on the test's own goroutine, as the real driver runs them on its one.
	queued bool
	mu     sync.Mutex
	queue  []func()
}

func (j *jobs) deliver(f func()) {
	if !j.queued {
		fyne.Do(f)
		return
	}
	j.mu.Lock()
	j.queue = append(j.queue, f)
	j.mu.Unlock()
}

// wait, in tests, runs every result as its work finishes, including the
// work those results start, until nothing is left.
func (j *jobs) wait() {
	for {
		j.wg.Wait()
		j.mu.Lock()
		q := j.queue
		j.queue = nil
		j.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// runJob runs work in its own goroutine, then hands its result to done, or
// its error to fail, on the UI goroutine.
func runJob[T any](s *shell, work func(ctx context.Context) (T, error), done func(T), fail func(error)) {
	s.jobs.wg.Add(1)
	go func() {
		defer s.jobs.wg.Done()
		v, err := work(context.Background())
		s.jobs.deliver(func() {
			if err != nil {
				fail(err)
				return
			}
			if done != nil {
				done(v)
			}
		})
	}()
}

// background is runJob whose errors go to the one error helper.
func background[T any](s *shell, work func(ctx context.Context) (T, error), done func(T)) {
	runJob(s, work, done, s.showError)
}

// backgroundErr is background for work with no result but success.
func backgroundErr(s *shell, work func(ctx context.Context) error, done func()) {
	background(s, func(ctx context.Context) (struct{}, error) { return struct{}{}, work(ctx) },
		func(struct{}) {
			if done != nil {
				done()
			}
		})
}

// backgroundForm is background for saving a form: validation problems go
// beside their fields, and only what has no field goes to the dialog. A
// press of Save while the form's last save is still going does nothing
// (saving.go).
func backgroundForm[T any](s *shell, fields []*field, work func(ctx context.Context) (T, error), done func(T)) {
	var form any
	if len(fields) > 0 {
		form = fields[0] // the same for every press of one form's Save
	}
	// The forms close once saved: a second press is let go.
	saveJob(s, form, nil, work, done, func(err error) { s.showError(showProblems(err, fields...)) })
}

// ctxT is short for the context every job is given.
type ctxT = context.Context
