package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const (
	navNew       = "new"
	navToday     = "today"
	navPeople    = "people"
	navDirectory = "directory"
	navDesk      = "desk"
	navLog       = "log"
	navReports   = "reports"
	navSettings  = "settings"
)

// navBar is the column of places down the left of the window.
type navBar struct {
	s       *shell
	buttons map[string]*widget.Button
	order   []string
}

func newNavBar(s *shell) *navBar {
	n := &navBar{s: s, buttons: map[string]*widget.Button{}}
	n.add(navNew, "New request", theme.ContentAddIcon(), s.onNewRequest)
	if s.modeNow() == modeSurgery {
		n.add(navDesk, "Log a request", theme.DocumentCreateIcon(), s.showDesk)
	}
	n.add(navToday, "Today", theme.HomeIcon(), s.showToday)
	n.add(navPeople, s.modeNow().peopleWord(), theme.AccountIcon(), s.showPeople)
	if m := s.modeNow(); m == modeSurgery || m == modeAdvocate {
		n.add(navLog, "Request log", theme.ListIcon(), s.showLog)
		n.add(navReports, "Reports", theme.GridIcon(), s.showReports)
	}
	n.add(navDirectory, "Directory", theme.MailComposeIcon(), s.showDirectory)
	n.add(navSettings, "Settings", theme.SettingsIcon(), s.showSettings)
	return n
}

func (n *navBar) add(id, label string, icon fyne.Resource, tapped func()) {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Alignment = widget.ButtonAlignLeading
	n.buttons[id] = b
	n.order = append(n.order, id)
}

func (n *navBar) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Second Opinion", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(title, widget.NewSeparator())
	for _, id := range n.order {
		box.Add(n.buttons[id])
		if id == navNew && n.buttons[navDesk] == nil || id == navDesk {
			box.Add(widget.NewSeparator())
		}
	}
	return container.NewHBox(container.NewPadded(box), widget.NewSeparator())
}

// highlight marks the place the window is showing.
func (n *navBar) highlight(id string) {
	for k, b := range n.buttons {
		switch {
		case k == id:
			b.Importance = widget.HighImportance
		case k == navNew || k == navDesk:
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
}
