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
// tried again (store's server_retry.go). Meanwhile a second press of Save
// would save the form twice, and the person should see that the first is
// still going: after a second they are told so.

// slowSave is how long a save may take before the person is told it is
// still going (a variable for the tests).
var slowSave = time.Second

// saveJob is runJob for a save made from a form (form is any value that
// stands for it, the same for every press of its Save): a press while the
// form's last save is still going does nothing, and a save that takes long
// says so. A nil form is not guarded, but still says so.
func saveJob[T any](s *shell, form any, work func(ctx ctxT) (T, error), done func(T), fail func(error)) {
	finish, ok := s.startSave(form)
	if !ok {
		return
	}
	runJob(s, work, func(v T) {
		finish()
		done(v)
	}, func(err error) {
		finish()
		fail(err)
	})
}

// startSave marks form as saving, unless it already is (then ok is false
// and nothing should be saved). finish is called on the UI goroutine once
// the save has ended, either way.
func (s *shell) startSave(form any) (finish func(), ok bool) {
	if form != nil && s.saving[form] {
		return nil, false
	}
	if form != nil {
		if s.saving == nil {
			s.saving = map[any]bool{}
		}
		s.saving[form] = true
	}
	ended := false
	var notice dialog.Dialog
	timer := time.AfterFunc(slowSave, func() {
		s.jobs.deliver(func() {
			if !ended {
				notice = s.stillSaving()
			}
		})
	})
	return func() {
		ended = true
		timer.Stop()
		delete(s.saving, form)
		if notice != nil {
			notice.Hide()
		}
	}, true
}

// stillSaving shows that a save is taking longer than it should.
func (s *shell) stillSaving() dialog.Dialog {
	// The words need a width to wrap in, or they stand a word to a line.
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(440, 0))
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons("Still saving…", container.NewVBox(width,
		prose("This is taking longer than usual. If the connection to the team's server was lost, the save is tried "+
			"again for a few seconds as it comes back. What you typed is kept either way: you will be told if it "+
			"could not be saved."), bar), s.win)
	s.showDialog(d)
	return d
}
