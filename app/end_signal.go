package app

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Logging out or shutting down with the program open, or Ctrl+C in the
// terminal it was started from, sends it a signal to end. Fyne's own
// answer to one closes the window at once, past onClose: a letter's
// unsaved edits and the wizard's page being typed were lost, the records
// were not closed, and no automatic backup was made. (Under Fyne 2.7.1 the
// program also, now and then, stayed running with its window gone.) The
// window now ends as when the person closes it, asking nothing.

// endSignals are the signals that ask the program to end.
var endSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// endGrace is how long saving and the backup may take once a signal has
// asked the program to end: a save that fails shows its error with no one
// to read it, and the system will not wait long before it kills the
// program (systemd, by default, 90 seconds).
var endGrace = 10 * time.Second

// retakeEndSignals are the waits before each taking over again.
var retakeEndSignals = []time.Duration{100 * time.Millisecond, time.Second, 5 * time.Second}

// takeEndSignals has the signals that end the program end it through
// endOnSignal, in place of Fyne's listening for them. Fyne begins that in
// a goroutine of its own as the window starts, which may come after this
// is called (at the start): so the listening is taken over again a little
// later, by when Fyne's has begun. Until then Fyne may still answer first.
func (s *shell) takeEndSignals() {
	asked := make(chan os.Signal, 1)
	take := func() {
		signal.Reset(endSignals...)
		signal.Notify(asked, endSignals...)
	}
	take()
	waits := retakeEndSignals
	go func() {
		for _, wait := range waits {
			time.Sleep(wait)
			take()
		}
	}()
	go func() {
		for range asked {
			s.jobs.deliver(s.endOnSignal)
		}
	}()
}

// endOnSignal closes the window as the person closing it would: edits
// are saved and the automatic backup made, and nothing is asked. A second
// signal, or endGrace gone by, closes it at once.
func (s *shell) endOnSignal() {
	if s.ending != nil {
		s.finishClose()
		return
	}
	s.ending = time.AfterFunc(endGrace, func() { s.jobs.deliver(s.finishClose) })
	s.closeTried = false // edits are saved even after one try at closing
	s.onClose()
}
