package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data/store"
)

// backups is the Settings section for backups: the same actions as the
// File menu, and how many automatic backups to keep.
func (ss *settingsScreen) backups() fyne.CanvasObject {
	s := ss.s
	last := "No backup has been made yet."
	if !s.lastBackup.IsZero() {
		last = "Last backup: " + s.lastBackup.Format("2 January 2006 at 15:04") + "."
	}
	now := widget.NewButtonWithIcon("Back up now…", theme.DocumentSaveIcon(), s.onBackupNow)
	restore := widget.NewButtonWithIcon("Restore from a backup…", theme.HistoryIcon(), s.onRestore)
	if s.example {
		restore.Disable()
	}
	return container.NewVBox(subheading("Backups"),
		quiet("A backup is made each time the program closes, in "+filepath.Join(s.dir, store.BackupFolder)+". "+last),
		fieldRows(ss.keep),
		container.NewHBox(now, restore))
}
