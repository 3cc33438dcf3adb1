package store_test

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
	"secondopinion/data/vault"
)

// On a protected team caseload each member opens the records with their
// own passphrase; changing it changes only theirs; a member removed can no
// longer open them; and the server holds nothing readable.
func TestEachMemberHasTheirOwnPassphrase(t *testing.T) {
	manager, adminURL := newServerCaseload(t)
	p := data.Person{Name: "Eilidh MacLeod", Nation: data.Scotland, Notes: "Wants a second opinion on her MS treatment"}
	if err := manager.SavePerson(bg, &p); err != nil {
		t.Fatal(err)
	}
	key, _ := vault.NewRecoveryKey()
	if _, err := manager.Protect(bg, "the team's long passphrase", key); err != nil {
		t.Fatal(err)
	}
	if err := manager.Unlock(bg, "the team's long passphrase"); err != nil {
		t.Fatal(err)
	}

	// A desk with its own sign-in on the server: an advocate of the team.
	if err := manager.AddMember(bg, "desk_two", store.Advocate, pgtest.Password); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { manager.RemoveMember(bg, "desk_two") })
	if err := manager.ShareWith(bg, p.ID, "desk_two"); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(adminURL)
	u.User = url.UserPassword("desk_two", pgtest.Password)
	deskURL := u.String()

	if err := manager.SetMemberPassphrase(bg, "desk_two", "desk two's own words"); err != nil {
		t.Fatal(err)
	}
	desk, err := store.OpenServer(bg, deskURL, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer desk.Close()
	if err := desk.Unlock(bg, "the team's long passphrase"); !errors.Is(err, vault.ErrWrongPassphrase) {
		t.Errorf("desk two with the team's passphrase: %v; want their own only", err)
	}
	if err := desk.Unlock(bg, "desk two's own words"); err != nil {
		t.Fatal(err)
	}
	if got, err := desk.Person(bg, p.ID); err != nil || got.Notes != p.Notes {
		t.Fatalf("desk two reads %+v, %v", got, err)
	}
	// Desk two changes its passphrase: the manager's is untouched.
	if err := desk.ChangePassphrase(bg, "desk two's own words", "desk two's newer words"); err != nil {
		t.Fatal(err)
	}
	again, _ := store.OpenServer(bg, adminURL, t.TempDir())
	defer again.Close()
	if err := again.Unlock(bg, "the team's long passphrase"); err != nil {
		t.Errorf("the team's passphrase after a member changed theirs: %v", err)
	}
	// Removed: their passphrase opens nothing.
	if err := manager.ForgetMemberPassphrase(bg, "desk_two"); err != nil {
		t.Fatal(err)
	}
	gone, _ := store.OpenServer(bg, deskURL, t.TempDir())
	defer gone.Close()
	if err := gone.Unlock(bg, "desk two's newer words"); err == nil {
		t.Error("a removed member's passphrase still opens the records")
	}
	// What the server's administrator can read holds no personal words.
	var name, notes string
	serverQuery(t, adminURL, "SELECT name, notes FROM people WHERE id = '"+p.ID+"'", &name, &notes)
	if strings.Contains(name, "Eilidh") || strings.Contains(notes, "MS treatment") {
		t.Errorf("the server holds plain words: %q %q", name, notes)
	}
}

// Removing a member forgets their passphrase for the protected records,
// whoever removes them (the window or the command): someone given the
// same name later cannot open the records with the old passphrase.
func TestARemovedMembersPassphraseOpensNothing(t *testing.T) {
	manager, adminURL := newServerCaseload(t)
	key, _ := vault.NewRecoveryKey()
	if _, err := manager.Protect(bg, "the team's long passphrase", key); err != nil {
		t.Fatal(err)
	}
	if err := manager.Unlock(bg, "the team's long passphrase"); err != nil {
		t.Fatal(err)
	}
	if err := manager.AddMember(bg, "desk_three", store.Advocate, pgtest.Password); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { manager.RemoveMember(bg, "desk_three") })
	if err := manager.SetMemberPassphrase(bg, "desk_three", "desk three's own words"); err != nil {
		t.Fatal(err)
	}
	if err := manager.RemoveMember(bg, "desk_three"); err != nil {
		t.Fatal(err)
	}
	if err := manager.AddMember(bg, "desk_three", store.Advocate, pgtest.Password); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(adminURL)
	u.User = url.UserPassword("desk_three", pgtest.Password)
	again, err := store.OpenServer(bg, u.String(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if err := again.Unlock(bg, "desk three's own words"); err == nil {
		t.Error("the passphrase of a member removed still opens the records")
	}

	// A removal refused (a manager removing themselves) keeps their
	// passphrase: forgetting it and removing them are one change.
	if err := manager.AddMember(bg, "boss_two", store.Manager, pgtest.Password); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { manager.RemoveMember(bg, "boss_two") })
	if err := manager.SetMemberPassphrase(bg, "boss_two", "boss two's own words"); err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword("boss_two", pgtest.Password)
	boss, err := store.OpenServer(bg, u.String(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer boss.Close()
	if err := boss.RemoveMember(bg, "boss_two"); err == nil {
		t.Fatal("a manager removed themselves")
	}
	if err := boss.Unlock(bg, "boss two's own words"); err != nil {
		t.Errorf("after a refused removal the manager's passphrase no longer opens the records: %v", err)
	}
}
