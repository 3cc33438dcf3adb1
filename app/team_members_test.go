package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/vault"
)

// A manager adds a member from Settings, who can then sign in, and removes
// them again; a mistake in the form is said in the dialog and nothing is
// added. An advocate sees who is in the team, with nothing to change.
func TestAManagerAddsAndRemovesAMemberInSettings(t *testing.T) {
	srv, db, manager, one, _ := twoAdvocates(t)
	t.Cleanup(func() { manager.st.RemoveMember(ctx, "adv.three") })

	manager.showSettings()
	manager.jobs.wait()
	if text := visibleText(manager.win.Content()); !strings.Contains(text, "adv.one · Advocate") ||
		!strings.Contains(text, "adv.two · Advocate") {
		t.Fatalf("the manager's Settings list the team as:\n%s", text)
	}

	tapButton(t, manager, "Add or change a member…")
	form := memberFormIn(t, manager)
	test.Type(form.name, "Adv.Three ") // kept in lower case, as the server's names are
	form.kind.SetSelected(store.Advocate.Label())
	test.Type(form.password, "a long enough password")
	test.Type(form.again, "a long enough passwore")
	tapInDialog(t, manager, "Save")
	manager.jobs.wait()
	if text := topDialogText(manager); !strings.Contains(text, "not the same") {
		t.Fatalf("two different passwords were taken; the dialog says:\n%s", text)
	}
	form.again.SetText("a long enough password")
	tapInDialog(t, manager, "Save")
	manager.jobs.wait()
	if manager.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open, saying:\n%s", topDialogText(manager))
	}
	if !strings.Contains(visibleText(manager.win.Content()), "adv.three · Advocate") {
		t.Errorf("the new member is not listed:\n%s", visibleText(manager.win.Content()))
	}
	three, err := store.SignIn(ctx, srv.Address("adv.three", db), "a long enough password", t.TempDir())
	if err != nil {
		t.Fatalf("the new member cannot sign in: %v", err)
	}
	three.Close()

	removeButtonOf(t, manager, "adv.three")
	tapInDialog(t, manager, "Remove")
	manager.jobs.wait()
	if strings.Contains(visibleText(manager.win.Content()), "adv.three") {
		t.Error("the removed member is still listed")
	}
	if st, err := store.SignIn(ctx, srv.Address("adv.three", db), "a long enough password", t.TempDir()); err == nil {
		st.Close()
		t.Error("the removed member can still sign in")
	}

	one.showSettings()
	one.jobs.wait()
	if text := visibleText(one.win.Content()); !strings.Contains(text, "adv.one · Advocate (you)") || !strings.Contains(text, "adv.two") {
		t.Errorf("an advocate's Settings list the team as:\n%s", text)
	}
	if hasButton(one, "Add or change a member…") || hasButton(one, "Remove…") {
		t.Error("an advocate is offered to change the team")
	}
}

// memberFormIn is the form of the member dialog on top.
func memberFormIn(t *testing.T, s *shell) (f struct {
	name, password, again       *widget.Entry
	passphrase, passphraseAgain *widget.Entry
	kind                        *widget.Select
}) {
	t.Helper()
	var entries []*widget.Entry
	for _, o := range objects(s.win.Canvas().Overlays().Top()) {
		switch v := o.(type) {
		case *widget.Entry:
			entries = append(entries, v)
		case *widget.Select:
			f.kind = v
		}
	}
	if len(entries) != 3 && len(entries) != 5 || f.kind == nil {
		t.Fatalf("the dialog has %d boxes to type in and a kind: %v", len(entries), f.kind != nil)
	}
	f.name, f.password, f.again = entries[0], entries[1], entries[2]
	if len(entries) == 5 {
		f.passphrase, f.passphraseAgain = entries[3], entries[4]
	}
	return f
}

// removeButtonOf taps the Remove button on the member's line in Settings.
func removeButtonOf(t *testing.T, s *shell, name string) {
	t.Helper()
	tapButtonBeside(t, s, name+" · Advocate", "Remove…")
}

