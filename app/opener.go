package app

import (
	"log"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// openWithSystem opens a file or folder in the program the computer uses
// for it, and reports an error when none could be started. Starting the
// opener is not enough: on Linux xdg-open starts happily and then fails
// when no viewer is set up, so its answer is awaited for a few seconds.
func openWithSystem(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", path)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		return nil // still running: a viewer that stays attached to its opener
	}
}

// openInViewer opens a file the program has written, off the window's
// goroutine; opened runs only when a viewer really started. Otherwise the
// person is told where the file is, and offered its folder.
func (s *shell) openInViewer(path string, opened func()) {
	open := s.opener
	background(s, func(ctxT) (error, error) { return open(path), nil }, func(err error) {
		if err == nil {
			if opened != nil {
				opened()
			}
			return
		}
		s.noViewer(path, err)
	})
}

// noViewer says where the file is, and offers to show its folder.
func (s *shell) noViewer(path string, err error) {
	log.Printf("error: no viewer started for %s: %v", path, err)
	folder := filepath.Dir(path)
	msg := widget.NewLabel("No program could be started to open it on this computer. It is saved as\n\n" +
		filepath.Base(path) + "\n\nin the folder " + folder + ", where you can open or print it yourself.")
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	show := widget.NewButton("Show the folder", func() {
		d.Hide()
		open := s.opener
		background(s, func(ctxT) (error, error) { return open(folder), nil }, func(err error) {
			if err != nil {
				s.showError(&data.UserError{Message: "The folder could not be shown either. It is " + folder + ".", Err: err})
			}
		})
	})
	show.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("The file is saved, but could not be opened", container.NewVBox(msg), s.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), show})
	d.Resize(fitDialog(s, fyne.NewSize(560, 300)))
	s.showDialog(d)
}
