package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
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

	dialogs []dialog.Dialog // open dialogs, newest last, for Esc
	current screen
	nav     *navBar
	body    *fyne.Container // where screens go
}

func newShell(a fyne.App, dir string) *shell {
	s := &shell{app: a, dir: dir, today: data.Today}
	s.win = a.NewWindow("Second Opinion")
	s.win.Resize(fyne.NewSize(1280, 760))
	s.win.SetContent(container.NewCenter(widget.NewLabel("Opening your records…")))
	s.win.Canvas().SetOnTypedKey(s.onTypedKey)
	s.win.SetCloseIntercept(s.onClose)
	s.addShortcuts()
	return s
}

// start opens the store in the background and shows the first screen.
func (s *shell) start() { s.openStore(s.dir, false) }

// openStore opens a data folder (the user's own or the example) and shows
// the first run or Today.
func (s *shell) openStore(dir string, example bool) {
	background(s, func(ctx context.Context) (*opened, error) {
		st, err := store.Open(dir)
		if err != nil {
			return nil, err
		}
		if example {
			if err := fillExample(ctx, st, s.today()); err != nil {
				st.Close()
				return nil, err
			}
		}
		// The national bodies (ombudsmen, advocacy, the CQC) go in the
		// directory once, after the example's own, so that later letters
		// have somewhere to go.
		if _, err := directory.SeedIfEmpty(ctx, st); err != nil {
			st.Close()
			return nil, err
		}
		cl, err := loadCaseload(ctx, st)
		if err != nil {
			st.Close()
			return nil, err
		}
		return &opened{st, cl}, nil
	}, func(o *opened) {
		s.closeStore()
		// The example's folder marks itself, however it was opened.
		s.st, s.cl, s.example = o.st, o.cl, example || o.cl.settings[settingExample] == "yes"
		s.applyTheme()
		if s.cl.mode() == "" && !s.example {
			if len(s.cl.people) > 0 {
				// A folder filled elsewhere (an import, the demo command)
				// is a caseload: show it, and let Settings change the view.
				s.setSetting(settingMode, string(modeAdvocate), s.showMain)
				return
			}
			s.showFirstRun()
			return
		}
		s.showMain()
	})
}

type opened struct {
	st *store.Store
	cl *caseload
}

// closeStore closes the open store, if any; a closed window needs no more.
func (s *shell) closeStore() {
	if s.st != nil {
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

// showMain lays out the navigation and shows Today.
func (s *shell) showMain() {
	s.nav = newNavBar(s)
	s.body = container.NewStack()
	top := fyne.CanvasObject(nil)
	if s.example {
		top = s.exampleBanner()
	}
	s.win.SetContent(container.NewBorder(top, nil, s.nav.content(), nil, s.body))
	s.showToday()
}

// show puts a screen in the body of the window, once the screen it
// replaces has kept any unsaved work.
func (s *shell) show(sc screen, nav string) {
	if l, ok := s.current.(leaver); ok && s.current != sc {
		s.current = nil
		l.leave(func() { s.show(sc, nav) })
		return
	}
	s.current = sc
	s.body.Objects = []fyne.CanvasObject{sc.content()}
	s.body.Refresh()
	s.nav.highlight(nav)
}

func (s *shell) showToday()     { s.show(newTodayScreen(s), navToday) }
func (s *shell) showPeople()    { s.show(newPeopleScreen(s), navPeople) }
func (s *shell) showDirectory() { s.show(newDirectoryScreen(s), navDirectory) }
func (s *shell) showSettings()  { s.show(newSettingsScreen(s), navSettings) }

// showRequest opens one request's page.
func (s *shell) showRequest(requestID string) { s.show(newRequestScreen(s, requestID), navPeople) }

// startWizard opens the guided new request, carrying on any draft.
func (s *shell) startWizard(personID string) { s.show(newWizard(s, personID), navNew) }

// exampleBanner marks every screen while the example caseload is open.
func (s *shell) exampleBanner() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	label := widget.NewLabelWithStyle("EXAMPLE: everyone here is made up. Nothing you do here touches your own records.",
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	leave := widget.NewButtonWithIcon("Leave the example", theme.LogoutIcon(), s.leaveExample)
	if s.st.Dir() == s.dir { // opened on the example's folder itself: nowhere to leave to
		leave.Hide()
	}
	return container.NewStack(bg, container.NewBorder(nil, nil, nil, leave, label))
}

func (s *shell) enterExample() { s.openStore(store.ExampleDir(s.dir), true) }
func (s *shell) leaveExample() { s.openStore(s.dir, false) }

// showDialog shows a dialog and remembers it, so Esc can close it.
func (s *shell) showDialog(d dialog.Dialog) {
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

// onClose keeps unsaved work before the window goes.
func (s *shell) onClose() {
	if l, ok := s.current.(leaver); ok {
		s.current = nil
		l.leave(s.win.Close)
		return
	}
	s.win.Close()
}

func (s *shell) onTypedKey(k *fyne.KeyEvent) {
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
}

func (s *shell) ready() bool { return s.body != nil && len(s.dialogs) == 0 }

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
	if sv, ok := s.current.(saver); ok && s.body != nil {
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
