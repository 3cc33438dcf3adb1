package app

import (
	"strings"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

// deskAs opens a window signed in to the caseload db as member.
func deskAs(t *testing.T, srv *pgtest.Server, db, member string) *shell {
	t.Helper()
	dir := t.TempDir()
	if err := store.RememberServer(dir, srv.Address(member, db)); err != nil {
		t.Fatal(err)
	}
	s := openOn(t, dir)
	signIn(t, s, pgtest.Password)
	if s.st == nil {
		t.Fatalf("%s could not sign in: %T", member, s.current)
	}
	if _, first := s.current.(*firstRunScreen); first {
		chooseMode(t, s, modeAdvocate) // each member chooses their own view
	}
	return s
}

// twoAdvocates opens a new caseload's window for its manager and for two
// advocates, adv.one and adv.two, whom the manager adds.
func twoAdvocates(t *testing.T) (srv *pgtest.Server, db string, manager, one, two *shell) {
	t.Helper()
	srv = pgtest.Start(t)
	db = srv.NewDatabaseName(t)
	manager = deskAs(t, srv, db, pgtest.Admin)
	for _, name := range []string{"adv.one", "adv.two"} {
		if err := manager.st.AddMember(ctx, name, store.Advocate, pgtest.Password); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { manager.st.RemoveMember(ctx, name) })
	}
	return srv, db, manager, deskAs(t, srv, db, "adv.one"), deskAs(t, srv, db, "adv.two")
}

// An advocate never sees another advocate's client, in the list or by its
// id, until it is shared with them; then it appears without a restart.
func TestAnAdvocateSeesOnlyTheirOwnClients(t *testing.T) {
	_, _, _, one, two := twoAdvocates(t)

	client := data.Person{Name: "Gwen Parry", Nation: data.Wales, Notes: "Told only to her own advocate"}
	if err := one.st.SavePerson(ctx, &client); err != nil {
		t.Fatal(err)
	}
	two.showPeople()
	two.jobs.wait()
	time.Sleep(500 * time.Millisecond) // time for any notice to arrive
	two.jobs.wait()
	if _, ok := two.cl.person(client.ID); ok {
		t.Fatal("adv.two's window holds adv.one's client")
	}
	if strings.Contains(visibleText(two.win.Content()), "Gwen Parry") {
		t.Fatal("adv.two's list shows adv.one's client")
	}
	if _, err := two.st.Person(ctx, client.ID); err == nil {
		t.Fatal("adv.two read adv.one's client by its id")
	}

	if err := one.st.ShareWith(ctx, client.ID, "adv.two"); err != nil {
		t.Fatal(err)
	}
	ps := two.current.(*peopleScreen)
	waitUntil(t, two, 2*time.Second, "the shared client in adv.two's list", func() bool { return len(ps.shown) == 1 })
	if got, _ := two.cl.person(client.ID); got.Notes != client.Notes {
		t.Errorf("shared client reads %+v", got)
	}
}
