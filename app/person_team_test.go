package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

// An advocate shares their client with a colleague from the client's
// panel, and the colleague's window shows the client; a manager then
// hands the client over, after which the first advocate no longer sees
// them. Before, the server could do both but no screen or command asked
// it to: an advocate saw only the clients they had added themselves.
func TestAClientIsSharedAndHandedOverFromTheirPanel(t *testing.T) {
	srv, db, manager, one, two := twoAdvocates(t)

	client := data.Person{Name: "Gwen Parry", Nation: data.Wales}
	if err := one.st.SavePerson(ctx, &client); err != nil {
		t.Fatal(err)
	}
	one.cl.putPerson(client)
	openPanelOf(t, one, client)
	if text := visibleText(one.win.Content()); !strings.Contains(text, "Belongs to you.") || !strings.Contains(text, "Not shared with anyone else.") {
		t.Fatalf("adv.one's panel of their client says:\n%s", text)
	}
	if hasButton(one, "Hand over…") {
		t.Error("an advocate is offered to hand a client over, which only a manager may")
	}

	tapButton(t, one, "Share with…")
	pickInDialog(t, one, "adv.two (advocate)")
	tapInDialog(t, one, "Share")
	one.jobs.wait()
	if text := visibleText(one.win.Content()); !strings.Contains(text, "Shared with adv.two (advocate).") {
		t.Fatalf("after sharing, the panel says:\n%s", text)
	}
	// Beside its button the line keeps its width (squeezed, it stood one
	// letter a line down the panel).
	one.win.Resize(fyne.NewSize(1200, 800))
	for _, o := range objects(one.win.Content()) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Shared with") && l.Size().Width < 200 {
			t.Errorf("%q is %v wide beside its button", l.Text, l.Size().Width)
		}
	}
	waitUntil(t, two, 2*time.Second, "the shared client on adv.two's desk", func() bool { _, ok := two.cl.person(client.ID); return ok })

	manager.cl.putPerson(client)
	openPanelOf(t, manager, client)
	tapButton(t, manager, "Hand over…")
	pickInDialog(t, manager, "adv.two (advocate)")
	tapInDialog(t, manager, "Hand over")
	manager.jobs.wait()
	if owner, err := manager.st.Owner(ctx, client.ID); err != nil || owner != "adv.two" {
		t.Fatalf("after handing over, the client belongs to %q (%v), want adv.two", owner, err)
	}
	if text := visibleText(manager.win.Content()); !strings.Contains(text, "Belongs to adv.two (advocate).") {
		t.Errorf("after handing over, the manager's panel says:\n%s", text)
	}
	if _, err := one.st.Person(ctx, client.ID); err == nil {
		t.Error("adv.one still reads the client handed over to adv.two")
	}

	// Someone the manager added and shared: adv.one's panel names the
	// manager, who is not one of the members listed (the server's
	// administrator here), and does not call them the reception desk.
	own := data.Person{Name: "Eleri Morgan", Nation: data.Wales}
	if err := manager.st.SavePerson(ctx, &own); err != nil {
		t.Fatal(err)
	}
	if err := manager.st.ShareWith(ctx, own.ID, "adv.one"); err != nil {
		t.Fatal(err)
	}
	one.cl.putPerson(own)
	openPanelOf(t, one, own)
	if text := visibleText(one.win.Content()); !strings.Contains(text, "Belongs to "+pgtest.Admin+".") ||
		!strings.Contains(text, "Shared with you.") || !hasButton(one, "Give back") || hasButton(one, "Share with…") {
		t.Errorf("adv.one's panel of the manager's client shared with them says:\n%s", text)
	}
	tapButton(t, one, "Give back")
	tapInDialog(t, one, "Give back")
	one.jobs.wait()
	if _, ok := one.cl.person(own.ID); ok || strings.Contains(visibleText(one.win.Content()), own.Name) {
		t.Error("after giving the client back, adv.one's window still shows them")
	}
	if top := one.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("after giving the client back a dialog says:\n%s", topDialogText(one))
	}
	if _, err := one.st.Person(ctx, own.ID); err == nil {
		t.Error("adv.one still reads the client they gave back")
	}

	// Someone the reception desk logged is the desk's, not the
	// receptionist's, and the manager's panel says so.
	if err := manager.st.AddMember(ctx, "desk.one", store.Receptionist, pgtest.Password); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { manager.st.RemoveMember(ctx, "desk.one") })
	deskStore, err := store.SignIn(ctx, srv.Address("desk.one", db), pgtest.Password, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer deskStore.Close()
	walkIn := data.Person{Name: "Iolo Bowen", Nation: data.Wales}
	if err := deskStore.SavePerson(ctx, &walkIn); err != nil {
		t.Fatal(err)
	}
	manager.cl.putPerson(walkIn)
	openPanelOf(t, manager, walkIn)
	if text := visibleText(manager.win.Content()); !strings.Contains(text, "Belongs to the reception desk.") {
		t.Errorf("the manager's panel of someone the desk logged says:\n%s", text)
	}
}

