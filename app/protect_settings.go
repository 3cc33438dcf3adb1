package app

import (
	"context"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/safefile"
	"secondopinion/data/store"
	"secondopinion/data/vault"
	"secondopinion/letters"
)

// protection is the Settings section for the passphrase: turning it on,
// changing it, locking, and turning it off.
func (ss *settingsScreen) protection() fyne.CanvasObject {
	s := ss.s
	if s.st == nil || s.example {
		return container.NewVBox()
	}
	if s.st.OnServer() {
		return ss.teamProtection()
	}
	if !s.st.Protected() {
		on := widget.NewButtonWithIcon("Protect with a passphrase…", theme.LoginIcon(), s.onProtect)
		if s.st.ReadOnly() {
			on.Disable()
		}
		return container.NewVBox(subheading("Passphrase"),
			prose("Anyone who can open this computer's files can read your records as they are now. With a passphrase, "+
				"names, dates of birth, NHS numbers, addresses, notes, letters and attached files are kept scrambled, and only "+
				"someone who knows the passphrase (or has the recovery key) can read them."),
			container.NewHBox(on))
	}
	change := widget.NewButtonWithIcon("Change passphrase…", theme.SettingsIcon(), s.onChangePassphrase)
	lock := widget.NewButtonWithIcon("Lock now (Ctrl+L)", theme.VisibilityOffIcon(), s.lockNow)
	off := widget.NewButtonWithIcon("Turn protection off…", theme.CancelIcon(), s.onUnprotect)
	if s.st.ReadOnly() {
		change.Disable()
		off.Disable()
	}
	return container.NewVBox(subheading("Passphrase"),
		prose("Your records are protected with a passphrase. The window locks itself when it has not been used for a "+
			"while, and when you press Ctrl+L; nothing of your records shows until the passphrase is typed again."),
		fieldRows(ss.lockAfter),
		container.NewHBox(change, lock, off))
}

func newLockField(cl *caseload) *field {
	f := newField("LockMinutes", "Lock after (minutes)", "When the window has not been used for this long, it locks. 0 means never.", checkLockMinutes)
	f.set(strconv.Itoa(cl.lockMinutes()))
	return f
}

// passDialog is a small dialog with password boxes, a message line for
// problems and its own buttons, so that it stays open until what was typed
// is right.
type passDialog struct {
	dlg     dialog.Dialog
	boxes   []*widget.Entry
	message *widget.Label
	ok      *widget.Button
}

func newPassDialog(s *shell, title, intro, okText string, labels []string, onOK func(pd *passDialog)) *passDialog {
	pd := &passDialog{message: prose("")}
	pd.message.Importance = widget.DangerImportance
	pd.message.Hide()
	rows := []fyne.CanvasObject{}
	for _, l := range labels {
		e := widget.NewPasswordEntry()
		e.OnSubmitted = func(string) { onOK(pd) }
		pd.boxes = append(pd.boxes, e)
		rows = append(rows, widget.NewLabelWithStyle(l, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), e)
	}
	pd.ok = widget.NewButton(okText, func() { onOK(pd) })
	pd.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { pd.dlg.Hide() })
	body := container.NewVBox(prose(intro), formRows(rows...), pd.message, container.NewHBox(cancel, pd.ok))
	pd.dlg = dialog.NewCustomWithoutButtons(title, dialogBody(s, container.New(&maxWidth{w: 560, min: 480}, body)), s.win)
	s.showDialog(pd.dlg)
	if len(pd.boxes) > 0 {
		s.win.Canvas().Focus(pd.boxes[0])
	}
	return pd
}

func (pd *passDialog) say(msg string) {
	pd.message.SetText(msg)
	pd.message.Show()
}

func (pd *passDialog) busy(on bool, text string) {
	if on {
		pd.ok.Disable()
	} else {
		pd.ok.Enable()
	}
	pd.ok.SetText(text)
}

// newPassphraseProblem says what is wrong with a new passphrase typed
// twice, or "".
func newPassphraseProblem(a, b string) string {
	if err := vault.CheckNewPassphrase(a); err != nil {
		return "Please choose a longer passphrase: " + err.Error() + "."
	}
	if a != b {
		return "The two passphrases are not the same. Please type it again in both boxes."
	}
	return ""
}

// onProtect asks for a passphrase twice, then shows the recovery key.
func (s *shell) onProtect() {
	newPassDialog(s, "Protect with a passphrase",
		"Choose a passphrase you will remember: three or four random words are easy to remember and hard to guess. "+
			"You will type it each time Second Opinion opens and after it locks. Next you will be given a recovery key "+
			"to keep somewhere safe, in case the passphrase is forgotten.",
		"Next", []string{"Passphrase", "Type it again"}, func(pd *passDialog) {
			if msg := newPassphraseProblem(pd.boxes[0].Text, pd.boxes[1].Text); msg != "" {
				pd.say(msg)
				return
			}
			rk, err := vault.NewRecoveryKey()
			if err != nil {
				pd.say(data.Message(err))
				return
			}
			pass := pd.boxes[0].Text
			pd.dlg.Hide()
			s.showRecoveryKey(pass, rk)
		})
}

