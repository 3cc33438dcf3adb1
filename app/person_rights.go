package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/safefile"
	"secondopinion/data/store"
	"secondopinion/data/subject"
	"secondopinion/letters"
)

// A person's rights over their records, on their page: their own copy of
// everything held about them, and erasing them.

// personRights is the foot of a person's page: their copy and erasing.
func (s *shell) personRights(p data.Person) fyne.CanvasObject {
	copyBtn := widget.NewButtonWithIcon("Save their own copy…", theme.DocumentSaveIcon(), func() { s.onPersonCopy(p) })
	erase := widget.NewButtonWithIcon("Erase this person…", theme.DeleteIcon(), func() { s.onErasePerson(p) })
	erase.Importance = widget.DangerImportance
	if s.st != nil && s.st.ReadOnly() {
		erase.Disable()
	}
	box := container.NewVBox(widget.NewSeparator(), subheading("Their records"))
	if !p.AnonymisedOn.IsZero() {
		box.Add(quiet("Anonymised on " + p.AnonymisedOn.Long() + ": their details and words were taken out, and their " +
			"requests are kept for the figures. They can still be erased."))
		box.Add(container.NewHBox(erase))
		return box
	}
	buttons := container.NewHBox(copyBtn, erase)
	if n := s.retentionNote(p); n != nil {
		box.Add(n)
		anon := widget.NewButtonWithIcon("Anonymise…", theme.VisibilityOffIcon(), func() { s.onAnonymisePerson(p) })
		if s.st != nil && s.st.ReadOnly() {
			anon.Disable()
		}
		buttons.Add(anon)
	}
	box.Add(quiet("Everything held about " + firstName(p.Name) + " can be saved as a PDF to read and a JSON file, " +
		"to answer a request for their records; or erased, if they ask or the records are no longer needed."))
	box.Add(buttons)
	return box
}

// onPersonCopy asks for a folder, then saves the person's copy there.
func (s *shell) onPersonCopy(p data.Person) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if u == nil {
			return
		}
		s.saveCopyTo(p, u.Path())
	}, s.win)
	d.Resize(fitDialog(s, fyne.NewSize(900, 600)))
	d.Show()
}

// copySaved is where a person's copy went.
type copySaved struct{ folder, pdf, json string }

// saveCopyTo writes the person's copy, as a PDF and as JSON, into folder,
// off the window's goroutine, and says where the files went. Files already
// there are never replaced: the new ones take a free name beside them.
func (s *shell) saveCopyTo(p data.Person, folder string) {
	st := s.st
	today := s.today()
	background(s, func(ctx context.Context) (copySaved, error) {
		jsonBytes, pdfBytes, err := letters.CopyFiles(ctx, st, p.ID, time.Now(), true)
		if err != nil {
			return copySaved{}, err
		}
		base := freeBase(filepath.Join(folder, subject.FileName(p, today)), ".pdf", ".json")
		out := copySaved{folder: folder, pdf: base + ".pdf", json: base + ".json"}
		if err := safefile.WriteBytes(out.pdf, "the copy of the records (PDF)", safefile.Private, pdfBytes); err != nil {
			return copySaved{}, err
		}
		if err := safefile.WriteBytes(out.json, "the copy of the records (JSON)", safefile.Private, jsonBytes); err != nil {
			os.Remove(out.pdf) // both files or neither
			return copySaved{}, err
		}
		return out, nil
	}, func(out copySaved) {
		s.noteAudit(store.AuditExported, store.AuditPerson, p.ID)
		s.showCopySaved(p, out)
	})
}

// freeBase is base, or base with " (2)", " (3)"… added, so that no file
// with any of the extensions exists yet.
func freeBase(base string, exts ...string) string {
	for n := 1; ; n++ {
		try := base
		if n > 1 {
			try = fmt.Sprintf("%s (%d)", base, n)
		}
		free := true
		for _, ext := range exts {
			if _, err := os.Lstat(try + ext); !errors.Is(err, os.ErrNotExist) {
				free = false
			}
		}
		if free {
			return try
		}
	}
}

