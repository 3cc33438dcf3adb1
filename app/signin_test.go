package app

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// teamDesk is a desk's data folder set to sign in to a new caseload on the
// test server; it returns the folder and the server's address.
func teamDesk(t *testing.T) (dir, address string) {
	t.Helper()
	srv := pgtest.Start(t)
	address = srv.Address(pgtest.Admin, srv.NewDatabaseName(t))
	dir = t.TempDir()
	if err := store.RememberServer(dir, address); err != nil {
		t.Fatal(err)
	}
	return dir, address
}

// signIn types the password on the sign-in screen and waits.
func signIn(t *testing.T, s *shell, password string) *signInScreen {
	t.Helper()
	si, ok := s.current.(*signInScreen)
	if !ok {
		t.Fatalf("the screen is %T, want the sign-in", s.current)
	}
	test.Type(si.pass, password)
	test.Tap(si.signIn)
	s.jobs.wait()
	return si
}

// A desk whose folder names a team's server opens at the sign-in; a wrong
// password is explained and forgotten, the right one opens the shared
// caseload, and the password is never written to the folder.
func TestADeskSignsInToTheTeamsServer(t *testing.T) {
	dir, _ := teamDesk(t)
	s := openOn(t, dir)
	if s.st != nil {
		t.Fatal("records opened before signing in")
	}
	si := signIn(t, s, "not the password")
	if !si.message.Visible() || !strings.Contains(si.message.Text, "did not accept") {
		t.Fatalf("after a wrong password: %q", si.message.Text)
	}
	if si.pass.Text != "" {
		t.Error("the wrong password is still in the box")
	}
	signIn(t, s, pgtest.Password)
	if s.st == nil || !s.st.OnServer() {
		t.Fatalf("after signing in the screen is %T and the records are not the server's", s.current)
	}
	chooseMode(t, s, modeAdvocate)
	p := data.Person{Name: "Rhiannon Price", Nation: data.Wales}
	if err := s.st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	remembered := store.RememberedServer(dir)
	if strings.Contains(remembered, pgtest.Password) || !strings.Contains(remembered, pgtest.Admin) {
		t.Errorf("remembered %q", remembered)
	}

	// Settings says where the records are; signing out goes back to the sign-in.
	s.showSettings()
	settings := visibleText(s.win.Content())
	if !strings.Contains(settings, "On your team's server") || !strings.Contains(settings, "backed up on the server") {
		t.Error("Settings does not say the records are on the team's server, backed up there")
	}
	if s.backupReminder() != "" {
		t.Errorf("a desk is reminded to back up the team's records: %q", s.backupReminder())
	}
	s.onSignOut()
	if _, ok := s.current.(*signInScreen); !ok || s.st != nil {
		t.Fatalf("after signing out: %T", s.current)
	}
}

// From a new install's first screen a desk connects to the team's server:
// a mistake in the form is explained, then the sign-in opens the caseload.
func TestFirstRunConnectsToATeamServer(t *testing.T) {
	srv := pgtest.Start(t)
	db := srv.NewDatabaseName(t)
	dir := t.TempDir()
	s := openOn(t, dir)
	fr, ok := s.current.(*firstRunScreen)
	if !ok {
		t.Fatalf("first screen %T", s.current)
	}
	test.Tap(fr.team)
	f := s.connecting
	if f == nil || len(s.dialogs) != 1 {
		t.Fatal("no form to connect")
	}
	test.Type(f.server, "127.0.0.1:"+strconv.Itoa(srv.Port))
	test.Type(f.name, pgtest.Admin)
	test.Tap(f.connect)
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, "caseload") {
		t.Fatalf("without the caseload's name: %q", f.problem.Text)
	}
	test.Type(f.database, db)
	test.Tap(f.connect)
	si, ok := s.current.(*signInScreen)
	if !ok {
		t.Fatalf("after connecting the screen is %T, want the sign-in", s.current)
	}
	if si.name.Text != pgtest.Admin {
		t.Errorf("the sign-in's name is %q", si.name.Text)
	}
	signIn(t, s, pgtest.Password)
	if s.st == nil || !s.st.OnServer() {
		t.Fatalf("not signed in: %T", s.current)
	}
	if store.RememberedServer(dir) == "" {
		t.Error("the server is not remembered for next time")
	}
	chooseMode(t, s, modeSurgery)
	// Going back to this computer's records forgets the server.
	s.showSettings()
	s.confirmLeaveServerNow()
	s.jobs.wait()
	if s.st == nil || s.st.OnServer() || store.RememberedServer(dir) != "" {
		t.Errorf("after going back to this computer: on server %v, remembered %q", s.st != nil && s.st.OnServer(), store.RememberedServer(dir))
	}
}

// visibleText is every label's text drawn under o.
func visibleText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range objects(o) {
		switch v := x.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		}
	}
	return b.String()
}

