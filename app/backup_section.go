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
	if s.st != nil && s.st.OnServer() {
		return container.NewVBox(subheading("Backups"),
			prose("Your team's records are backed up on the server, by whoever runs it, so nothing is copied to this "+
				"computer when the program closes. \"Back up now\" saves a checked copy of the records you can see, as a "+
				"Second Opinion file; keep it as safely as the server."),
			container.NewHBox(now))
	}
	restore := widget.NewButtonWithIcon("Restore from a backup…", theme.HistoryIcon(), s.onRestore)
	if s.example {
		restore.Disable()
	}
	return container.NewVBox(subheading("Backups"),
		quiet("A backup is made each time the program closes, in "+filepath.Join(s.dir, store.BackupFolder)+". "+last),
		fieldRows(ss.keep),
		container.NewHBox(now, restore))
}