func (s *shell) showCopySaved(p data.Person, out copySaved) {
	msg := prose("Everything held about " + p.Name + " is saved in the folder\n\n" + out.folder + "\n\nas two files:\n\n" +
		"• " + filepath.Base(out.pdf) + ", to read or print\n" +
		"• " + filepath.Base(out.json) + ", the same for a computer, with every attached file in full\n\n" +
		"Only you can open them on this computer. Give them to " + firstName(p.Name) + " safely: in person, or by secure email.")
	var d *dialog.CustomDialog
	show := widget.NewButton("Show the folder", func() {
		d.Hide()
		open := s.opener
		background(s, func(ctxT) (error, error) { return open(out.folder), nil }, func(err error) {
			if err != nil {
				s.showError(&data.UserError{Message: "The folder could not be shown. It is " + out.folder + ".", Err: err})
			}
		})
	})
	d = dialog.NewCustomWithoutButtons("Their copy is saved", msg, s.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), show})
	d.Resize(fitDialog(s, fyne.NewSize(620, 360)))
	s.showDialog(d)
}

// onErasePerson counts what is theirs, then asks. On a team's server
// only the person's owner or a manager may erase them: anyone else is
// told so first, not after typing the name (the server would refuse).
func (s *shell) onErasePerson(p data.Person) {
	st := s.st
	type found struct {
		what    string
		refused bool   // the one signed in may not erase them
		owner   string // as the panel names them
	}
	background(s, func(ctx context.Context) (found, error) {
		if st.OnServer() {
			t, err := readPersonTeam(ctx, st, p.ID)
			if err != nil {
				return found{}, err
			}
			if me := st.Member(); !t.mayShare(me) {
				return found{refused: true, owner: t.called(t.owner, me)}, nil
			}
		}
		what, err := whatIsTheirs(ctx, st, p)
		return found{what: what}, err
	}, func(f found) {
		if f.refused {
			s.showDialog(dialog.NewInformation("Only their owner or a manager can erase "+firstName(p.Name), p.Name+" belongs to "+
				f.owner+". You can work on their records, but only "+f.owner+" or a manager can erase them. Nothing was changed.", s.win))
			return
		}
		s.confirmErase(p, f.what)
	})
}

// whatIsTheirs is what erasing the person takes with them, in words.
func whatIsTheirs(ctx context.Context, st *store.Store, p data.Person) (string, error) {
	h, err := subject.Count(ctx, st, p.ID)
	if err != nil {
		return "", err
	}
	items := []string{"their details (name, date of birth, NHS number, address, notes)"}
	if p.HasConsent() {
		items = append(items, "the consent they gave")
	}
	items = append(items, counted(h.Requests, "request"), counted(h.Letters, "letter"),
		counted(h.Steps, "step")+" on their timelines", counted(h.Files, "attached file"))
	return "• " + strings.Join(items, "\n• "), nil
}

