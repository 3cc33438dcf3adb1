package app

import (
	"context"
	"errors"
	"log"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// setMenu gives the window its menu: backups live in File, beside Quit,
// which closes the way the window's close button does; Help holds About.
func (s *shell) setMenu() {
	quit := fyne.NewMenuItem("Quit", s.onClose)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("Back up now…", s.onBackupNow),
		fyne.NewMenuItem("Restore from a backup…", s.onRestore),
		fyne.NewMenuItemSeparator(),
		quit)
	s.win.SetMainMenu(fyne.NewMainMenu(file, s.helpMenu()))
}

// onBackupNow asks where to put a backup, then writes and checks it.
func (s *shell) onBackupNow() {
	if s.st == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if w == nil {
			return
		}
		// The dialog has made an empty file; the backup must make its own.
		path := w.URI().Path()
		w.Close()
		if info, err := os.Stat(path); err == nil && info.Size() == 0 {
			os.Remove(path)
		}
		s.backupTo(path)
	}, s.win)
	d.SetFileName("Second Opinion backup " + s.today().String() + ".db")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	d.Resize(fitDialog(s, fyne.NewSize(900, 600)))
	d.Show()
}

// backupTo writes a checked backup to path in the background and says so.
func (s *shell) backupTo(path string) {
	st := s.st
	background(s, func(ctx context.Context) (time.Time, error) {
		if err := st.Backup(ctx, path); err != nil {
			return time.Time{}, err
		}
		now := time.Now()
		if !st.ReadOnly() { // only a reminder, so a read-only folder just goes without
			st.SetSetting(ctx, settingLastBackup, now.Format(time.RFC3339))
		}
		return now, nil
	}, func(at time.Time) {
		s.noteAudit(store.AuditExported, store.AuditRecords, "")
		s.cl.settings[settingLastBackup] = at.Format(time.RFC3339)
		s.lastBackup = at
		s.refreshBanners()
		s.showDialog(dialog.NewInformation("Backed up and checked",
			"Your records were copied to "+path+", and the copy was checked and found whole.\n\n"+
				"Keep it somewhere other than this computer, such as a USB stick, so that it is safe if the computer fails.", s.win))
	})
}

// onRestore asks for a backup file, then asks before replacing the records.
func (s *shell) onRestore() {
	if s.example {
		s.showError(&data.UserError{Message: "Please leave the example first: restoring puts a backup in place of your own records."})
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.confirmRestore(path)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	if loc, err := storage.ListerForURI(storage.NewFileURI(filepath.Join(s.dir, store.BackupFolder))); err == nil {
		d.SetLocation(loc)
	}
	d.Resize(fitDialog(s, fyne.NewSize(900, 600)))
	d.Show()
}

func (s *shell) confirmRestore(path string) {
	msg := widget.NewLabel("Put the records in " + filepath.Base(path) + " in place of the ones open now?\n\n" +
		"Your current records will not be deleted: they are kept aside in your data folder, and you will be told where. " +
		"Anything added since this backup was made will not be in the restored records.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Restore from a backup", "Restore", "Cancel", container.NewPadded(msg), func(ok bool) {
		if ok {
			s.restoreFrom(path)
		}
	}, s.win)
	d.Resize(fitDialog(s, fyne.NewSize(560, 300)))
	s.showDialog(d)
}

// logNotCarried says that the privacy log since the backup stayed with
// the records replaced (which could not be read, and may be damaged).
const logNotCarried = "The privacy log of what was opened, printed or saved since that backup could not be copied " +
	"into the restored records, so it is not in their log. It should still be in the records kept aside: " +
	"keep them if anyone may need to know who saw what."

// restoreNow keeps any unsaved work, closes the records, puts the backup
// in their place, and opens them again, saying where the old ones went.
func (s *shell) restoreNow(path string) {
	s.leaveThen(func() {
		dir := s.dir
		s.closeStore()
		s.current, s.body = nil, nil
		s.win.SetContent(container.NewCenter(widget.NewLabel("Restoring your records…")))
		runJob(s, func(ctx context.Context) (store.Restored, error) { return store.Restore(ctx, dir, path) }, func(done store.Restored) {
			s.afterOpen = func() {
				where := "There were no records before, so nothing needed keeping."
				if done.KeptAside != "" {
					where = "The records you had before are kept, untouched, in " + done.KeptAside + "."
				}
				if done.LogError != nil {
					log.Printf("restore: the privacy log: %v", done.LogError)
				}
				if done.LogNotCarried {
					where += "\n\n" + logNotCarried
				}
				s.showDialog(dialog.NewInformation("Restored", "Your records were restored from "+filepath.Base(path)+". "+where, s.win))
			}
			s.openStore(dir, false)
		}, func(err error) {
			// Restore puts the old records back when it cannot finish; the
			// message stays over whatever opens next.
			s.showError(err)
			s.openStore(dir, false)
		})
	})
}

// leaveThen lets the screen keep any unsaved work, then runs next.
func (s *shell) leaveThen(next func()) {
	if l, ok := s.current.(leaver); ok {
		cur := s.current
		l.leave(func() {
			if s.current == cur {
				s.current = nil
			}
			next()
		})
		return
	}
	next()
}

// closeAfterBackup makes the automatic backup, keeping the newest few,
// then closes. A backup that fails is explained, and the person chooses.
func (s *shell) closeAfterBackup() {
	st := s.st
	if st == nil || st.ReadOnly() || s.example || st.OnServer() {
		// A team's records are backed up on the server, by whoever runs
		// it: a copy on every desk would spread them, not keep them safe.
		s.finishClose()
		return
	}
	s.closing = true
	keep := s.cl.backupKeep()
	working := dialog.NewCustomWithoutButtons("Closing", widget.NewLabel("Making the automatic backup…"), s.win)
	working.Show()
	runJob(s, func(ctx context.Context) (string, error) { return st.AutoBackup(ctx, keep) }, func(string) {
		working.Hide()
		s.finishClose()
	}, func(err error) {
		working.Hide()
		if s.ending != nil {
			s.finishClose() // no one is there to answer
			return
		}
		s.closing = false
		var ue *data.UserError
		msg := data.Message(err)
		if !errors.As(err, &ue) {
			msg = "The automatic backup could not be made."
		}
		s.showDialog(dialog.NewConfirm("The backup could not be made",
			msg+"\n\nYour records themselves are safe. Close anyway?", func(ok bool) {
				if ok {
					s.finishClose()
				}
			}, s.win))
	})
}

// finishClose closes the records and the window, once: a backup may end
// after a second signal to end has closed them already.
func (s *shell) finishClose() {
	if s.ended {
		return
	}
	s.closing, s.ended = false, true
	if s.ending != nil {
		s.ending.Stop()
	}
	s.closeStore()
	s.win.Close()
}
