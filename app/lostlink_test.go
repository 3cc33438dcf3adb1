package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

// A save made while the link to the team's server is cut is tried again
// as the link comes back: one press of Save, saved once, with no message
// to read and nothing to type again. (A save the server never takes is
// explained in plain words: see the store's server_retry_test.go.)
func TestASaveWithTheServerOutOfReachIsMadeWhenItIsBack(t *testing.T) {
	srv := pgtest.Start(t)
	db := srv.NewDatabaseName(t)
	link := srv.NewLink(t)
	address := link.Through(srv, srv.Address(pgtest.Admin, db))
	dir := t.TempDir()
	if err := store.RememberServer(dir, address); err != nil {
		t.Fatal(err)
	}
	s := openOn(t, dir)
	signIn(t, s, pgtest.Password)
	chooseMode(t, s, modeAdvocate)

	link.Cut()
	s.editPerson(data.Person{}, func(data.Person) {})
	var name *entry
	for _, o := range objects(s.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*entry); ok {
			name = e
			break
		}
	}
	test.Type(name, "Rhiannon Pugh")
	back := time.AfterFunc(1500*time.Millisecond, link.Restore) // the cable put back while the save waits
	defer back.Stop()
	tapInDialog(t, s, "Save")
	s.jobs.wait()

	if len(s.cl.people) != 1 {
		t.Fatalf("after the link came back the window holds %d people; it says:\n%s", len(s.cl.people), topDialogText(s))
	}
	if len(s.dialogs) > 0 && strings.Contains(topDialogText(s), "cannot be reached") {
		t.Errorf("a save that went through still says: %s", topDialogText(s))
	}
	people, err := s.st.People(ctx)
	if err != nil || len(people) != 1 || people[0].Name != "Rhiannon Pugh" {
		t.Fatalf("the server holds %+v, %v", people, err)
	}
}
