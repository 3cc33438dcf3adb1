package app

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// On a team's server each person belongs to one member (or to the
// reception desk, for the people the desk logs). Their owner or a manager
// may share them with other members, and a manager may hand them over:
// without that, an advocate saw only the clients they had added
// themselves, and a caseload moved onto the server belonged to whoever
// moved it. The server decides who may do what; the window offers only
// what it would allow.

// personTeam is who a person belongs to and is shared with, as the server
// says; it is read each time their panel is shown.
type personTeam struct {
	owner   string
	shared  []string
	members []store.Member
	desk    string // the name the desk's people belong to
}

func readPersonTeam(ctx context.Context, st *store.Store, personID string) (personTeam, error) {
	t, err := readTeam(ctx, st)
	if err != nil {
		return t, err
	}
	if t.owner, err = st.Owner(ctx, personID); err != nil {
		return t, err
	}
	t.shared, err = st.SharedWith(ctx, personID)
	return t, err
}

// readTeam reads the members and the desk's name, which name people.
func readTeam(ctx context.Context, st *store.Store) (personTeam, error) {
	var t personTeam
	var err error
	if t.members, err = st.Members(ctx); err != nil {
		return t, err
	}
	t.desk, err = st.Desk(ctx)
	return t, err
}

// member is the member of this name, if it is one (the desk is not).
func (t personTeam) member(name string) (store.Member, bool) {
	i := slices.IndexFunc(t.members, func(m store.Member) bool { return m.Name == name })
	if i < 0 {
		return store.Member{}, false
	}
	return t.members[i], true
}

// called is how the panel names a member (or the desk) to the one signed
// in. Anyone else is named as the server has them: the caseload's owner,
// say, to whom the records there before the team belong.
func (t personTeam) called(name string, me store.Member) string {
	switch m, ok := t.member(name); {
	case name == me.Name:
		return "you"
	case name == t.desk:
		return "the reception desk"
	case ok:
		return m.Name + " (" + strings.ToLower(m.Kind.Label()) + ")"
	}
	return name
}

// mayShare reports whether me may share the person: their owner (a
// receptionist for the desk's people) or a manager.
func (t personTeam) mayShare(me store.Member) bool {
	return me.Can(store.ManageMembers) || t.owner == me.Name || (me.Kind == store.Receptionist && t.owner == t.desk)
}

// seesAnyway reports whether me sees the person without their share: a
// manager sees everyone, and a receptionist the desk's people.
func (t personTeam) seesAnyway(me store.Member) bool {
	return me.Can(store.SeeEveryone) || (me.Kind == store.Receptionist && t.owner == t.desk)
}

// takers are the members the owner's clients can be handed to: not the
// owner, nor, for the desk's people, a receptionist (handing them to one
// is handing them to the desk, where they are).
func (t personTeam) takers(me store.Member, owner string) (names, shown []string) {
	leaveOut := []string{owner}
	if owner == t.desk {
		for _, m := range t.members {
			if m.Kind == store.Receptionist {
				leaveOut = append(leaveOut, m.Name)
			}
		}
	}
	return t.others(me, leaveOut...)
}

// others are the members, as the panel names them, that a choice can
// offer: everyone but those left out.
func (t personTeam) others(me store.Member, leaveOut ...string) (names, shown []string) {
	for _, m := range t.members {
		if !slices.Contains(leaveOut, m.Name) {
			names = append(names, m.Name)
			shown = append(shown, t.called(m.Name, me))
		}
	}
	return names, shown
}

// personTeamSection is the part of a person's panel that says whose they
// are; empty for records on this computer.
func (s *shell) personTeamSection(p data.Person) fyne.CanvasObject {
	box := container.NewVBox()
	if s.st == nil || !s.st.OnServer() {
		return box
	}
	box.Add(quiet("Finding out who they belong to…"))
	s.fillPersonTeam(box, p)
	return box
}

func (s *shell) fillPersonTeam(box *fyne.Container, p data.Person) {
	st := s.st
	if st == nil {
		return // signed out since
	}
	runJob(s, func(ctx context.Context) (personTeam, error) { return readPersonTeam(ctx, st, p.ID) },
		func(t personTeam) {
			if s.st != st {
				return // signed out, or elsewhere, since
			}
			box.Objects = s.personTeamLines(box, p, t)
			box.Refresh()
		}, func(err error) {
			if errors.Is(err, data.ErrNotFound) {
				// Given back, or handed to someone else, meanwhile: the
				// panel goes as soon as the caseload hears of it.
				box.Objects = nil
				box.Refresh()
				return
			}
			s.showError(err)
		})
}

