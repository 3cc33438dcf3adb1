package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The idle lock counts the pointer moving over the window as use: someone
// reading a long letter moves the mouse but types nothing. Fyne's desktop
// canvas has hooks for keys but none for the mouse, and a hover event goes
// to the topmost object under the pointer that takes hover. So a
// transparent layer that takes hover sits behind the window's content: it
// hears the pointer wherever no widget takes hover itself (the padding,
// labels and space between and around widgets, which any real movement
// crosses), and takes no hover, tap or cursor from the widgets above it.

// useWatcher is the layer; used is called on each movement it hears.
type useWatcher struct {
	widget.BaseWidget
	used func()
}

var _ desktop.Hoverable = (*useWatcher)(nil)

func newUseWatcher(used func()) *useWatcher {
	u := &useWatcher{used: used}
	u.ExtendBaseWidget(u)
	return u
}

func (u *useWatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

func (u *useWatcher) MouseIn(*desktop.MouseEvent)    { u.used() }
func (u *useWatcher) MouseMoved(*desktop.MouseEvent) { u.used() }
func (u *useWatcher) MouseOut()                      {}

// watchingUse puts the layer behind content.
func (s *shell) watchingUse(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(newUseWatcher(s.noteUse), content)
}
