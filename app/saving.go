package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// A form's save is under way until the records answer. On a team's server
// whose connection was lost that can be several seconds, while the save is
// tried again (store's server_retry.go). Meanwhile a second save of the
// same form would race the first: a new record saved twice, or a change
// sent with the version the first is replacing and refused as someone
// else's. So a form saves once at a time. A press of Save on a form that
// closes once saved is let go; on a screen that stays open, what was asked
// for is done, in turn, once the save before it has ended, from what the
// screen then holds. And after a second the person is told the save is
// still going.

// slowSave is how long a save may take before the person is told it is
// still going (a variable for the tests).
var slowSave = time.Second

// saveJob is runJob for a save made from a form (form is any value that
// stands for it, the same for every press of its Save). If the form's last
// save is still going, nothing is saved now: then, if not nil, runs once
// it has ended. A nil form is not held back.
func saveJob[T any](s *shell, form any, then func(), work func(ctx ctxT) (T, error), done func(T), fail func(error)) {
	finish, ok := s.startSave(form, then)
	if !ok {
		return
	}
	runJob(s, work, func(v T) {
		next := finish()
		done(v)
		for _, f := range next {
			f()
		}
	}, func(err error) {
		if dropped := finish(); len(dropped) > 0 {
			// What was asked for next is let go, as the person is told
			// why this failed. A move to another screen was among it, so
			// the next one keeps the screen's work again first.
			s.leaving = nil
		}
		fail(err)
	})
}

// startSave marks form as saving, unless it already is: then ok is false,
// and then (if not nil) waits its turn. finish, called on the UI goroutine
// once the save has ended, either way, returns what waited, in order.
func (s *shell) startSave(form any, then func()) (finish func() (next []func()), ok bool) {
	if waiting, going := s.saving[form]; form != nil && going {
		if then != nil {
			s.saving[form] = append(waiting, then)
		}
		return nil, false
	}
	if form != nil {
		if s.saving == nil {
			s.saving = map[any][]func(){}
		}
		s.saving[form] = nil
	}
	ended := false
	var notice dialog.Dialog
	timer := time.AfterFunc(slowSave, func() {
		s.jobs.deliver(func() {
			if !ended && !s.isLocked() { // a notice held behind the lock would outlive the save
				notice = s.stillSaving()
			}
		})
	})
	return func() []func() {
		ended = true
		timer.Stop()
		if notice != nil {
			notice.Hide()
		}
		if form == nil {
			return nil
		}
		next := s.saving[form]
		delete(s.saving, form)
		return next
	}, true
}

// stillSaving shows that a save is taking longer than it should.
func (s *shell) stillSaving() dialog.Dialog {
	// The words need a width to wrap in, or they stand a word to a line.
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(440, 0))
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustom("Still saving…", "Hide this", container.NewVBox(width,
		prose("This is taking longer than usual. If the connection to the team's server was lost, the save is tried "+
			"again for a few seconds as it comes back. What you typed is kept either way: you will be told if it "+
			"could not be saved. Hiding this message does not stop the save."), bar), s.win)
	s.showDialog(d)
	return d
}