func (s *shell) personTeamLines(box *fyne.Container, p data.Person, t personTeam) []fyne.CanvasObject {
	me := s.st.Member()
	again := func() { s.fillPersonTeam(box, p) }
	lines := []fyne.CanvasObject{quiet("Belongs to " + t.called(t.owner, me) + ".")}
	if len(t.shared) == 0 {
		lines = append(lines, quiet("Not shared with anyone else."))
	}
	for _, name := range t.shared {
		line := quiet("Shared with " + t.called(name, me) + ".")
		switch {
		case name == me.Name && t.owner != me.Name && !t.seesAnyway(me):
			give := widget.NewButton("Give back", func() { s.giveBack(p) })
			lines = append(lines, container.NewBorder(nil, nil, nil, give, line)) // the words wrap beside it
		case t.mayShare(me):
			stop := widget.NewButton("Stop sharing with "+name, func() { s.stopSharing(p, name, again) })
			lines = append(lines, container.NewBorder(nil, nil, nil, stop, line))
		default:
			lines = append(lines, line)
		}
	}
	var buttons []fyne.CanvasObject
	if t.mayShare(me) {
		names, shown := t.others(me, append([]string{t.owner, me.Name}, t.shared...)...)
		share := widget.NewButtonWithIcon("Share with…", theme.AccountIcon(), func() {
			s.chooseMember(chooseMember{title: "Share " + p.Name + " with", button: "Share",
				says: "They will see and change " + firstName(p.Name) + "'s details, requests and letters, " +
					"but not erase them or share them with anyone else.",
				names: names, shown: shown,
				do:   func(ctx context.Context, st *store.Store, name string) error { return st.ShareWith(ctx, p.ID, name) },
				then: again})
		})
		if len(names) == 0 {
			share.Disable() // everyone in the team has them already
		}
		buttons = append(buttons, share)
	}
	if me.Can(store.ManageMembers) {
		names, shown := t.takers(me, t.owner)
		hand := widget.NewButton("Hand over…", func() {
			s.chooseMember(chooseMember{title: "Hand " + p.Name + " over to", button: "Hand over",
				says: "They will belong to the member you choose (to the reception desk, if you choose a receptionist). " +
					"Whoever they are shared with keeps seeing them.",
				names: names, shown: shown,
				do:   func(ctx context.Context, st *store.Store, name string) error { return st.HandOver(ctx, p.ID, name) },
				then: again})
		})
		if len(names) == 0 {
			hand.Disable()
		}
		buttons = append(buttons, hand)
	}
	if len(buttons) > 0 {
		lines = append(lines, container.NewHBox(buttons...))
	}
	return lines
}

func (s *shell) stopSharing(p data.Person, name string, then func()) {
	st := s.st
	backgroundErr(s, func(ctx context.Context) error { return st.Unshare(ctx, p.ID, name) }, then)
}

// giveBack ends, after asking, the sharing of someone shared with the one
// signed in, who then no longer sees them.
func (s *shell) giveBack(p data.Person) {
	msg := widget.NewLabel("You will no longer see " + p.Name + " or their requests and letters. " +
		"Whoever they belong to keeps everything, and can share them with you again.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Give "+p.Name+" back", "Give back", "Cancel", dialogBody(s, msg), func(ok bool) {
		if !ok {
			return
		}
		st, me := s.st, s.st.Member().Name
		backgroundErr(s, func(ctx context.Context) error { return st.Unshare(ctx, p.ID, me) }, func() {
			if s.st != st {
				return // signed out, or elsewhere, since
			}
			s.cl.dropPerson(p.ID)
			s.showRecordsChanged()
		})
	}, s.win)
	d.Resize(fitDialog(s, fyne.NewSize(480, 220)))
	s.showDialog(d)
}

// chooseMember is a dialog choosing one member to do something with.
type chooseMember struct {
	title, button, says string
	names, shown        []string // the members' names, and as the dialog shows them
	do                  func(ctx context.Context, st *store.Store, name string) error
	then                func()
}

func (s *shell) chooseMember(c chooseMember) {
	pick := widget.NewSelect(c.shown, nil)
	pick.PlaceHolder = "Choose a member of the team"
	problem := problemLabel("")
	says := widget.NewLabel(c.says)
	says.Wrapping = fyne.TextWrapWord
	var dlg *dialog.CustomDialog
	var ok *widget.Button
	ok = widget.NewButton(c.button, func() {
		i := pick.SelectedIndex()
		if i < 0 {
			setProblem(problem, "Please choose who, first.")
			return
		}
		st, name := s.st, c.names[i]
		if st == nil {
			return // signed out since the dialog opened
		}
		// Handing a whole moved caseload over takes some seconds (ten for
		// 50,000 clients): the button says it is working, and cannot be
		// pressed twice.
		ok.Disable()
		ok.SetText("Working…")
		runJob(s, func(ctx context.Context) (struct{}, error) { return struct{}{}, c.do(ctx, st, name) },
			func(struct{}) {
				dlg.Hide()
				if s.st == st { // not signed out, or elsewhere, meanwhile
					c.then()
				}
			}, func(err error) {
				ok.SetText(c.button)
				ok.Enable()
				setProblem(problem, data.Message(err))
			})
	})
	ok.Importance = widget.HighImportance
	dlg = dialog.NewCustomWithoutButtons(c.title, dialogBody(s, container.NewVBox(pick, says, problem)), s.win)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", func() { dlg.Hide() }), ok})
	dlg.Resize(fitDialog(s, fyne.NewSize(480, 300))) // room for a problem line below the words
	s.showDialog(dlg)
}
