package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/directory"
	"secondopinion/data/store"
)

// screen is one page of the window.
type screen interface {
	content() fyne.CanvasObject
}

// saver is a screen with something to save on Ctrl+S.
type saver interface{ save() }

// closer is a screen that lets go of what it holds once another has taken
// its place: the window keeps a screen's widgets a while after it has gone,
// and with them, for 50,000 people, the 8 MB of Today's items at each visit.
type closer interface{ close() }

// leaver is a screen that keeps unsaved work when the person moves on.
type leaver interface{ leave(done func()) }

// searcher is a screen with a search box for Ctrl+F.
type searcher interface{ focusSearch() }

// shell is the window: the navigation, the screen shown, the open store
// and the caseload read from it.
type shell struct {
	app     fyne.App
	win     fyne.Window
	dir     string // the user's own data folder
	example bool   // showing the example caseload from store.ExampleDir
	st      *store.Store
	cl      *caseload
	jobs    jobs
	today   func() data.Date

	network    string    // the network-drive warning, if the folder is on one
	lastBackup time.Time // the newest backup, automatic or made from the menu
	dismissed  map[string]bool
	banners    *fyne.Container
	closing    bool                    // an automatic backup is being made before the window closes
	closeTried bool                    // the person asked to close once already
	ending     *time.Timer             // a signal asked the program to end: when to end it whatever is under way (end_signal.go)
	ended      bool                    // the records and the window are closed
	afterOpen  func()                  // runs once the records have opened again (after a restore)
	leaving    screen                  // the screen asked to keep its work before the window moves on
	deskDraft  *deskScreen             // a desk form left part-filled, shown again on return
	opener     func(path string) error // opens a file or folder in the computer's own program

	connecting *connectForm // the last "connect to our team's server" form shown
	teamWatch  func()       // stops listening for other desks' saves
	feed       *teamFeed    // other desks' changes since the records were read, until watchTeam takes them
	conflict   any          // the last conflict shown (a *conflictResolver), for tests
	serverLost bool         // the team's server cannot be reached just now

	lastOpened string        // the record whose page was last noted as opened (audit_notes.go)
	lastNote   chan struct{} // closed once the last note asked for is written (audit_notes.go)

	pending *store.Store // protected records opened and waiting for their passphrase
	lock    *screenLock  // the window's lock, for protected records

	index    *caseIndex       // the Clients index last prepared, kept for the next visit (caseload_bar.go)
	reckoned *reckoning       // what Today last worked out, to show again while it holds (today.go)
	saving   map[any][]func() // forms whose save is under way, with what waits for it to end, in order (saving.go)

	dialogs    []dialog.Dialog          // open dialogs, newest last, for Esc
	errorWords map[dialog.Dialog]string // the words of the error dialogs among them
	current    screen
	nav        *navBar
	body       *fyne.Container // where screens go
}

// openingSize is the window's size when the program opens.
var openingSize = fyne.NewSize(1280, 760)

func newShell(a fyne.App, dir string) *shell {
	s := &shell{app: a, dir: dir, today: data.Today, dismissed: map[string]bool{}, opener: openWithSystem}
	// The calm theme from the first frame, so the screens shown before the
	// records open (in use, damaged) look like the rest; the user's own
	// choice of light, dark and size follows once the settings are read.
	a.Settings().SetTheme(newCalmTheme("", ""))
	useSafeFileWriter() // before any save dialog: see saferepo.go
	s.win = a.NewWindow("Second Opinion")
	s.win.Resize(openingSize)
	s.win.SetContent(container.NewCenter(widget.NewLabel("Opening your records…")))
	s.win.Canvas().SetOnTypedKey(s.onTypedKey)
	s.win.SetCloseIntercept(s.onClose)
	s.addShortcuts()
	return s
}

// start opens the store in the background and shows the first screen: a
// desk that works on a team's server signs in first.
func (s *shell) start() {
	if address := store.RememberedServer(s.dir); address != "" {
		s.showSignIn(address)
		return
	}
	s.openStore(s.dir, false)
}