func counted(n int, what string) string {
	if n == 0 {
		return "no " + what + "s"
	}
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// nameDialog asks for the person's full name, typed, before something
// that cannot be undone; kept for tests.
type nameDialog struct {
	dlg  *dialog.CustomDialog
	name *widget.Entry
	do   *widget.Button
}

// confirmErase says what will go and asks for the person's name, typed,
// before anything is erased.
func (s *shell) confirmErase(p data.Person, what string) *nameDialog {
	return s.confirmByName(p, "Erase "+p.Name+"?", "Erase for good", "To erase them, type their full name:",
		func() { s.erasePerson(p) },
		prose("Erasing "+p.Name+" removes everything that is theirs from these records:"),
		prose(what),
		prose("Their words are overwritten in the records file, not just hidden. This cannot be undone. "+
			"Backups are not changed now: next you are told which still hold them, and can replace those too."))
}

// confirmByName shows what is said, then asks for the person's full name
// and only then lets the button do what it says.
func (s *shell) confirmByName(p data.Person, title, button, ask string, do func(), said ...fyne.CanvasObject) *nameDialog {
	e := &nameDialog{name: widget.NewEntry()}
	e.name.SetPlaceHolder(p.Name)
	e.do = widget.NewButtonWithIcon(button, theme.DeleteIcon(), func() {
		e.dlg.Hide()
		do()
	})
	e.do.Importance = widget.DangerImportance
	e.do.Disable()
	e.name.OnChanged = func(typed string) {
		if sameName(typed, p.Name) {
			e.do.Enable()
		} else {
			e.do.Disable()
		}
	}
	e.name.OnSubmitted = func(string) {
		if !e.do.Disabled() {
			e.do.OnTapped()
		}
	}
	body := container.NewVBox(said...)
	body.Add(widget.NewLabelWithStyle(ask, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	body.Add(e.name)
	cancel := widget.NewButton("Keep them", func() { e.dlg.Hide() })
	e.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil,
		container.NewHBox(layout.NewSpacer(), cancel, e.do), nil, nil, dialogBody(s, body)), s.win)
	e.dlg.Resize(fitDialog(s, fyne.NewSize(620, 520)))
	s.showDialog(e.dlg)
	s.win.Canvas().Focus(e.name)
	return e
}

func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// erased is what erasing found and left.
type erased struct {
	e           store.Erased
	holding     []store.BackupFile
	unreadable  []store.BackupFile
	aside       []string // records kept aside by a restore that hold them
	asideUnread []string
	cl          *caseload
}

// erasePerson erases them in the background, reads the caseload again,
// and then says which backups still hold them.
func (s *shell) erasePerson(p data.Person) {
	st, dir := s.st, s.st.Dir()
	background(s, func(ctx context.Context) (erased, error) {
		var out erased
		var err error
		if out.e, err = st.ErasePerson(ctx, p.ID); err != nil {
			return out, err
		}
		if out.holding, out.unreadable, err = store.BackupsHolding(ctx, dir, p.ID); err != nil {
			return out, err
		}
		out.aside, out.asideUnread = store.KeptAsideHolding(ctx, dir, p.ID)
		out.cl, err = loadCaseload(ctx, st)
		return out, err
	}, func(out erased) {
		s.useCaseload(out.cl)
		if s.deskDraft != nil && s.deskDraft.personID == p.ID {
			s.deskDraft = nil // a desk form left part-filled for them goes with them
		}
		s.showPeople()
		s.showErased(p, out)
	})
}

func (s *shell) showErased(p data.Person, out erased) {
	lines := []string{p.Name + " has been erased, with " + counted(out.e.Requests, "request") + ", " +
		counted(out.e.Letters, "letter") + ", " + counted(out.e.Steps, "step") + " and " +
		counted(out.e.Attachments, "attached file") + "."}
	if !out.e.LogCleared {
		lines = append(lines, "One last copy of the change is kept in the records' log until the program closes.")
	}
	for _, b := range out.unreadable {
		lines = append(lines, "This backup could not be read, so it may still hold them: "+b.Path)
	}
	for _, path := range out.aside {
		lines = append(lines, "The records kept aside when a backup was restored still hold them: "+path+
			". Delete that file once you are sure it is not needed.")
	}
	for _, path := range out.asideUnread {
		lines = append(lines, "Records kept aside when a backup was restored could not be read, so they may still hold them: "+path)
	}
	if len(out.holding) == 0 {
		lines = append(lines, "No backup in the backups folder holds them.")
		s.showDialog(dialog.NewInformation("Erased", strings.Join(lines, "\n\n"), s.win))
		return
	}
	var list []string
	for _, b := range out.holding {
		list = append(list, "• "+filepath.Base(b.Path)+", from "+b.ModTime.Local().Format("2 January 2006 15:04"))
	}
	lines = append(lines, fmt.Sprintf("%s in the backups folder still %s them:\n\n%s\n\n"+
		"Replacing %s makes each again without %s, keeping everything else.",
		upperFirst(counted(len(out.holding), "backup")), map[bool]string{true: "holds", false: "hold"}[len(out.holding) == 1],
		strings.Join(list, "\n"), map[bool]string{true: "it", false: "them"}[len(out.holding) == 1], firstName(p.Name)))
	s.offerToReplaceBackups("Erased", p, out.holding, lines)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// replaceBackups makes each backup again without the person.
func (s *shell) replaceBackups(p data.Person, holding []store.BackupFile) {
	background(s, func(ctx context.Context) (int, error) {
		for i, b := range holding {
			if err := store.ScrubBackup(ctx, b.Path, p.ID); err != nil {
				return i, err
			}
		}
		return len(holding), nil
	}, func(n int) {
		s.showDialog(dialog.NewInformation("Backups replaced", fmt.Sprintf(
			"%s replaced. None of them holds %s now.", upperFirst(counted(n, "backup")), p.Name), s.win))
	})
}

// offerToReplaceBackups says what was done (lines) and offers to replace
// the backups that still hold the person.
func (s *shell) offerToReplaceBackups(title string, p data.Person, holding []store.BackupFile, lines []string) {
	var d *dialog.CustomDialog
	replace := widget.NewButton("Replace the backups", func() {
		d.Hide()
		s.replaceBackups(p, holding)
	})
	replace.Importance = widget.HighImportance
	keep := widget.NewButton("Keep them as they are", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, container.NewVScroll(prose(strings.Join(lines, "\n\n"))), s.win)
	d.SetButtons([]fyne.CanvasObject{keep, replace})
	d.Resize(fitDialog(s, fyne.NewSize(620, 440)))
	s.showDialog(d)
}
