package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// dialogMargin is the space kept between a dialog and the window's edge,
// so its title and buttons are never cut off.
const dialogMargin = 32

// fitDialog is the size to give a dialog: the size it would like, made
// no larger than the window (less a margin), so that on a small screen
// every dialog opens inside the window and scrolls what does not fit.
func fitDialog(s *shell, want fyne.Size) fyne.Size {
	c := s.win.Canvas().Size()
	if c.Width <= 0 || c.Height <= 0 {
		return want
	}
	return fyne.NewSize(min(want.Width, c.Width-dialogMargin), min(want.Height, c.Height-dialogMargin))
}

// dialogBody lets a dialog's content scroll, so that a window smaller
// than the form still shows the dialog's title and buttons.
func dialogBody(o fyne.CanvasObject) fyne.CanvasObject { return container.NewScroll(o) }