// openStore opens a data folder (the user's own or the example), holding
// its lock so that a second copy of the program cannot write to it too,
// and shows the first run or Today.
func (s *shell) openStore(dir string, example bool) {
	s.openWith(dir, example, func(context.Context) (*store.Store, error) { return store.OpenExclusive(dir) },
		func(err error) { s.openFailed(dir, err) })
}

// openWith opens records with open, asks for the passphrase when they are
// protected, reads them, and shows them; failed is told what went wrong.
func (s *shell) openWith(dir string, example bool, open func(context.Context) (*store.Store, error), failed func(error)) {
	runJob(s, func(ctx context.Context) (*opened, error) {
		st, err := open(ctx)
		if err != nil {
			return nil, err
		}
		if st.Locked() {
			return &opened{st: st, locked: true}, nil
		}
		return prepareWithToday(ctx, st, dir, example, s.today())
	}, func(o *opened) {
		if o.locked {
			s.closeStore()
			s.askToUnlock(o.st, func() {
				runJob(s, func(ctx context.Context) (*opened, error) {
					return prepareWithToday(ctx, o.st, dir, example, s.today())
				},
					func(o *opened) { s.showOpened(o, example) },
					func(err error) { o.st.Close(); failed(err) })
			})
			return
		}
		s.showOpened(o, example)
	}, failed)
}

// prepareWithToday is prepare, then Today worked out, the first screen
// shown. Worked out here, on the records just read, it needs no copy of
// them, as Today's work in the background otherwise does while the
// window may change them: with 50,000 people, 10 MB more at the height
// of signing in. Today then shows at once.
func prepareWithToday(ctx context.Context, st *store.Store, dir string, example bool, today data.Date) (*opened, error) {
	defer collectSooner()() // from reading to Today, with no gap between
	o, err := prepare(ctx, st, dir, example, today)
	if err != nil {
		return nil, err
	}
	o.reckoned = reckon(o.cl, today)
	releaseSoon() // what reading and working out let go, once Today shows
	return o, nil
}

// prepare reads the records of a store that has just opened (and, when
// protected, been unlocked), closing it if that fails.
func prepare(ctx context.Context, st *store.Store, dir string, example bool, today data.Date) (*opened, error) {
	if example {
		if err := fillExample(ctx, st, today); err != nil {
			st.Close()
			return nil, err
		}
	}
	// The national bodies (ombudsmen, advocacy, the CQC) go in the
	// directory once, after the example's own, so that later letters
	// have somewhere to go. Read-only records are left as they are.
	if !st.ReadOnly() {
		if _, err := directory.SeedIfEmpty(ctx, st); err != nil {
			st.Close()
			return nil, err
		}
	}
	var feed *teamFeed
	if st.OnServer() {
		feed = listenToTeam(st, false)
		feed.waitUntilListening(ctx)
	}
	cl, err := loadCaseload(ctx, st)
	if err != nil {
		if feed != nil {
			feed.stop()
		}
		st.Close()
		return nil, err
	}
	return &opened{st: st, cl: cl, feed: feed, network: store.NetworkDriveWarning(dir), lastBackup: lastBackup(dir, cl)}, nil
}

// showOpened shows the first screen of records that are open and read.
func (s *shell) showOpened(o *opened, example bool) {
	s.closeStore()
	// The example's folder marks itself, however it was opened.
	s.st, s.cl, s.example = o.st, o.cl, example || o.cl.settings[settingExample] == "yes"
	s.feed, s.reckoned = o.feed, o.reckoned
	s.network, s.lastBackup = o.network, o.lastBackup
	s.st.SetWho(s.cl.settings[settingDeskName])
	s.applyTheme()
	s.setMenu()
	if s.cl.mode() == "" && !s.example {
		if len(s.cl.people) > 0 || s.st.ReadOnly() {
			// A folder filled elsewhere (an import, the demo command)
			// is a caseload: show it, and let Settings change the view.
			// Read-only records cannot keep a choice, so get the same.
			if s.st.ReadOnly() {
				s.cl.settings[settingMode] = string(modeAdvocate)
				s.showMain()
				return
			}
			s.setSetting(settingMode, string(modeAdvocate), s.showMain)
			return
		}
		s.showFirstRun()
		return
	}
	s.showMain()
}

