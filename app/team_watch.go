package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"secondopinion/data/store"
)

// On a team's server, what another desk saves appears here within moments:
// the caseload is read again in the background and the screen shown is
// brought up to date, keeping anything being typed. While the server
// cannot be reached a banner says so; the connection mends by itself.

// recordsChanged is a screen that can show records read again without
// losing its place (its search, its selection).
type recordsChanged interface{ recordsChanged() }

// watchTeam starts listening for other desks' saves, when on a server.
func (s *shell) watchTeam() {
	s.stopWatchingTeam()
	if s.st == nil || !s.st.OnServer() {
		return
	}
	st := s.st
	ctx, cancel := context.WithCancel(context.Background())
	s.teamWatch = cancel
	kick := make(chan struct{}, 1)
	go func() { // reads again once per burst of changes, never two at once
		for {
			select {
			case <-ctx.Done():
				return
			case <-kick:
			}
			cl, err := loadCaseload(ctx, st)
			if err != nil {
				continue // the banner says when the server is out of reach
			}
			s.jobs.deliver(func() {
				if s.st == st && ctx.Err() == nil {
					s.showReadAgain(cl)
				}
			})
		}
	}()
	go st.Watch(ctx, func([]store.Change) {
		select {
		case kick <- struct{}{}:
		default: // a reading is already due; it will see these too
		}
	}, func(up bool) {
		s.jobs.deliver(func() {
			if s.st == st {
				s.serverLost = !up
				s.refreshBanners()
			}
		})
	})
}

func (s *shell) stopWatchingTeam() {
	if s.teamWatch != nil {
		s.teamWatch()
		s.teamWatch = nil
	}
	s.serverLost = false
}

// showReadAgain puts the caseload read again in place and updates the
// screen shown, if it can be without losing anything.
func (s *shell) showReadAgain(cl *caseload) {
	s.cl = cl
	if rc, ok := s.current.(recordsChanged); ok {
		rc.recordsChanged()
	}
}

// serverLostBanner is the banner shown while the server cannot be reached.
func (s *shell) serverLostBanner() fyne.CanvasObject {
	return banner(theme.ColorNameError, "The team's server cannot be reached just now (the network or the server may be down). "+
		"What you type here is kept; save it again once this message has gone. Trying to reconnect…", nil)
}
