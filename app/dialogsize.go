package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// dialogMargin is the space kept between a dialog and the window's edge,
// so its title and buttons are never cut off.
const dialogMargin = 32

// dialogChrome is room left for a dialog's title and buttons around its
// content.
const dialogChrome = 160

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

// dialogBody lets a dialog's content scroll when the window is smaller
// than the form, so the dialog's title and buttons always show; when the
// window has room, the dialog is as large as its content, with no
// scrolling.
func dialogBody(s *shell, o fyne.CanvasObject) fyne.CanvasObject {
	f := &fitScroll{s: s, Scroll: container.NewScroll(o)}
	f.ExtendBaseWidget(f)
	return f
}

// fitScroll is a scroll that asks for its whole content's size, up to
// what the window can give.
type fitScroll struct {
	*container.Scroll
	s *shell
}

func (f *fitScroll) MinSize() fyne.Size {
	want := f.Content.MinSize()
	c := f.s.win.Canvas().Size()
	if c.Width <= 0 || c.Height <= 0 {
		return want
	}
	return fyne.NewSize(min(want.Width, c.Width-dialogMargin-dialogChrome/2), min(want.Height, c.Height-dialogMargin-dialogChrome))
}

var _ fyne.Widget = (*fitScroll)(nil)
