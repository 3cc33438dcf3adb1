package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data/safefile"
	"secondopinion/data/store"
)

// The privacy log shows the audit log: who opened, printed, exported,
// erased or changed which record, and when, newest first. It names records
// by kind and number only, as the log holds them.

// settingDeskName names this desk or computer in the audit log instead of
// the computer's user name: on a shared surgery computer everyone uses one
// account.
const settingDeskName = "audit.desk-name"

func init() { settingKeys = append(settingKeys, settingDeskName) }

// privacyLogShown is how many entries the window lists; the CSV has all.
const privacyLogShown = 500

const everyAction = "Every action"

type privacyLogScreen struct {
	s       *shell
	action  *widget.Select
	list    *widget.List
	count   *widget.Label
	saveCSV *widget.Button
	entries []store.AuditEntry
}

func (s *shell) showPrivacyLog() {
	s.showAfterLeaving(func() screen { return newPrivacyLogScreen(s) }, navSettings)
}

func newPrivacyLogScreen(s *shell) *privacyLogScreen {
	pl := &privacyLogScreen{s: s, count: quiet("Reading the log…")}
	pl.action = widget.NewSelect(append([]string{everyAction}, store.AuditActions...), func(string) { pl.load() })
	pl.action.Selected = everyAction
	pl.list = widget.NewList(func() int { return len(pl.entries) }, pl.newRow, pl.updateRow)
	pl.saveCSV = widget.NewButtonWithIcon("Save as CSV…", theme.DocumentSaveIcon(), pl.onSaveCSV)
	pl.load()
	return pl
}

func (pl *privacyLogScreen) content() fyne.CanvasObject {
	back := widget.NewButtonWithIcon("Settings", theme.NavigateBackIcon(), pl.s.showSettings)
	back.Importance = widget.LowImportance
	top := container.NewVBox(container.NewHBox(back), heading("Privacy log"),
		prose("Who opened, printed, exported, erased or changed which record, and when. Records are named by kind and "+
			"number, never by what they say, so the log can be shown to a data protection officer."),
		container.NewHBox(widget.NewLabel("Show"), pl.action, pl.saveCSV), pl.count)
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, pl.list))
}

// filter is the action chosen, as the store names it.
func (pl *privacyLogScreen) filter() store.AuditFilter {
	f := store.AuditFilter{Limit: privacyLogShown}
	if pl.action.Selected != everyAction {
		f.Action = pl.action.Selected
	}
	return f
}

// load reads the newest entries in the background.
func (pl *privacyLogScreen) load() {
	st, f := pl.s.st, pl.filter()
	type page struct {
		entries []store.AuditEntry
		total   int
	}
	background(pl.s, func(ctx context.Context) (page, error) {
		list, n, err := st.AuditLog(ctx, f)
		return page{list, n}, err
	}, func(p page) {
		pl.entries = p.entries
		pl.list.Refresh()
		pl.list.ScrollToTop()
		switch {
		case p.total == 0:
			pl.count.SetText("Nothing in the log yet.")
		case p.total > len(p.entries):
			pl.count.SetText(fmt.Sprintf("The newest %s of %s entries. Save as CSV to have them all.",
				thousands(len(p.entries)), thousands(p.total)))
		default:
			pl.count.SetText(plural(p.total, "entry", "entries") + ".")
		}
	})
}

func (pl *privacyLogScreen) newRow() fyne.CanvasObject {
	labels := make([]fyne.CanvasObject, 5)
	for i := range labels {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		labels[i] = l
	}
	return container.NewGridWithColumns(5, labels...)
}

func (pl *privacyLogScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	e := pl.entries[i]
	cells := o.(*fyne.Container).Objects
	for j, text := range []string{e.At.Local().Format("2 Jan 2006 15:04:05"), e.Who, e.Action, e.Kind, e.Record} {
		cells[j].(*widget.Label).SetText(text)
	}
}

// rowText is one entry as the list shows it, for tests.
func (pl *privacyLogScreen) rowText(i int) string {
	row := pl.newRow()
	pl.updateRow(i, row)
	var parts []string
	for _, c := range row.(*fyne.Container).Objects {
		parts = append(parts, c.(*widget.Label).Text)
	}
	return strings.Join(parts, " | ")
}

func (pl *privacyLogScreen) onSaveCSV() {
	name := "Privacy log " + pl.s.today().String() + ".csv"
	saveAs(pl.s, name, pl.saveTo)
}

// saveTo writes every entry of the chosen action, whole and owner-only,
// and notes that the log was exported.
func (pl *privacyLogScreen) saveTo(path string) {
	st, f := pl.s.st, pl.filter()
	f.Limit = 0
	backgroundErr(pl.s, func(ctx context.Context) error {
		return safefile.Write(path, "the privacy log", safefile.Private, func(w io.Writer) error {
			return st.WriteAuditCSV(ctx, w, f)
		})
	}, func() {
		pl.s.noteAudit(store.AuditExported, store.AuditAuditLog, "")
		pl.count.SetText("Saved as " + path + ".")
	})
}

// privacy is the Settings section naming this desk in the log and
// opening the log.
func (ss *settingsScreen) privacy() fyne.CanvasObject {
	open := widget.NewButtonWithIcon("Privacy log…", theme.ListIcon(), ss.s.showPrivacyLog)
	return container.NewVBox(subheading("Privacy log"),
		quiet("Every time a person's page is opened, a letter printed, a copy exported or a record changed or erased, "+
			"the program notes who did it and when, without the details themselves."),
		fieldRows(ss.deskName), container.NewHBox(open))
}

func newDeskNameField(c *caseload) *field {
	f := newField("DeskName", "Name in the log", "Who the log says did things here, such as Reception desk 1. "+
		"Blank: the computer's user name.", checkDeskName)
	f.set(c.settings[settingDeskName])
	return f
}

func checkDeskName(v string) string {
	if len([]rune(strings.TrimSpace(v))) > 60 {
		return "Please keep the name to 60 characters or fewer."
	}
	return ""
}
