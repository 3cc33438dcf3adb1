// Package app is the program's window and screens, built with Fyne. It
// takes a fyne.App from main, so its tests run on Fyne's test driver with
// no display.
package app

import (
	"fyne.io/fyne/v2"
)

// ID is the application id, as in FyneApp.toml.
const ID = "uk.org.secondopinion.app"

// Open builds the main window on the data in dir and shows it. The
// records are opened in the background; the window says so meanwhile.
func Open(a fyne.App, dir string) {
	s := newShell(a, dir)
	s.win.Show()
	a.Lifecycle().SetOnStarted(s.takeEndSignals)
	go removeOldPreviews() // what a crash left: letters naming people
	s.start()
}
