package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Banners that can be put away for the rest of the session.
const (
	bannerNetwork   = "network"
	bannerBackup    = "backup"
	bannerRecovered = "recovered"
	bannerFolder    = "folder"
)

// bannerTextWidth is the narrowest a banner's text is laid out.
const bannerTextWidth = 360

// backupDueAfter is how old the newest backup may be before a reminder.
const backupDueAfter = 7 * 24 * time.Hour

// refreshBanners puts the banners that apply above every screen: the
// example, work a crash interrupted that opening put right, records that
// cannot be changed, a data folder others could open, a network drive, an
// old backup.
func (s *shell) refreshBanners() {
	if s.banners == nil {
		return
	}
	s.banners.Objects = nil
	if s.example {
		s.banners.Add(s.exampleBanner())
	}
	if s.serverLost {
		s.banners.Add(s.serverLostBanner())
	}
	if s.st != nil && s.st.Recovered() != "" && !s.dismissed[bannerRecovered] {
		// Said once: the next start has nothing to put right.
		s.banners.Add(banner(theme.ColorNameSuccess, s.st.Recovered(), s.dismiss(bannerRecovered)))
	}
	if s.st != nil && s.st.ReadOnly() {
		s.banners.Add(banner(theme.ColorNameError, "Read-only: changes cannot be saved. The records file "+s.st.Path()+
			" can only be read (its permissions, or the disk, do not allow writing). You can look, but not change anything.", nil))
	}
	if s.st != nil && !s.dismissed[bannerFolder] {
		switch fa := s.st.FolderAccess(); {
		case fa.Open != "":
			s.banners.Add(banner(theme.ColorNameWarning, fa.Open, s.dismiss(bannerFolder)))
		case fa.Tightened:
			s.banners.Add(banner(theme.ColorNameSuccess, "Other people who use this computer could open your data folder, "+
				s.st.Dir()+". It is now yours alone.", s.dismiss(bannerFolder)))
		}
	}
	if s.network != "" && !s.dismissed[bannerNetwork] {
		s.banners.Add(banner(theme.ColorNameWarning, s.network, s.dismiss(bannerNetwork)))
	}
	if msg := s.backupReminder(); msg != "" && !s.dismissed[bannerBackup] {
		now := widget.NewButtonWithIcon("Back up now…", theme.DocumentSaveIcon(), s.onBackupNow)
		s.banners.Add(banner(theme.ColorNameWarning, msg, s.dismiss(bannerBackup), now))
	}
	s.banners.Refresh()
}

func (s *shell) dismiss(key string) func() {
	return func() {
		s.dismissed[key] = true
		s.refreshBanners()
	}
}

// backupReminder says when the records have gone too long without a
// backup; "" when all is well or there is nothing to lose.
func (s *shell) backupReminder() string {
	if s.st == nil || s.cl == nil || s.example || s.st.ReadOnly() || s.st.OnServer() || len(s.cl.people) == 0 {
		return ""
	}
	if s.lastBackup.IsZero() {
		return "Your records have never been backed up. A backup is a copy you can go back to if this computer fails."
	}
	age := time.Since(s.lastBackup)
	if age < backupDueAfter {
		return ""
	}
	return fmt.Sprintf("Your last backup was %d days ago. A fresh one keeps what you have added since.", int(age.Hours()/24))
}

// banner is a coloured strip with a message, any buttons, and a close
// button when it can be dismissed.
func banner(color fyne.ThemeColorName, msg string, dismiss func(), buttons ...fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(color))
	label := widget.NewLabelWithStyle(msg, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	label.Wrapping = fyne.TextWrapWord
	right := container.NewHBox(buttons...)
	if dismiss != nil {
		x := widget.NewButtonWithIcon("", theme.CancelIcon(), dismiss)
		x.Importance = widget.LowImportance
		right.Add(x)
	}
	// The text keeps a width it can be read at. A desktop window first lays
	// new content out at its smallest, then grows to fit what that measures:
	// a banner's text squeezed to nothing wrapped a letter to a line, and
	// the window grew 2,321 pixels tall, past the bottom of the screen.
	text := container.New(&minWidth{w: bannerTextWidth}, label)
	return container.NewStack(bg, container.NewBorder(nil, nil, nil, container.NewCenter(right), text))
}

// exampleBanner marks every screen while the example caseload is open.
func (s *shell) exampleBanner() fyne.CanvasObject {
	leave := widget.NewButtonWithIcon("Leave the example", theme.LogoutIcon(), s.leaveExample)
	if s.st.Dir() == s.dir { // opened on the example's folder itself: nowhere to leave to
		leave.Hide()
	}
	return banner(theme.ColorNameWarning, "EXAMPLE: everyone here is made up. Nothing you do here touches your own records.", nil, leave)
}
