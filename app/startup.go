package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// startupScreen fills the window when the records cannot be opened: it
// says why, calmly, and offers only what is safe. Nothing is written.
type startupScreen struct {
	s       *shell
	err     error
	title   string
	message *widget.Label
	buttons *fyne.Container
	restore *widget.Button // the newest good backup, when the records are damaged
	backup  store.BackupFile
}

// openFailed shows why a data folder could not be opened: a full-window
// screen when there is nothing else open, a dialog otherwise.
func (s *shell) openFailed(dir string, err error) {
	if s.st != nil {
		s.showError(err)
		return
	}
	s.body, s.current, s.nav, s.banners, s.afterOpen = nil, nil, nil, nil, nil
	ss := newStartupScreen(s, err)
	s.current = ss
	s.win.SetContent(ss.content())
	if errors.Is(err, store.ErrDamaged) || errors.Is(err, store.ErrChangesLost) {
		ss.findBackup(dir)
	}
}

func newStartupScreen(s *shell, err error) *startupScreen {
	ss := &startupScreen{s: s, err: err}
	ss.message = prose(data.Message(err))
	quit := widget.NewButtonWithIcon("Quit", theme.LogoutIcon(), s.app.Quit)
	again := widget.NewButtonWithIcon("Try again", theme.ViewRefreshIcon(), s.start)
	switch {
	case errors.Is(err, store.ErrInUse):
		ss.title = "Second Opinion is already open"
		again.Importance = widget.HighImportance
		ss.buttons = container.NewHBox(again, quit)
	case errors.Is(err, store.ErrDamaged):
		ss.title = "Your records are damaged"
		found := ""
		var damage store.RecordDamage
		if errors.As(err, &damage) {
			// Which records changed unseen, by kind and day, never their words.
			found = "\n\nWhat was found: " + strings.Join(damage.Describe(), "; ") + "."
		}
		ss.message = prose("The records file could not be read safely, so it has not been opened, and nothing has been " +
			"written to it." + found + "\n\nYou can put your newest good backup in its place. The damaged file is kept aside, not deleted, " +
			"in case it can be rescued later.")
		ss.restore = widget.NewButtonWithIcon("Looking for your newest backup…", theme.HistoryIcon(), ss.onRestoreNewest)
		ss.restore.Importance = widget.HighImportance
		ss.restore.Disable()
		choose := widget.NewButtonWithIcon("Choose a backup file…", theme.FolderOpenIcon(), ss.onChoose)
		ss.buttons = container.NewHBox(ss.restore, choose, quit)
	case errors.Is(err, store.ErrChangesLost):
		// Nothing is written until the person chooses: the damaged log is
		// the only trace of the lost changes, and may yet be rescued.
		ss.title = "Your newest changes were lost"
		ss.restore = widget.NewButtonWithIcon("Looking for your newest backup…", theme.HistoryIcon(), ss.onRestoreNewest)
		ss.restore.Importance = widget.HighImportance
		ss.restore.Disable()
		keep := widget.NewButtonWithIcon("Keep working with these records", theme.ConfirmIcon(), ss.onKeepAfterLoss)
		ss.buttons = container.NewHBox(ss.restore, keep, quit)
	case errors.Is(err, store.ErrNewer):
		ss.title = "These records need a newer Second Opinion"
		ss.buttons = container.NewHBox(quit)
	default:
		ss.title = "Your records could not be opened"
		ss.buttons = container.NewHBox(again, quit)
	}
	return ss
}

func (ss *startupScreen) content() fyne.CanvasObject {
	where := quiet("Data folder: " + ss.s.dir)
	box := container.NewVBox(heading(ss.title), ss.message, widget.NewSeparator(), ss.buttons, where)
	return container.NewCenter(container.NewPadded(container.New(&maxWidth{w: 640, min: 640}, box)))
}

// findBackup looks for the newest automatic backup that passes its check.
func (ss *startupScreen) findBackup(dir string) {
	runJob(ss.s, func(ctx context.Context) (store.BackupFile, error) {
		b, ok := store.NewestGoodBackup(ctx, dir)
		if !ok {
			return b, errNoBackup
		}
		return b, nil
	}, func(b store.BackupFile) {
		ss.backup = b
		ss.restore.SetText("Restore the backup from " + b.ModTime.Format("2 January 2006 at 15:04"))
		ss.restore.Enable()
	}, func(error) {
		ss.restore.SetText("No automatic backup was found")
		ss.message.SetText(ss.message.Text + "\n\nNo automatic backup was found in the data folder. If you saved one " +
			"yourself, choose it with \u201cChoose a backup file\u201d.")
	})
}

var errNoBackup = errors.New("no good backup")

func (ss *startupScreen) onRestoreNewest() {
	if ss.backup.Path != "" {
		ss.s.restoreFrom(ss.backup.Path)
	}
}

// onKeepAfterLoss accepts the records as they are, without the lost
// changes, and opens them.
func (ss *startupScreen) onKeepAfterLoss() {
	dir := ss.s.dir
	runJob(ss.s, func(context.Context) (struct{}, error) { return struct{}{}, store.AcceptLoss(dir) },
		func(struct{}) { ss.s.start() }, ss.s.showError)
}

func (ss *startupScreen) onChoose() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			ss.s.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		ss.s.restoreFrom(path)
	}, ss.s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	d.Resize(fitDialog(ss.s, fyne.NewSize(900, 600)))
	d.Show()
}
