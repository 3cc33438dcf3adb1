package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// stepBar is a slim progress line for the wizard: calmer than a full bar.
type stepBar struct {
	widget.BaseWidget
	value float32
}

func newStepBar() *stepBar {
	b := &stepBar{}
	b.ExtendBaseWidget(b)
	return b
}

func (b *stepBar) set(v float32) {
	b.value = v
	b.Refresh()
}

func (b *stepBar) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	fg := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bg.CornerRadius, fg.CornerRadius = 4, 4
	return &stepBarRenderer{b: b, bg: bg, fg: fg}
}

type stepBarRenderer struct {
	b      *stepBar
	bg, fg *canvas.Rectangle
}

func (r *stepBarRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.fg.Resize(fyne.NewSize(s.Width*r.b.value, s.Height))
}

func (r *stepBarRenderer) MinSize() fyne.Size { return fyne.NewSize(40, 8) }

func (r *stepBarRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.fg.FillColor = theme.Color(theme.ColorNamePrimary)
	r.Layout(r.b.Size())
	r.bg.Refresh()
	r.fg.Refresh()
}

func (r *stepBarRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.fg} }
func (r *stepBarRenderer) Destroy()                     {}
