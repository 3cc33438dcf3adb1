package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"secondopinion/app/version"
	"secondopinion/assets/licenses"
)

// helpMenu holds About, which says which version this is and the
// licences of everything the program bundles, fonts included.
func (s *shell) helpMenu() *fyne.Menu {
	return fyne.NewMenu("Help", fyne.NewMenuItem("About Second Opinion", s.onAbout))
}

// aboutBox is the About dialog's content: the build, then the list of
// what is bundled beside the licence of the one chosen.
type aboutBox struct {
	info    *widget.Label
	list    *widget.List
	licence *widget.Label
	notices []licenses.Notice
}

func newAboutBox() *aboutBox {
	i := version.Get()
	b := &aboutBox{notices: licenses.All()}
	b.info = widget.NewLabel(fmt.Sprintf("Version %s, built %s with %s.\nSecond Opinion bundles the following, each under its own licence. Choose one to read it.", i.Version, i.Date, i.Go))
	b.info.Wrapping = fyne.TextWrapWord
	b.licence = widget.NewLabel("")
	b.licence.Wrapping = fyne.TextWrapWord
	b.list = widget.NewList(
		func() int { return len(b.notices) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			n := b.notices[id]
			o.(*widget.Label).SetText(n.Name + " — " + n.License)
		})
	b.list.OnSelected = b.onChosen
	return b
}

func (b *aboutBox) onChosen(id widget.ListItemID) { b.licence.SetText(b.notices[id].Text()) }

func (b *aboutBox) content() fyne.CanvasObject {
	split := container.NewHSplit(b.list, container.NewVScroll(b.licence))
	split.Offset = 0.45
	return container.NewBorder(b.info, nil, nil, nil, split)
}

// onAbout shows the About dialog.
func (s *shell) onAbout() { s.showAbout() }

func (s *shell) showAbout() *aboutBox {
	b := newAboutBox()
	d := dialog.NewCustom("About Second Opinion", "Close", b.content(), s.win)
	d.Resize(fitDialog(s, fyne.NewSize(1000, 650)))
	s.showDialog(d)
	b.list.Select(0)
	return b
}
