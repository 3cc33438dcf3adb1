package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2/dialog"

	"secondopinion/data/store"
)

// On a team's server, work that fails because the server cannot be reached
// (a save, a reading) is kept and tried again by itself: every few seconds,
// and at once when the connection is back. The person is told once, and
// what they typed stays where it is.

// retries is the work waiting for the server. It is touched only on the
// UI goroutine.
type retries struct {
	waiting []func()
	timer   *time.Timer
	delay   time.Duration
}

const (
	firstRetry   = 2 * time.Second
	longestRetry = 15 * time.Second
)

// unreachable reports whether err is the team's server being out of reach,
// for records open on one: worth trying again later.
func (s *shell) unreachable(err error) bool {
	return s.st != nil && s.st.OnServer() && errors.Is(err, store.ErrServerUnreachable)
}

// keepForLater puts work aside to run again, and says so the first time.
func (s *shell) keepForLater(again func(), tell bool) {
	s.retry.waiting = append(s.retry.waiting, again)
	if tell {
		s.showDialog(dialog.NewInformation("Kept until the server is back",
			"The team's server cannot be reached just now (the network or the server may be down), so this has not "+
				"been saved yet. It is kept on this computer and will be saved by itself as soon as the server can be "+
				"reached again: you need not do it again. Please do not close Second Opinion until the message at the "+
				"top has gone.", s.win))
	}
	s.scheduleRetry()
	s.refreshBanners()
}

// scheduleRetry runs the waiting work again after a pause that grows while
// the server stays out of reach.
func (s *shell) scheduleRetry() {
	if s.retry.timer != nil {
		return
	}
	if s.retry.delay == 0 {
		s.retry.delay = firstRetry
	}
	st := s.st
	s.retry.timer = time.AfterFunc(s.retry.delay, func() {
		s.jobs.deliver(func() {
			if s.st == st {
				s.retry.timer = nil
				s.retryNow()
			}
		})
	})
	s.retry.delay = min(2*s.retry.delay, longestRetry)
}

// retryNow runs the waiting work again; what still fails waits again.
func (s *shell) retryNow() {
	if s.retry.timer != nil {
		s.retry.timer.Stop()
		s.retry.timer = nil
	}
	again := s.retry.waiting
	s.retry.waiting = nil
	for _, f := range again {
		f()
	}
	s.refreshBanners() // what fails again puts itself back, and the banner with it
}

// dropRetries forgets the waiting work, when its records are closed.
func (s *shell) dropRetries() {
	if s.retry.timer != nil {
		s.retry.timer.Stop()
	}
	s.retry = retries{}
}

// waitingForServer counts the work kept until the server is back.
func (s *shell) waitingForServer() int { return len(s.retry.waiting) }
