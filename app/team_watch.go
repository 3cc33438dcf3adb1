package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"secondopinion/data/store"
)

// On a team's server, what another desk saves appears here within moments:
// the records it changed are read in the background (team_update.go) and
// the screen shown is brought up to date, keeping anything being typed. While the server
// cannot be reached a banner says so; the connection mends by itself.

// recordsChanged is a screen that can show records read again without
// losing its place (its search, its selection).
type recordsChanged interface{ recordsChanged() }

// watchTeam reads other desks' changes as they come, when on a server,
// from the feed that listened while the caseload was read (or a new one).
func (s *shell) watchTeam(feed *teamFeed) {
	s.stopWatchingTeam()
	if s.st == nil || !s.st.OnServer() {
		if feed != nil {
			feed.stop()
		}
		return
	}
	if feed == nil {
		feed = listenToTeam(s.st, true)
	}
	st := s.st
	ctx, cancel := context.WithCancel(context.Background())
	s.teamWatch = func() { cancel(); feed.stop() }
	feed.tellConnection(func(up bool) {
		s.jobs.deliver(func() {
			if s.st == st {
				s.serverLost = !up
				s.refreshBanners()
			}
		})
	})
	// One reading per burst of changes, never two at once.
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-feed.kick:
			}
			changes := feed.take()
			if len(changes) == 0 {
				continue
			}
			u, err := readTeamUpdate(ctx, st, changes)
			if err != nil {
				// The banner says when the server is out of reach. What
				// was missed is read with the next change, or on
				// reconnecting: everything, to be sure.
				feed.again()
				continue
			}
			s.jobs.deliver(func() {
				if s.st == st && ctx.Err() == nil {
					if again := s.showUpdate(u); len(again) > 0 {
						feed.send(again)
					}
				}
			})
		}
	}()
	feed.poke() // changes that came while the caseload was read
}

func (s *shell) stopWatchingTeam() {
	if s.feed != nil { // opened, but not yet shown
		s.feed.stop()
		s.feed = nil
	}
	if s.teamWatch != nil {
		s.teamWatch()
		s.teamWatch = nil
	}
	s.serverLost = false
}

// showUpdate puts what other desks changed into the caseload and updates
// the screen shown, if it can be without losing anything.
//
// It returns the changes to read again: records this desk changed while
// they were being read, which the reading may predate.
func (s *shell) showUpdate(u *teamUpdate) (again []store.Change) {
	if u.whole != nil {
		again = s.cl.changesHereSince(u.readFrom)
		s.useCaseload(u.whole)
	} else {
		again = s.cl.apply(u)
	}
	s.showRecordsChanged()
	return again
}

// showRecordsChanged tells the screen shown that the caseload changed
// under it, if it shows records.
func (s *shell) showRecordsChanged() {
	if rc, ok := s.current.(recordsChanged); ok {
		rc.recordsChanged()
	}
}

// serverLostBanner is the banner shown while the server cannot be reached.
func (s *shell) serverLostBanner() fyne.CanvasObject {
	return banner(theme.ColorNameError, "The team's server cannot be reached just now (the network or the server may be down). Trying to reconnect… "+
		"What you type here is kept. A save is tried again for a few seconds; if it still cannot be made you are told, "+
		"and can save it again once this message has gone.", nil)
}
