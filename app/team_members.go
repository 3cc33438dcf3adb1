package app

import (
	"context"
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// The team's members, in Settings on a team's server. A manager adds,
// changes and removes them here, as `secondopinion member` does: before,
// a practice manager had to use a terminal to give a new advocate their
// sign-in. Everyone sees who is in the team.

// teamMembers is the Settings section listing the members; empty in a folder.
func (ss *settingsScreen) teamMembers() fyne.CanvasObject {
	s := ss.s
	box := container.NewVBox()
	if s.st == nil || !s.st.OnServer() {
		return box
	}
	box.Objects = []fyne.CanvasObject{widget.NewSeparator(), subheading("The team"), quiet("Reading who is in the team…")}
	s.fillMembers(box)
	return box
}

// teamView is what the section shows: the members, the desk's name, and
// (for a manager) how many clients each owner has.
type teamView struct {
	personTeam                // its members and desk, to name them as a client's panel does
	owners     map[string]int // nil unless a manager
}

func readTeamView(ctx context.Context, st *store.Store) (teamView, error) {
	t, err := readTeam(ctx, st)
	v := teamView{personTeam: t}
	if err != nil || !st.Member().Can(store.ManageMembers) {
		return v, err
	}
	v.owners, err = st.ClientsByOwner(ctx)
	return v, err
}

func (s *shell) fillMembers(box *fyne.Container) {
	st := s.st
	if st == nil {
		return // signed out since
	}
	background(s, func(ctx context.Context) (teamView, error) { return readTeamView(ctx, st) }, func(v teamView) {
		if s.st != st {
			return // signed out, or elsewhere, since
		}
		box.Objects = s.memberLines(box, v)
		box.Refresh()
	})
}

func (s *shell) memberLines(box *fyne.Container, v teamView) []fyne.CanvasObject {
	me := s.st.Member()
	again := func() { s.fillMembers(box) }
	lines := []fyne.CanvasObject{widget.NewSeparator(), subheading("The team")}
	if me.Can(store.ManageMembers) {
		lines = append(lines, quiet("Each member signs in with their own name and password, and sees what their kind "+
			"allows: a receptionist the desk's people, an advocate their own clients and those shared with them, a "+
			"manager everyone."))
	} else {
		lines = append(lines, quiet("A manager adds and removes members."))
	}
	for _, m := range v.members {
		text := m.Name + " · " + m.Kind.Label()
		if m.Name == me.Name {
			text += " (you)"
		}
		line := quiet(text)
		if !me.Can(store.ManageMembers) || m.Name == me.Name {
			lines = append(lines, line)
			continue
		}
		remove := widget.NewButton("Remove…", func() { s.confirmRemoveMember(m.Name, again) })
		lines = append(lines, container.NewBorder(nil, nil, nil, remove, line))
	}
	if me.Can(store.ManageMembers) {
		add := widget.NewButtonWithIcon("Add or change a member…", theme.ContentAddIcon(), func() { s.addMember(v.members, again) })
		lines = append(lines, container.NewHBox(add))
		lines = append(lines, s.ownerLines(v, me, again)...)
	}
	return lines
}

// ownerName names an owner on a line of their own, as the members are listed.
func (v teamView) ownerName(owner string, me store.Member) string {
	_, member := v.member(owner)
	switch {
	case owner == me.Name:
		return owner + " (you)"
	case owner == v.desk:
		return "The reception desk"
	case member:
		return v.called(owner, me)
	}
	return owner + " (not a member of the team)"
}

// whose is "your", "the reception desk's" or "NAME's", for a title.
func (v teamView) whose(owner string, me store.Member) string {
	switch owner {
	case me.Name:
		return "your"
	case v.desk:
		return "the reception desk's"
	}
	return owner + "'s"
}

// ownerLines say how many clients each owner has, with a button handing
// all of one owner's clients to someone else: a caseload moved onto the
// server belongs to whoever moved it, and a member who leaves keeps
// theirs by name until then.
func (s *shell) ownerLines(v teamView, me store.Member, then func()) []fyne.CanvasObject {
	if len(v.owners) == 0 {
		return nil
	}
	owners := slices.Sorted(maps.Keys(v.owners))
	lines := []fyne.CanvasObject{subheading("Whose clients")}
	for _, owner := range owners {
		line := quiet(v.ownerName(owner, me) + " · " + plural(v.owners[owner], "client", "clients"))
		names, shown := v.takers(me, owner)
		hand := widget.NewButton("Hand all over…", func() {
			s.chooseMember(chooseMember{title: "Hand " + v.whose(owner, me) + " clients over to", button: "Hand over",
				says: "All " + plural(v.owners[owner], "client", "clients") + " will belong to the member you choose " +
					"(to the reception desk, if you choose a receptionist). Whoever they are shared with keeps seeing them.",
				names: names, shown: shown,
				do: func(ctx context.Context, st *store.Store, name string) error {
					_, err := st.HandOverAll(ctx, owner, name)
					return err
				},
				then: then})
		})
		if len(names) == 0 {
			hand.Disable()
		}
		lines = append(lines, container.NewBorder(nil, nil, nil, hand, line))
	}
	return lines
}

func (s *shell) confirmRemoveMember(name string, then func()) {
	msg := widget.NewLabel(name + " will no longer be able to sign in. Their clients stay, still theirs by name, " +
		"for you to hand over to someone else from each client's panel.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Remove "+name+" from the team", "Remove", "Cancel", dialogBody(s, msg), func(ok bool) {
		if ok {
			st := s.st
			backgroundErr(s, func(ctx context.Context) error { return st.RemoveMember(ctx, name) }, then)
		}
	}, s.win)
	d.Resize(fitDialog(s, fyne.NewSize(480, 220)))
	s.showDialog(d)
}

// memberForm is the dialog adding a member, or changing one's kind or
// password. On protected records it also asks for the passphrase the
// member will open them with, as `secondopinion member add` does: without
// one, a member added here could sign in but open nothing.
type memberForm struct {
	name, password, again       *widget.Entry
	passphrase, passphraseAgain *widget.Entry // nil unless the records are protected
	kind                        *widget.Select
	problem                     *widget.Label
	existing                    []store.Member // a new member needs a password; one already there may keep theirs
}

// memberChange is what the form asks the store to do.
type memberChange struct {
	name, password, passphrase string
	kind                       store.Kind
}

func (c memberChange) save(ctx context.Context, st *store.Store) error {
	if err := st.AddMember(ctx, c.name, c.kind, c.password); err != nil {
		return err
	}
	if c.passphrase == "" {
		return nil
	}
	return st.SetMemberPassphrase(ctx, c.name, c.passphrase)
}

func (s *shell) addMember(existing []store.Member, then func()) {
	f := &memberForm{name: widget.NewEntry(), password: widget.NewPasswordEntry(), again: widget.NewPasswordEntry(),
		existing: existing}
	f.name.SetPlaceHolder("jane.smith")
	labels := make([]string, len(store.Kinds))
	for i, k := range store.Kinds {
		labels[i] = k.Label()
	}
	f.kind = widget.NewSelect(labels, nil)
	f.kind.PlaceHolder = "Choose what they do"
	f.problem = problemLabel("")
	form := widget.NewForm(widget.NewFormItem("Name", f.name), widget.NewFormItem("Kind", f.kind),
		widget.NewFormItem("Password", f.password), widget.NewFormItem("Password again", f.again))
	intro := "The name is what they type to sign in. Give them the password yourself; they keep it to themselves. " +
		"For someone already in the team this changes their kind, and their password if you type one."
	if s.st.Protected() {
		f.passphrase, f.passphraseAgain = widget.NewPasswordEntry(), widget.NewPasswordEntry()
		form.Append("Their passphrase", f.passphrase)
		form.Append("Passphrase again", f.passphraseAgain)
		intro += " The records are protected: they open them with their own passphrase, which they can change later."
	}
	var d *dialog.CustomDialog
	add := widget.NewButton("Save", func() {
		change, err := f.value()
		if err != nil {
			setProblem(f.problem, data.Message(err))
			return
		}
		st := s.st
		runJob(s, func(ctx context.Context) (struct{}, error) { return struct{}{}, change.save(ctx, st) },
			func(struct{}) {
				d.Hide()
				then()
			}, func(err error) { setProblem(f.problem, data.Message(err)) })
	})
	add.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Add or change a member", dialogBody(s, container.NewVBox(quiet(intro), form, f.problem)), s.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", func() { d.Hide() }), add})
	d.Resize(fitDialog(s, fyne.NewSize(560, 470)))
	s.showDialog(d)
	s.win.Canvas().Focus(f.name)
}

// value is what the form asks for; the store checks the name and the
// password's length, and says what is wrong in words.
func (f *memberForm) value() (memberChange, error) {
	c := memberChange{name: store.MemberNamed(f.existing, f.name.Text), password: f.password.Text}
	isNew := !slices.ContainsFunc(f.existing, func(m store.Member) bool { return m.Name == c.name })
	i := f.kind.SelectedIndex()
	switch {
	case i < 0:
		return c, &data.UserError{Message: "Please choose what they do: receptionist, advocate or manager."}
	case f.password.Text != f.again.Text:
		return c, &data.UserError{Message: "The two passwords are not the same. Please type it again in both."}
	case f.password.Text == "" && isNew:
		return c, &data.UserError{Message: "Please give them a password: they need one to sign in."}
	}
	c.kind = store.Kinds[i]
	if f.passphrase == nil {
		return c, nil
	}
	switch c.passphrase = f.passphrase.Text; {
	case c.passphrase != f.passphraseAgain.Text:
		return c, &data.UserError{Message: "The two passphrases are not the same. Please type it again in both."}
	case c.passphrase == "" && isNew:
		return c, &data.UserError{Message: "Please give them a passphrase: the records are protected, and they open them with it."}
	}
	return c, nil
}
