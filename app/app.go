// Package app is the program's window and screens, built with Fyne. It
// takes a fyne.App from main, so its tests run on Fyne's test driver with
// no display.
package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// ID is the application id, as in FyneApp.toml.
const ID = "uk.org.secondopinion.app"

// Open builds the main window on the data in dir and shows it.
func Open(a fyne.App, dir string) {
	w := a.NewWindow("Second Opinion")
	w.SetContent(widget.NewLabel("Second Opinion"))
	w.Resize(fyne.NewSize(1200, 760))
	w.Show()
}
