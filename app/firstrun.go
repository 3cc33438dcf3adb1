package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// firstRunScreen asks who the program is for, once, offers to protect
// the records with a passphrase from the start, and offers a look around
// an example caseload first.
type firstRunScreen struct {
	s       *shell
	choices map[mode]*widget.Button
	protect *widget.Check // nil when the records cannot be protected here
	example *widget.Button
	team    *widget.Button
}

func (s *shell) showFirstRun() {
	fr := newFirstRunScreen(s)
	s.current = fr
	s.body = nil
	s.win.SetContent(fr.content())
}

func newFirstRunScreen(s *shell) *firstRunScreen {
	fr := &firstRunScreen{s: s, choices: map[mode]*widget.Button{}}
	for _, m := range modes {
		m := m
		fr.choices[m] = widget.NewButton(m.Label(), func() { fr.onChoose(m) })
	}
	fr.example = widget.NewButtonWithIcon("Look around first with an example caseload", theme.VisibilityIcon(), fr.onExample)
	fr.example.Importance = widget.LowImportance
	fr.team = widget.NewButtonWithIcon("Our team keeps its records on a server: sign in", theme.ComputerIcon(), s.connectToServer)
	fr.team.Importance = widget.LowImportance
	if st := s.st; st != nil && !s.example && !st.ReadOnly() && !st.Protected() && !st.OnServer() {
		fr.protect = widget.NewCheck("Protect my records with a passphrase", nil)
	}
	return fr
}

func (fr *firstRunScreen) content() fyne.CanvasObject {
	intro := prose("This program helps you ask a doctor to look again at a diagnosis or a treatment, " +
		"or to arrange a second opinion. It writes the letters with you, and keeps track of the replies and the dates.")
	cards := container.NewGridWithColumns(2)
	icons := map[mode]fyne.Resource{modeSelf: theme.AccountIcon(), modeCarer: theme.ContentAddIcon(),
		modeAdvocate: theme.ListIcon(), modeSurgery: theme.HomeIcon()}
	for _, m := range modes {
		b := fr.choices[m]
		b.Icon = icons[m]
		b.Importance = widget.HighImportance
		cards.Add(widget.NewCard("", "", container.NewVBox(b, prose(m.describe()))))
	}
	col := container.NewVBox(
		heading("Welcome. Who is this for?"),
		intro,
		layout.NewSpacer(),
		cards,
		quiet("You can change this at any time in Settings. Everything you write stays on this computer."),
	)
	if fr.protect != nil {
		col.Add(widget.NewSeparator())
		col.Add(fr.protect)
		col.Add(quiet("Recommended when others use this computer, or could get hold of it: names, letters and notes are " +
			"then kept scrambled, and only your passphrase (or a recovery key you keep safe) opens them. You can also do it later in Settings."))
	}
	col.Add(widget.NewSeparator())
	if st := fr.s.st; st != nil && st.OnServer() {
		col.Add(fr.example) // signed in already: each member chooses their own view
	} else {
		col.Add(container.NewHBox(fr.example, fr.team))
	}
	return container.NewCenter(container.New(&maxWidth{w: 760, min: 760}, col))
}

func (fr *firstRunScreen) onChoose(m mode) {
	protect := fr.protect != nil && fr.protect.Checked
	fr.s.setSetting(settingMode, string(m), func() {
		fr.s.showMain()
		if protect {
			fr.s.onProtect() // over Today: the passphrase, then the recovery key
		}
	})
}

func (fr *firstRunScreen) onExample() { fr.s.enterExample() }

// maxWidth lays its content out w wide, or narrower when the window is,
// at the leading edge: lines of text stay short enough to read.
type maxWidth struct{ w, min float32 }

func (m *maxWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(max(s.Width, m.min), s.Height)
}

func (m *maxWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, m.w)
	for _, o := range objs {
		o.Resize(fyne.NewSize(max(w, o.MinSize().Width), size.Height))
		o.Move(fyne.NewPos(0, 0))
	}
}