// On protected records a member added in Settings is given their own
// passphrase, and opens the records with it; without one they could sign
// in but open nothing, so the form asks for it.
func TestAMemberAddedInSettingsOpensProtectedRecords(t *testing.T) {
	srv, db, manager, _, _ := twoAdvocates(t)
	t.Cleanup(func() { manager.st.RemoveMember(ctx, "adv.four") })
	key, _ := vault.NewRecoveryKey()
	if _, err := manager.st.Protect(ctx, "the team's long passphrase", key); err != nil {
		t.Fatal(err)
	}
	if err := manager.st.Unlock(ctx, "the team's long passphrase"); err != nil {
		t.Fatal(err)
	}
	manager.showSettings()
	manager.jobs.wait()
	tapButton(t, manager, "Add or change a member…")
	form := memberFormIn(t, manager)
	if form.passphrase == nil {
		t.Fatal("on protected records the form does not ask for the new member's passphrase")
	}
	test.Type(form.name, "adv.four")
	form.kind.SetSelected(store.Advocate.Label())
	test.Type(form.password, "a long enough password")
	test.Type(form.again, "a long enough password")
	tapInDialog(t, manager, "Save")
	manager.jobs.wait()
	if text := topDialogText(manager); !strings.Contains(text, "give them a passphrase") {
		t.Fatalf("a new member with no passphrase was taken; the dialog says:\n%s", text)
	}
	test.Type(form.passphrase, "adv four's own words")
	test.Type(form.passphraseAgain, "adv four's own words")
	tapInDialog(t, manager, "Save")
	manager.jobs.wait()
	if manager.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open, saying:\n%s", topDialogText(manager))
	}
	four, err := store.SignIn(ctx, srv.Address("adv.four", db), "a long enough password", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer four.Close()
	if err := four.Unlock(ctx, "adv four's own words"); err != nil {
		t.Errorf("the new member cannot open the protected records with their passphrase: %v", err)
	}
}

// A manager sees whose clients are whose in Settings, and hands all of
// one advocate's clients to another at once.
func TestAManagerHandsAllOfOnesClientsOver(t *testing.T) {
	_, _, manager, one, _ := twoAdvocates(t)
	for _, name := range []string{"Gwen Parry", "Iolo Bowen"} {
		p := data.Person{Name: name, Nation: data.Wales}
		if err := one.st.SavePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	manager.showSettings()
	manager.jobs.wait()
	if text := visibleText(manager.win.Content()); !strings.Contains(text, "adv.one (advocate) · 2 clients") {
		t.Fatalf("the manager's Settings say whose clients are whose as:\n%s", text)
	}
	tapButtonBeside(t, manager, "adv.one (advocate) · 2 clients", "Hand all over…")
	pickInDialog(t, manager, "adv.two (advocate)")
	tapInDialog(t, manager, "Hand over")
	manager.jobs.wait()
	owners, err := manager.st.ClientsByOwner(ctx)
	if err != nil || owners["adv.two"] != 2 || owners["adv.one"] != 0 {
		t.Fatalf("after handing over, the clients by owner are %v (%v)", owners, err)
	}
	if text := visibleText(manager.win.Content()); !strings.Contains(text, "adv.two (advocate) · 2 clients") {
		t.Errorf("after handing over, Settings say:\n%s", text)
	}
	if hasButton(one, "Hand all over…") {
		t.Error("an advocate is offered to hand clients over")
	}
}

// tapButtonBeside taps the button with this text on the line that says line.
func tapButtonBeside(t *testing.T, s *shell, line, button string) {
	t.Helper()
	for _, o := range objects(s.win.Content()) {
		row, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		var said bool
		var b *widget.Button
		for _, c := range row.Objects {
			switch v := c.(type) {
			case *widget.Label:
				said = said || v.Text == line
			case *widget.Button:
				if v.Text == button {
					b = v
				}
			}
		}
		if said && b != nil {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button beside %q", button, line)
}