type opened struct {
	st         *store.Store
	cl         *caseload
	feed       *teamFeed  // on a server: listening since before the records were read
	network    string     // a warning when the folder is on a network drive
	lastBackup time.Time  // zero when there has never been one
	locked     bool       // protected, and waiting for the passphrase
	reckoned   *reckoning // Today, worked out on the records as read
}

// useCaseload puts a caseload read again in place of the one in use. The
// Clients index of the old one goes with it: its rows point at the old
// reading's words, which it would otherwise keep in memory, and so does
// what Today worked out from it.
func (s *shell) useCaseload(cl *caseload) { s.cl, s.index, s.reckoned = cl, nil, nil }

// closeStore closes the open store, if any; a closed window needs no more.
func (s *shell) closeStore() {
	s.index, s.reckoned = nil, nil
	s.stopIdle()
	s.stopWatchingTeam()
	if s.pending != nil {
		s.pending.Close()
		s.pending = nil
	}
	if s.st != nil {
		// Let work in flight finish first: a save cut off by a closed
		// database would report a baffling error, or be lost.
		s.jobs.wg.Wait()
		s.st.Close()
		s.st = nil
	}
}

func (s *shell) applyTheme() {
	s.app.Settings().SetTheme(newCalmTheme(s.cl.settings[settingTheme], s.cl.settings[settingTextSize]))
}

// setSetting saves one setting in the background and keeps it in memory.
func (s *shell) setSetting(key, value string, done func()) {
	st := s.st
	backgroundErr(s, func(ctx context.Context) error { return st.SetSetting(ctx, key, value) }, func() {
		s.cl.settings[key] = value
		if done != nil {
			done()
		}
	})
}

// showMain lays out the navigation, the banners and Today.
func (s *shell) showMain() {
	s.nav = newNavBar(s)
	s.body = container.NewStack()
	s.banners = container.NewVBox()
	s.refreshBanners()
	s.win.SetContent(s.watchingUse(container.NewBorder(s.banners, nil, s.nav.content(), nil, s.body)))
	s.showToday()
	s.watchIdle()
	feed := s.feed
	s.feed = nil
	s.watchTeam(feed)
	if f := s.afterOpen; f != nil {
		s.afterOpen = nil
		f()
	}
}

// show puts a screen in the body of the window, once the screen it
// replaces has kept any unsaved work.
func (s *shell) show(sc screen, nav string) {
	s.showMade(func() screen { return sc }, nav, sc == s.current)
}

// showMade is show for a screen made by build, once the screen shown has
// kept its work: made before, it would show the records one save behind.
// again is whether it is the screen shown already, which need not leave.
func (s *shell) showMade(build func() screen, nav string, again bool) {
	if l, ok := s.current.(leaver); ok && !again && s.leaving != s.current {
		// The screen stays until its work is kept: if saving fails, what
		// was typed is still there and the person is told why. Asking to
		// move on a second time goes without it.
		cur := s.current
		s.leaving = cur
		l.leave(func() {
			s.leaving = nil
			if s.current != cur {
				return // moved on meanwhile
			}
			s.current = nil
			s.showMade(build, nav, false)
			closeScreen(cur)
		})
		return
	}
	s.leaving = nil
	sc := build()
	old := s.current
	s.current = sc
	s.body.Objects = []fyne.CanvasObject{sc.content()}
	s.body.Refresh()
	s.nav.highlight(nav)
	if old != sc {
		closeScreen(old)
	}
}

// closeScreen lets a screen that has gone let go of what it holds.
func closeScreen(sc screen) {
	if c, ok := sc.(closer); ok {
		c.close()
	}
}

// The screens of the navigation, each made once the screen shown has kept
// its work (showAfterLeaving).
func (s *shell) showToday() { s.showAfterLeaving(func() screen { return newTodayScreen(s) }, navToday) }
func (s *shell) showPeople() {
	s.showAfterLeaving(func() screen { return newPeopleScreen(s) }, navPeople)
}
func (s *shell) showDirectory() {
	s.showAfterLeaving(func() screen { return newDirectoryScreen(s) }, navDirectory)
}
func (s *shell) showSettings() {
	s.showAfterLeaving(func() screen { return newSettingsScreen(s) }, navSettings)
}

