package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// Where the records are: "Just me, on this computer" (a file in the data
// folder) or "Our team's server". Settings shows which, and moves between
// them; the records themselves are moved with `secondopinion move`.

// place is the Settings section saying where the records are kept.
func (ss *settingsScreen) place() fyne.CanvasObject {
	s := ss.s
	if s.st != nil && s.st.OnServer() {
		signOut := widget.NewButtonWithIcon("Sign out", theme.LogoutIcon(), s.onSignOut)
		local := widget.NewButton("Use the records on this computer instead", s.confirmLeaveServer)
		local.Importance = widget.LowImportance
		return container.NewVBox(subheading("Where the records are"),
			prose("On your team's server, "+s.st.ServerName()+". Everyone in the team sees the same "+
				"caseload, as their role allows; what one desk saves appears on the others within seconds."),
			container.NewHBox(signOut, local))
	}
	connect := widget.NewButtonWithIcon("Connect to our team's server…", theme.ComputerIcon(), s.connectToServer)
	return container.NewVBox(subheading("Where the records are"),
		prose("Just you, on this computer: in "+s.dir+"."),
		quiet("A practice with several desks, or an advocacy service with several advocates, can share one caseload "+
			"on a server. Whoever runs it gives you its name, the caseload's name and your own sign-in."),
		container.NewHBox(connect))
}

// onSignOut closes the server's records and asks to sign in again.
func (s *shell) onSignOut() {
	address := store.RememberedServer(s.dir)
	s.closeStore()
	s.showSignIn(address)
}

func (s *shell) confirmLeaveServer() {
	dialog.ShowConfirm("Use this computer's records?", "Second Opinion will stop signing in to the team's server and open "+
		"the records kept in "+s.dir+" instead. Nothing on the server changes, and you can connect again from Settings.",
		func(ok bool) {
			if ok {
				s.confirmLeaveServerNow()
			}
		}, s.win)
}

// confirmLeaveServerNow forgets the server and opens this computer's records.
func (s *shell) confirmLeaveServerNow() {
	if err := store.RememberServer(s.dir, ""); err != nil {
		s.showError(err)
		return
	}
	s.closeStore()
	s.openStore(s.dir, false)
}

// connectForm asks for the server, the caseload and the person's name,
// then shows the sign-in.
type connectForm struct {
	server, database, name *widget.Entry
	problem                *widget.Label
	connect                *widget.Button
}

func (s *shell) connectToServer() {
	f := &connectForm{server: widget.NewEntry(), database: widget.NewEntry(), name: widget.NewEntry()}
	f.server.SetPlaceHolder("db.example.org")
	f.database.SetPlaceHolder("secondopinion")
	f.name.SetPlaceHolder("The name you sign in with")
	f.problem = prose("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	var d dialog.Dialog
	f.connect = widget.NewButtonWithIcon("Go to sign in", theme.LoginIcon(), func() {
		address, err := store.ServerAddress(f.server.Text, f.database.Text, f.name.Text)
		if err != nil {
			f.problem.SetText(data.Message(err))
			f.problem.Show()
			return
		}
		d.Hide()
		s.closeStore()
		s.showSignIn(address)
	})
	f.connect.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	body := container.NewVBox(
		prose("Whoever runs your team's server will tell you these. The records already on this computer stay here, "+
			"untouched; to put them on the server, ask them to use the move command."),
		widget.NewForm(widget.NewFormItem("Server", f.server), widget.NewFormItem("Caseload (database)", f.database),
			widget.NewFormItem("Your name", f.name)),
		f.problem,
		container.NewHBox(layout.NewSpacer(), cancel, f.connect))
	d = dialog.NewCustomWithoutButtons("Connect to our team's server", dialogBody(s, body), s.win)
	d.Resize(fitDialog(s, fyne.NewSize(620, 330)))
	s.connecting = f
	s.showDialog(d)
	s.win.Canvas().Focus(f.server)
}

// teamProtection is the passphrase section on a team's server: the
// records are protected, or not, for the whole team at once, by whoever
// runs the server (with the protect command), never from one desk.
func (ss *settingsScreen) teamProtection() fyne.CanvasObject {
	s := ss.s
	if !s.st.Protected() {
		return container.NewVBox(subheading("Passphrase"),
			prose("Your team's records are not protected with a passphrase: the server's administrator can read them. "+
				"Protection is turned on for the whole team at once; please ask whoever runs the server."))
	}
	change := widget.NewButtonWithIcon("Change my passphrase…", theme.SettingsIcon(), s.onChangePassphrase)
	lock := widget.NewButtonWithIcon("Lock now (Ctrl+L)", theme.VisibilityOffIcon(), s.lockNow)
	return container.NewVBox(subheading("Passphrase"),
		prose("Your team's records are protected: names, notes, letters and files are kept scrambled on the server, "+
			"and the window locks when you leave it. You open them with your own passphrase; changing it changes no one "+
			"else's."),
		fieldRows(ss.lockAfter), container.NewHBox(change, lock))
}