// Two desks on one caseload: what one saves appears on the other's list
// within two seconds, without a restart, and the person chosen there stays
// chosen.
func TestWhatOneDeskSavesAppearsOnTheOther(t *testing.T) {
	dirA, address := teamDesk(t)
	a := openOn(t, dirA)
	signIn(t, a, pgtest.Password)
	chooseMode(t, a, modeSurgery)
	dirB := t.TempDir()
	if err := store.RememberServer(dirB, address); err != nil {
		t.Fatal(err)
	}
	b := openOn(t, dirB)
	signIn(t, b, pgtest.Password)
	if _, ok := b.current.(*todayScreen); !ok {
		t.Fatalf("desk B shows %T", b.current)
	}
	first := data.Person{Name: "Alun Davies", Nation: data.Wales}
	if err := a.st.SavePerson(ctx, &first); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, b, 2*time.Second, "the first person on desk B", func() bool { _, ok := b.cl.person(first.ID); return ok })

	b.showPeople()
	b.jobs.wait()
	ps := b.current.(*peopleScreen)
	ps.list.Select(0)
	if ps.selected != first.ID {
		t.Fatalf("selected %q", ps.selected)
	}
	second := data.Person{Name: "Bethan Evans", Nation: data.Wales}
	if err := a.st.SavePerson(ctx, &second); err != nil {
		t.Fatal(err)
	}
	took := waitUntil(t, b, 2*time.Second, "the second person in desk B's list", func() bool { return len(ps.shown) == 2 })
	t.Logf("desk B's list showed desk A's save after %v", took)
	if ps.selected != first.ID || !strings.Contains(ps.count.Text, "2 people") {
		t.Errorf("after reading again: selected %q, count %q", ps.selected, ps.count.Text)
	}
}

// waitUntil runs desk s's delivered work until ok holds, up to limit.
func waitUntil(t *testing.T, s *shell, limit time.Duration, what string, ok func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		s.jobs.wait()
		if ok() {
			return time.Since(start)
		}
		if time.Since(start) > limit {
			t.Fatalf("not within %v: %s", limit, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Other desks' changes are read record by record and put in place, not by
// reading the whole caseload again: a new person, request and steps, a
// request changed, a step and a person deleted. The Clients search finds
// the changed wording, and the person chosen stays chosen.
func TestOtherDesksChangesArePutInPlace(t *testing.T) {
	dirA, address := teamDesk(t)
	a := openOn(t, dirA)
	signIn(t, a, pgtest.Password)
	chooseMode(t, a, modeAdvocate)
	dirB := t.TempDir()
	if err := store.RememberServer(dirB, address); err != nil {
		t.Fatal(err)
	}
	b := openOn(t, dirB)
	signIn(t, b, pgtest.Password)
	// Desk B listened before it read the caseload: nothing after is read
	// whole again, not even to catch up once listening.
	generation := b.cl.generation
	stay := data.Person{Name: "Aled Hughes", Nation: data.Wales}
	must(t, a.st.SavePerson(ctx, &stay))
	waitUntil(t, b, 2*time.Second, "the first person on desk B", func() bool { _, ok := b.cl.person(stay.ID); return ok })
	b.showPeople()
	b.jobs.wait()
	ps := b.current.(*peopleScreen)
	waitUntil(t, b, 5*time.Second, "the Clients index", func() bool { return ps.cases.ix != nil })
	ps.list.Select(0)

	p := data.Person{Name: "Bethan Evans", Nation: data.Wales}
	must(t, a.st.SavePerson(ctx, &p))
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma"}
	must(t, a.st.SaveRequest(ctx, &r))
	first := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 2), Kind: data.StepNote, Summary: "rang the surgery"}
	must(t, a.st.AddStep(ctx, &first))
	second := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 3), Kind: data.StepCall, Summary: "no answer"}
	must(t, a.st.AddStep(ctx, &second))
	waitUntil(t, b, 2*time.Second, "the new request's two steps on desk B", func() bool { return len(b.cl.digest(r.ID).steps) == 2 })
	if got, _ := b.cl.request(r.ID); got.Condition != "asthma" || len(b.cl.requestsOf(p.ID)) != 1 {
		t.Fatalf("desk B has the request as %+v", got)
	}

	r.Condition = "sarcoidosis"
	must(t, a.st.SaveRequest(ctx, &r))
	must(t, a.st.DeleteStep(ctx, first.ID))
	waitUntil(t, b, 2*time.Second, "the changed request and its step gone", func() bool {
		got, _ := b.cl.request(r.ID)
		return got.Condition == "sarcoidosis" && len(b.cl.digest(r.ID).steps) == 1
	})
	test.Type(ps.search, "sarcoid")
	b.jobs.wait()
	if len(ps.shown) != 1 || b.cl.people[ps.shown[0]].ID != p.ID {
		t.Errorf("searching for the new wording shows %v", ps.shown)
	}
	ps.search.SetText("")
	must(t, a.st.DeleteStep(ctx, second.ID)) // the last: the timeline read again is empty
	waitUntil(t, b, 2*time.Second, "the request's last step gone", func() bool { return len(b.cl.digest(r.ID).steps) == 0 })

	must(t, a.st.DeletePerson(ctx, p.ID))
	waitUntil(t, b, 2*time.Second, "the deleted person gone from desk B", func() bool { _, ok := b.cl.person(p.ID); return !ok })
	if _, ok := b.cl.requests[r.ID]; ok {
		t.Error("the deleted person's request is still on desk B")
	}
	if b.cl.generation != generation {
		t.Error("desk B read the whole caseload again for a few changes")
	}
	if ps.selected != stay.ID {
		t.Errorf("desk B's choice moved to %q", ps.selected)
	}
}
