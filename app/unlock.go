package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// unlockScreen fills the window while protected records are locked: at
// start, and after the lock (Ctrl+L or idle time). It asks for the
// passphrase, or the recovery key instead, and shows nothing else of the
// records. Unlocking takes a moment on purpose (the passphrase is
// stretched to make guessing slow), so it runs in the background.
type unlockScreen struct {
	s        *shell
	st       *store.Store
	title    string
	pass     *widget.Entry
	recovery *widget.Entry
	switchTo *widget.Button // between the passphrase and the recovery key
	unlock   *widget.Button
	message  *widget.Label
	inputs   *fyne.Container
	byKey    bool // using the recovery key
	busy     bool
	opened   func(byRecovery bool)
}

func newUnlockScreen(s *shell, st *store.Store, title string, opened func(byRecovery bool)) *unlockScreen {
	u := &unlockScreen{s: s, st: st, title: title, opened: opened}
	u.pass = widget.NewPasswordEntry()
	u.pass.SetPlaceHolder("Passphrase")
	u.pass.OnSubmitted = func(string) { u.onUnlock() }
	u.recovery = widget.NewEntry()
	u.recovery.SetPlaceHolder("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
	u.recovery.OnSubmitted = func(string) { u.onUnlock() }
	u.unlock = widget.NewButtonWithIcon("Unlock", theme.LoginIcon(), u.onUnlock)
	u.unlock.Importance = widget.HighImportance
	u.switchTo = widget.NewButton("Use the recovery key instead", u.onSwitch)
	u.switchTo.Importance = widget.LowImportance
	u.message = prose("")
	u.message.Importance = widget.DangerImportance
	u.message.Hide()
	u.inputs = container.NewVBox(u.pass)
	return u
}

func (u *unlockScreen) content() fyne.CanvasObject {
	intro := "Your records are protected with a passphrase. Please type it to open them."
	if u.title != "Your records are protected" {
		intro = "Second Opinion was locked so that no one else can see your records. Please type your passphrase to carry on " +
			"where you were."
	}
	box := container.NewVBox(heading(u.title), prose(intro), u.inputs, u.message,
		container.NewHBox(u.unlock, u.switchTo), quiet("Data folder: "+u.s.dir))
	return container.NewCenter(container.NewPadded(container.New(&maxWidth{w: 560, min: 560}, box)))
}

// focus puts the cursor in the box to type in.
func (u *unlockScreen) focus() {
	if c := u.s.win.Canvas(); c != nil {
		if u.byKey {
			c.Focus(u.recovery)
		} else {
			c.Focus(u.pass)
		}
	}
}

func (u *unlockScreen) onSwitch() {
	u.byKey = !u.byKey
	u.message.Hide()
	if u.byKey {
		u.inputs.Objects = []fyne.CanvasObject{
			quiet("The recovery key is the 7 groups of letters and digits you were given when you turned protection on."),
			u.recovery}
		u.switchTo.SetText("Use the passphrase instead")
	} else {
		u.inputs.Objects = []fyne.CanvasObject{u.pass}
		u.switchTo.SetText("Use the recovery key instead")
	}
	u.inputs.Refresh()
	u.focus()
}

func (u *unlockScreen) onUnlock() {
	if u.busy {
		return
	}
	secret, byKey := u.pass.Text, u.byKey
	if byKey {
		secret = u.recovery.Text
	}
	if strings.TrimSpace(secret) == "" {
		u.say("Please type your passphrase first.")
		if byKey {
			u.say("Please type your recovery key first.")
		}
		return
	}
	u.busy = true
	u.unlock.Disable()
	u.unlock.SetText("Unlocking…")
	st := u.st
	runJob(u.s, func(ctx context.Context) (struct{}, error) {
		if byKey {
			return struct{}{}, st.UnlockWithRecovery(ctx, secret)
		}
		return struct{}{}, st.Unlock(ctx, secret)
	}, func(struct{}) {
		u.done()
		u.pass.SetText("")
		u.recovery.SetText("")
		u.opened(byKey)
	}, func(err error) {
		u.done()
		u.say(data.Message(err))
		u.focus()
	})
}

func (u *unlockScreen) done() {
	u.busy = false
	u.unlock.SetText("Unlock")
	u.unlock.Enable()
}

func (u *unlockScreen) say(msg string) {
	u.message.SetText(msg)
	u.message.Show()
}

// askToUnlock shows the unlock screen for records that opened locked;
// once unlocked, then runs.
func (s *shell) askToUnlock(st *store.Store, then func()) {
	s.body, s.current, s.nav, s.banners = nil, nil, nil, nil
	s.pending = st
	u := newUnlockScreen(s, st, "Your records are protected", func(byRecovery bool) {
		s.pending = nil
		if byRecovery {
			// The passphrase was forgotten: choosing a new one comes first
			// once the records are open.
			after := s.afterOpen
			s.afterOpen = func() {
				s.askNewPassphrase()
				if after != nil {
					after()
				}
			}
		}
		then()
	})
	s.current = u
	s.win.SetContent(u.content())
	u.focus()
}