// recoveryKeyDialog shows the recovery key once, and turns protection on
// only after the person types its last group back.
type recoveryKeyDialog struct {
	dlg     dialog.Dialog
	key     *widget.Label
	confirm *widget.Entry
	turnOn  *widget.Button
	print   *widget.Button // a page to print, with what the key is for
	message *widget.Label
}

func (s *shell) showRecoveryKey(pass string, rk vault.RecoveryKey) *recoveryKeyDialog {
	rd := &recoveryKeyDialog{}
	rd.key = widget.NewLabelWithStyle(strings.Join(rk.Groups(), "  "), fyne.TextAlignCenter, fyne.TextStyle{Monospace: true, Bold: true})
	rd.key.SizeName = theme.SizeNameSubHeadingText
	rd.confirm = widget.NewEntry()
	rd.confirm.SetPlaceHolder("The last group of 5")
	rd.message = prose("")
	rd.message.Importance = widget.DangerImportance
	rd.message.Hide()
	rd.turnOn = widget.NewButtonWithIcon("Turn protection on", theme.ConfirmIcon(), func() { s.turnProtectionOn(rd, pass, rk) })
	rd.turnOn.Importance = widget.HighImportance
	rd.turnOn.Disable()
	rd.confirm.OnChanged = func(typed string) {
		if keptLastGroup(typed, rk) {
			rd.turnOn.Enable()
		} else {
			rd.turnOn.Disable()
		}
	}
	cancel := widget.NewButton("Cancel", func() { rd.dlg.Hide() })
	rd.print = widget.NewButtonWithIcon("Save a page to print…", theme.DocumentPrintIcon(), func() {
		saveAs(s, "Second Opinion recovery key.pdf", func(path string) { s.saveRecoveryKeyPage(rk, path) })
	})
	body := container.NewVBox(
		prose("This is your recovery key. It opens your records if the passphrase is ever forgotten. Write it down or "+
			"save the page to print, and keep it somewhere safe away from this computer. It is shown only this once."),
		rd.key,
		container.NewHBox(rd.print),
		quiet("It uses the digits 0 to 9 and capital letters, never I, L, O or U, so nothing can be mistaken for anything else."),
		prose("If both the passphrase and the recovery key are lost, no one (not even Second Opinion's makers) can open "+
			"these records again."),
		widget.NewLabelWithStyle("To show you have kept it, type its last group:", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		rd.confirm, rd.message, container.NewHBox(cancel, rd.turnOn))
	rd.dlg = dialog.NewCustomWithoutButtons("Your recovery key", dialogBody(s, container.New(&maxWidth{w: 620, min: 520}, body)), s.win)
	s.showDialog(rd.dlg)
	s.win.Canvas().Focus(rd.confirm)
	return rd
}

// saveRecoveryKeyPage writes the page to print for the recovery key,
// owner-only: it opens the records. Print it, then delete the file.
func (s *shell) saveRecoveryKeyPage(rk vault.RecoveryKey, path string) {
	dir, today := s.st.Dir(), s.today()
	backgroundErr(s, func(ctxT) error {
		pdf, err := letters.RecoveryKeyPDF(rk.Groups(), dir, today)
		if err != nil {
			return err
		}
		return safefile.WriteBytes(path, "the recovery key page", safefile.Private, pdf)
	}, func() {
		s.showDialog(dialog.NewInformation("Saved to print", "The page with your recovery key is saved as "+path+
			". Print it and keep it somewhere safe, then delete the file: anyone who finds it there can use the key.", s.win))
	})
}

func keptLastGroup(typed string, rk vault.RecoveryKey) bool {
	t := strings.ToUpper(strings.TrimSpace(typed))
	t = strings.NewReplacer("O", "0", "I", "1", "L", "1").Replace(t)
	return t == rk.LastGroup()
}

func (s *shell) turnProtectionOn(rd *recoveryKeyDialog, pass string, rk vault.RecoveryKey) {
	if !keptLastGroup(rd.confirm.Text, rk) {
		return
	}
	rd.turnOn.Disable()
	rd.turnOn.SetText("Protecting your records…")
	st := s.st
	runJob(s, func(ctx context.Context) (store.ProtectResult, error) { return st.Protect(ctx, pass, rk) },
		func(res store.ProtectResult) {
			rd.dlg.Hide()
			s.watchIdle()
			if _, ok := s.current.(*settingsScreen); ok {
				s.showSettings()
			}
			s.offerToDropPlainBackups(res.PlainBackups)
		}, func(err error) {
			rd.turnOn.SetText("Turn protection on")
			rd.turnOn.Enable()
			rd.message.SetText(data.Message(err))
			rd.message.Show()
		})
}

// offerToDropPlainBackups says protection is on and, when backups from
// before are still readable, offers to replace them with one protected
// backup.
func (s *shell) offerToDropPlainBackups(plain []store.BackupFile) {
	done := "Your records are now protected with your passphrase."
	if len(plain) == 0 {
		s.showDialog(dialog.NewInformation("Protected", done, s.win))
		return
	}
	n, them := plural(len(plain), "backup in the backups folder was", "backups in the backups folder were"), "them"
	if len(plain) == 1 {
		them = "it"
	}
	d := dialog.NewConfirm("Protected", done+"\n\n"+n+" made before, and anyone who can open "+
		"this computer's files can still read "+them+". Make a protected backup now and delete the older ones?", func(ok bool) {
		if !ok {
			return
		}
		st, keep := s.st, s.cl.backupKeep()
		background(s, func(ctx context.Context) (int, error) {
			if _, err := st.AutoBackup(ctx, keep); err != nil {
				return 0, err
			}
			gone := 0
			for _, b := range plain {
				if os.Remove(b.Path) == nil {
					gone++
				}
			}
			return gone, nil
		}, func(gone int) {
			s.showDialog(dialog.NewInformation("Backups", "A protected backup was made and "+strconv.Itoa(gone)+
				" readable backups were deleted.", s.win))
		})
	}, s.win)
	d.SetConfirmText("Make a protected backup and delete them")
	d.SetDismissText("Keep them")
	s.showDialog(d)
}

func (s *shell) onChangePassphrase() {
	st := s.st
	newPassDialog(s, "Change passphrase", "The records stay as they are; only the passphrase that opens them changes. "+
		"The recovery key you have still works.", "Change passphrase",
		[]string{"Passphrase now", "New passphrase", "Type it again"}, func(pd *passDialog) {
			old, pass := pd.boxes[0].Text, pd.boxes[1].Text
			if msg := newPassphraseProblem(pass, pd.boxes[2].Text); msg != "" {
				pd.say(msg)
				return
			}
			pd.busy(true, "Changing…")
			runJob(s, func(ctx context.Context) (struct{}, error) { return struct{}{}, st.ChangePassphrase(ctx, old, pass) },
				func(struct{}) {
					pd.dlg.Hide()
					s.showDialog(dialog.NewInformation("Passphrase changed", "Your new passphrase opens your records from now on.", s.win))
				}, func(err error) {
					pd.busy(false, "Change passphrase")
					pd.say(data.Message(err))
				})
		})
}

// askNewPassphrase asks for a new passphrase after the records were opened
// with the recovery key.
func (s *shell) askNewPassphrase() {
	st := s.st
	if st == nil {
		return
	}
	newPassDialog(s, "Choose a new passphrase", "You opened your records with the recovery key. Please choose a new "+
		"passphrase now; the recovery key keeps working too.", "Save new passphrase",
		[]string{"New passphrase", "Type it again"}, func(pd *passDialog) {
			pass := pd.boxes[0].Text
			if msg := newPassphraseProblem(pass, pd.boxes[1].Text); msg != "" {
				pd.say(msg)
				return
			}
			pd.busy(true, "Saving…")
			runJob(s, func(ctx context.Context) (struct{}, error) { return struct{}{}, st.SetPassphrase(ctx, pass) },
				func(struct{}) { pd.dlg.Hide() }, func(err error) {
					pd.busy(false, "Save new passphrase")
					pd.say(data.Message(err))
				})
		})
}

func (s *shell) onUnprotect() {
	st := s.st
	newPassDialog(s, "Turn protection off", "Your records will be kept readable again by anyone who can open this "+
		"computer's files. A backup is made first. Backups made while they were protected stay protected, with the "+
		"passphrase they had.", "Turn protection off", []string{"Passphrase"}, func(pd *passDialog) {
		pass := pd.boxes[0].Text
		pd.busy(true, "Turning protection off…")
		runJob(s, func(ctx context.Context) (struct{}, error) { return struct{}{}, st.Unprotect(ctx, pass) },
			func(struct{}) {
				pd.dlg.Hide()
				s.stopIdle()
				if _, ok := s.current.(*settingsScreen); ok {
					s.showSettings()
				}
			}, func(err error) {
				pd.busy(false, "Turn protection off")
				pd.say(data.Message(err))
			})
	})
}