// showAfterLeaving shows the screen build makes, made once the screen
// shown has kept its work.
func (s *shell) showAfterLeaving(build func() screen, nav string) { s.showMade(build, nav, false) }

// showRequest opens one request's page.
func (s *shell) showRequest(requestID string) {
	s.showAfterLeaving(func() screen { return newRequestScreen(s, requestID) }, navPeople)
}

// startWizard opens the guided new request, carrying on any draft: a
// draft saved as a request is read in full first, unless the person has
// moved on meanwhile.
func (s *shell) startWizard(personID string) {
	d, ok := draftOf(s.cl)
	if _, saved := s.cl.request(d.RequestID); !ok || !saved || (personID != "" && personID != d.PersonID) {
		s.show(newWizard(s, personID), navNew)
		return
	}
	from := s.current
	open := func(data.Request, []data.Step) { s.show(newWizard(s, personID), navNew) }
	// Should the draft's request not be read, the wizard still opens, with
	// the draft's person and page, where it can be started afresh.
	s.openRead(d.RequestID, open, func(err error) {
		s.showError(err)
		if s.current == from {
			open(data.Request{}, nil)
		}
	})
}

func (s *shell) enterExample() { s.openStore(store.ExampleDir(s.dir), true) }
func (s *shell) leaveExample() { s.openStore(s.dir, false) }

// showDialog shows a dialog and remembers it, so Esc can close it.
func (s *shell) showDialog(d dialog.Dialog) {
	if s.holdWhileLocked(func() { s.showDialog(d) }) {
		return
	}
	s.dialogs = append(s.dialogs, d)
	d.SetOnClosed(func() {
		for i := len(s.dialogs) - 1; i >= 0; i-- {
			if s.dialogs[i] == d {
				s.dialogs = append(s.dialogs[:i], s.dialogs[i+1:]...)
				break
			}
		}
	})
	s.win.Canvas().Unfocus() // so that Esc reaches the window at once
	d.Show()
}

// onClose keeps unsaved work, makes the automatic backup, then closes.
// If keeping the work fails, the person has been told why; asking to close
// again closes without it.
func (s *shell) onClose() {
	if s.closing {
		return // the backup under way closes the window when it is done
	}
	if l, ok := s.current.(leaver); ok && !s.closeTried {
		s.closeTried = true
		l.leave(s.closeAfterBackup)
		return
	}
	s.closeAfterBackup()
}

func (s *shell) onTypedKey(k *fyne.KeyEvent) {
	s.noteUse()
	if k.Name == fyne.KeyEscape && len(s.dialogs) > 0 {
		s.dialogs[len(s.dialogs)-1].Hide()
	}
}

func (s *shell) addShortcuts() {
	c := s.win.Canvas()
	ctrl := fyne.KeyModifierShortcutDefault
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}, func(fyne.Shortcut) { s.onNewRequest() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl}, func(fyne.Shortcut) { s.onSearch() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl}, func(fyne.Shortcut) { s.onSave() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: ctrl}, func(fyne.Shortcut) { s.lockNow() })
}

func (s *shell) ready() bool { return s.body != nil && len(s.dialogs) == 0 && !s.isLocked() }

func (s *shell) onNewRequest() {
	if s.ready() {
		s.startWizard("")
	}
}

func (s *shell) onSearch() {
	if !s.ready() {
		return
	}
	if _, ok := s.current.(searcher); !ok {
		s.showPeople()
	}
	if sr, ok := s.current.(searcher); ok {
		sr.focusSearch()
	}
}

func (s *shell) onSave() {
	if sv, ok := s.current.(saver); ok && s.body != nil && !s.isLocked() {
		sv.save()
	}
}

// modeNow is the mode, read from the caseload once it is open.
func (s *shell) modeNow() mode {
	if s.cl == nil {
		return ""
	}
	return s.cl.mode()
}