// openPanelOf shows the Clients screen with p chosen, as a person does.
// The list is waited for: the save the test made also reaches this desk
// as a notice, which may remake the list just as it is read.
func openPanelOf(t *testing.T, s *shell, p data.Person) {
	t.Helper()
	s.showPeople()
	ps := s.current.(*peopleScreen)
	row := -1
	waitUntil(t, s, 2*time.Second, p.Name+" in the Clients list", func() bool {
		row = slices.IndexFunc(ps.shown, func(at int) bool { return s.cl.people[at].ID == p.ID })
		return row >= 0
	})
	ps.list.Select(row)
	s.jobs.wait()
}

func hasButton(s *shell, text string) bool {
	for _, o := range objects(s.win.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}

// pickInDialog chooses an option of the list in the dialog on top.
func pickInDialog(t *testing.T, s *shell, option string) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open to choose %q in", option)
	}
	for _, o := range objects(top) {
		if sel, ok := o.(*widget.Select); ok {
			sel.SetSelected(option)
			if sel.Selected != option {
				t.Fatalf("the dialog offers %q, not %q", sel.Options, option)
			}
			return
		}
	}
	t.Fatal("the dialog has no list to choose from")
}

// A client shared with an advocate can be worked on but not erased by
// them, which only the owner or a manager may: the advocate is told so
// before typing the client's name, not refused after it. The owner is
// asked for the name as usual.
func TestOnlyTheOwnerIsAskedToEraseASharedClient(t *testing.T) {
	_, _, manager, one, two := twoAdvocates(t)
	client := data.Person{Name: "Rhys Jenkins", Nation: data.Wales}
	if err := one.st.SavePerson(ctx, &client); err != nil {
		t.Fatal(err)
	}
	if err := one.st.ShareWith(ctx, client.ID, "adv.two"); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, two, 2*time.Second, "the shared client on adv.two's desk", func() bool { _, ok := two.cl.person(client.ID); return ok })

	openPanelOf(t, two, client)
	tapButton(t, two, "Erase this person…")
	two.jobs.wait()
	if text := topDialogText(two); !strings.Contains(text, "only adv.one (advocate) or a manager can erase them") ||
		!strings.Contains(text, "Nothing was changed") || strings.Contains(text, "type their full name") {
		t.Errorf("adv.two, asking to erase adv.one's client, is told:\n%s", text)
	}

	// Their owner, and a manager, are asked for the name.
	for _, s := range []*shell{one, manager} {
		s.cl.putPerson(client)
		openPanelOf(t, s, client)
		tapButton(t, s, "Erase this person…")
		s.jobs.wait()
		if text := topDialogText(s); !strings.Contains(text, "type their full name") {
			t.Errorf("%s, asking to erase the client, is told:\n%s", s.st.Member().Name, text)
		}
	}
}
