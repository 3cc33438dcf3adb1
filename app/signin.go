package app

import (
	"context"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// signInScreen fills the window at the start for a desk whose records are
// on a team's server: the person's name and password, which the server
// itself checks. The password is sent to the server and forgotten.
type signInScreen struct {
	s       *shell
	address string // the remembered server, with no password
	name    *widget.Entry
	pass    *widget.Entry
	signIn  *widget.Button
	local   *widget.Button
	message *widget.Label
	busy    bool
}

func (s *shell) showSignIn(address string) {
	si := newSignInScreen(s, address)
	s.current = si
	s.body = nil
	s.win.SetContent(si.content())
	if c := s.win.Canvas(); c != nil {
		if si.name.Text == "" {
			c.Focus(si.name)
		} else {
			c.Focus(si.pass)
		}
	}
}

func newSignInScreen(s *shell, address string) *signInScreen {
	si := &signInScreen{s: s, address: address}
	si.name = widget.NewEntry()
	si.name.SetPlaceHolder("Your name on the server")
	if u, err := url.Parse(address); err == nil && u.User != nil {
		si.name.SetText(u.User.Username())
	}
	si.pass = widget.NewPasswordEntry()
	si.pass.SetPlaceHolder("Password")
	si.pass.OnSubmitted = func(string) { si.onSignIn() }
	si.signIn = widget.NewButtonWithIcon("Sign in", theme.LoginIcon(), si.onSignIn)
	si.signIn.Importance = widget.HighImportance
	si.local = widget.NewButton("Use the records on this computer instead", si.onLocal)
	si.local.Importance = widget.LowImportance
	si.message = prose("")
	si.message.Importance = widget.DangerImportance
	si.message.Hide()
	return si
}

func (si *signInScreen) content() fyne.CanvasObject {
	box := container.NewVBox(heading("Sign in to your team's records"),
		prose("Your team keeps its caseload on a server. Please sign in with the name and password you were given."),
		widget.NewForm(widget.NewFormItem("Name", si.name), widget.NewFormItem("Password", si.pass)),
		si.message,
		container.NewHBox(si.signIn, si.local),
		quiet("Server: "+serverLabel(si.address)))
	return container.NewCenter(container.NewPadded(container.New(&maxWidth{w: 560, min: 560}, box)))
}

func (si *signInScreen) onSignIn() {
	if si.busy {
		return
	}
	address, err := store.ServerAddress(si.address, "", si.name.Text)
	if err != nil {
		si.say(data.Message(err))
		return
	}
	if si.pass.Text == "" {
		si.say("Please type your password.")
		return
	}
	si.busy = true
	si.signIn.Disable()
	si.signIn.SetText("Signing in…")
	password, dir := si.pass.Text, si.s.dir
	si.pass.SetText("")
	si.s.openWith(dir, false, func(ctx context.Context) (*store.Store, error) {
		st, err := store.SignIn(ctx, address, password, dir)
		if err == nil {
			err = store.RememberServer(dir, address) // the name too, for next time
		}
		return st, err
	}, func(err error) {
		si.busy = false
		si.signIn.SetText("Sign in")
		si.signIn.Enable()
		si.s.win.SetContent(si.content())
		si.say(data.Message(err))
	})
}

// onLocal goes back to the records kept in the data folder.
func (si *signInScreen) onLocal() {
	if err := store.RememberServer(si.s.dir, ""); err != nil {
		si.say(data.Message(err))
		return
	}
	si.s.openStore(si.s.dir, false)
}

func (si *signInScreen) say(msg string) {
	si.message.SetText(msg)
	si.message.Show()
}

// serverLabel names a server for people: its host and database.
func serverLabel(address string) string {
	u, err := url.Parse(address)
	if err != nil {
		return address
	}
	return u.Host + u.Path
}
