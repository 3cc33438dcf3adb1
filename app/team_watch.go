package app

import (
	"context"
	"sync"

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
	// Changes wait here for the reader, which takes all that have come
	// each time round: one reading per burst, never two at once.
	var mu sync.Mutex
	var waiting []store.Change
	kick := make(chan struct{}, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-kick:
			}
			mu.Lock()
			changes := waiting
			waiting = nil
			mu.Unlock()
			u, err := readTeamUpdate(ctx, st, changes)
			if err != nil {
				// The banner says when the server is out of reach. What
				// was missed is read with the next change, or on
				// reconnecting: everything, to be sure.
				mu.Lock()
				waiting = append(waiting, store.Everything)
				mu.Unlock()
				continue
			}
			s.jobs.deliver(func() {
				if s.st == st && ctx.Err() == nil {
					s.showUpdate(u)
				}
			})
		}
	}()
	go st.Watch(ctx, func(changes []store.Change) {
		mu.Lock()
		waiting = append(waiting, changes...)
		mu.Unlock()
		select {
		case kick <- struct{}{}:
		default: // a reading is already due; it will take these too
		}
	}, func(up bool) {
		s.jobs.deliver(func() {
			if s.st == st {
				s.serverLost = !up
				s.refreshBanners()
				if up {
					s.retryNow()
				}
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

// showUpdate puts what other desks changed into the caseload and updates
// the screen shown, if it can be without losing anything.
func (s *shell) showUpdate(u *teamUpdate) {
	if u.whole != nil {
		s.cl = u.whole
	} else {
		s.cl.apply(u)
	}
	if rc, ok := s.current.(recordsChanged); ok {
		rc.recordsChanged()
	}
}

// serverLostBanner is the banner shown while the server cannot be reached.
func (s *shell) serverLostBanner() fyne.CanvasObject {
	return banner(theme.ColorNameError, "The team's server cannot be reached just now (the network or the server may be down). "+
		"What you save meanwhile is kept on this computer and saved by itself once the server is back. Trying to reconnect…", nil)
}
