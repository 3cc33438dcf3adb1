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

// deskThroughLink signs an advocate's desk in to a new caseload on the test
// server through a link the test can cut.
func deskThroughLink(t *testing.T) (*shell, string, *pgtest.Link) {
	t.Helper()
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
	return s, dir, link
}

// A save made while the link to the team's server is cut is tried again
// as the link comes back: one press of Save, saved once, with no message
// to read and nothing to type again. (A save the server never takes is
// explained in plain words: see the store's server_retry_test.go.)
func TestASaveWithTheServerOutOfReachIsMadeWhenItIsBack(t *testing.T) {
	s, _, link := deskThroughLink(t)

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

// Editing a request read only in brief, with the link to the server cut,
// says in plain words that the server cannot be reached and opens nothing
// to type into; once the link is back, the same button opens the edit.
func TestEditingARequestWithTheServerOutOfReachSaysSo(t *testing.T) {
	s, dir, link := deskThroughLink(t)
	p := data.Person{Name: "Bethan Evans", Nation: data.Wales}
	must(t, s.st.SavePerson(ctx, &p))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma", Reason: "The inhalers do nothing."}
	must(t, s.st.SaveRequest(ctx, &r))
	s.closeStore()
	s = openOn(t, dir) // signed in again: the request is read in brief
	signIn(t, s, pgtest.Password)
	if _, ok := s.cl.request(r.ID); !ok {
		t.Fatal("the request is not on the desk")
	}

	link.Cut()
	s.showEditRequest(r.ID)
	s.jobs.wait()
	if _, ok := s.current.(*requestEditScreen); ok {
		t.Fatal("Edit details opened with the server out of reach")
	}
	if text := topDialogText(s); !strings.Contains(text, "cannot be reached") || strings.Contains(text, "inside the program") {
		t.Errorf("with the server out of reach the window says:\n%s", text)
	}
	for len(s.dialogs) > 0 {
		s.dialogs[len(s.dialogs)-1].Hide()
	}

	link.Restore()
	waitUntil(t, s, 5*time.Second, "Edit details once the server is back", func() bool {
		if _, ok := s.current.(*requestEditScreen); !ok {
			s.showEditRequest(r.ID)
			s.jobs.wait()
		}
		_, ok := s.current.(*requestEditScreen)
		return ok
	})
	if e := s.current.(*requestEditScreen); e.req.Reason != r.Reason {
		t.Errorf("the edit opened with the reason %q", e.req.Reason)
	}
}

// Opening a request with the server out of reach, its timeline and its
// letters both fail to be read: the window says so once.
func TestOneReasonIsToldOnce(t *testing.T) {
	s := openOn(t, t.TempDir())
	unreachable := &data.UserError{Err: store.ErrServerUnreachable, Message: "The team's server cannot be reached just now."}
	s.showError(unreachable)
	s.showError(unreachable)
	if len(s.dialogs) != 1 {
		t.Errorf("one reason told %d times", len(s.dialogs))
	}
	s.showError(&data.UserError{Message: "Something else."})
	if len(s.dialogs) != 2 {
		t.Errorf("two reasons told in %d dialogs", len(s.dialogs))
	}
	s.dialogs[0].Hide()
	s.showError(unreachable)
	if len(s.dialogs) != 2 {
		t.Errorf("a reason told again once closed: %d dialogs", len(s.dialogs))
	}
}
