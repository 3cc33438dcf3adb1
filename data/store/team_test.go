package store_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
	"secondopinion/data/vault"
)

// team is one caseload on the test server, set up as a team would be: an
// owner that is not a superuser (it may create roles) owns the database
// and brings the tables up, and real sign-ins are added as members.
type team struct {
	t     testing.TB
	srv   *pgtest.Server
	db    string
	owner *store.Store
	names map[string]string // a test's short name → its sign-in, unique on the server
}

func newTeam(t testing.TB) *team {
	t.Helper()
	srv := pgtest.Start(t)
	db := srv.NewDatabaseName(t)
	owner := db + "_owner"
	srv.Admin(t, "CREATE ROLE "+owner+" LOGIN CREATEROLE PASSWORD '"+pgtest.Password+"'")
	srv.Admin(t, "ALTER DATABASE "+db+" OWNER TO "+owner)
	tm := &team{t: t, srv: srv, db: db, names: map[string]string{}}
	tm.owner = tm.signIn(owner)
	if m := tm.owner.Member(); m.Kind != store.Manager || m.Name != owner {
		t.Fatalf("the owner signed in as %+v", m)
	}
	return tm
}

// add adds a member of a kind, as the owner, under a name unique to the test.
func (tm *team) add(short string, kind store.Kind) string {
	tm.t.Helper()
	name := strings.ReplaceAll(tm.db, "_", "-") + "-" + short
	if err := tm.owner.AddMember(bg, name, kind, pgtest.Password); err != nil {
		tm.t.Fatalf("adding %s: %v", name, err)
	}
	tm.names[short] = name
	return name
}

// as signs in as the member added as short.
func (tm *team) as(short string) *store.Store {
	tm.t.Helper()
	return tm.signIn(tm.names[short])
}

func (tm *team) signIn(name string) *store.Store {
	tm.t.Helper()
	s, err := store.SignIn(bg, tm.srv.Address(name, tm.db), pgtest.Password, tm.t.TempDir())
	if err != nil {
		tm.t.Fatalf("signing in as %s: %v", name, err)
	}
	tm.t.Cleanup(func() { s.Close() })
	return s
}

// sql runs one statement as name, going around the program.
func (tm *team) sql(name, statement string) error {
	conn, err := pgx.Connect(bg, tm.srv.URL(name, tm.db))
	if err != nil {
		tm.t.Fatal(err)
	}
	defer conn.Close(bg)
	_, err = conn.Exec(bg, statement)
	return err
}

// client is a person with a request, a letter and a step with a file.
type client struct {
	person  data.Person
	request data.Request
	letter  data.Letter
	step    data.Step
}

func addClient(t *testing.T, s *store.Store, name string) client {
	t.Helper()
	c := client{person: data.Person{Name: name, Nation: data.England, Notes: "Diagnosed in March"}}
	if err := s.SavePerson(bg, &c.person); err != nil {
		t.Fatalf("saving %s: %v", name, err)
	}
	c.request = data.Request{PersonID: c.person.ID, Subject: data.SubjectDiagnosis, Route: data.RouteReview}
	if err := s.SaveRequest(bg, &c.request); err != nil {
		t.Fatal(err)
	}
	c.letter = data.Letter{RequestID: c.request.ID, Kind: data.LetterKinds[0], Body: "Dear Dr Patel"}
	if err := s.SaveLetter(bg, &c.letter); err != nil {
		t.Fatal(err)
	}
	c.step = data.Step{RequestID: c.request.ID, On: data.MustDate(2026, 11, 30), Kind: data.StepReply, Outcome: data.OutcomeRefused}
	if err := s.AddStepWithFile(bg, &c.step, "reply.pdf", []byte("%PDF-1.4 reply")); err != nil {
		t.Fatal(err)
	}
	return c
}

// sees reports what of c the store shows, by list and by id.
func sees(t *testing.T, s *store.Store, c client) (listed, byID int) {
	t.Helper()
	people, err := s.People(bg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.ID == c.person.ID {
			listed++
		}
	}
	reqs, _ := s.Requests(bg)
	for _, r := range reqs {
		if r.ID == c.request.ID {
			listed++
		}
	}
	steps, _ := s.AllSteps(bg)
	for _, st := range steps {
		if st.ID == c.step.ID {
			listed++
		}
	}
	edited, _ := s.EditedLetters(bg)
	for _, l := range edited {
		if l.ID == c.letter.ID {
			listed++
		}
	}
	if _, err := s.Person(bg, c.person.ID); err == nil {
		byID++
	}
	if _, err := s.Request(bg, c.request.ID); err == nil {
		byID++
	}
	if _, err := s.Letter(bg, c.letter.ID); err == nil {
		byID++
	}
	if _, _, err := s.AttachedFile(bg, c.step.ID); err == nil {
		byID++
	}
	return listed, byID
}

func refusedByServer(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: allowed", what)
		return
	}
	var ue *data.UserError
	if !errors.As(err, &ue) || !strings.Contains(data.Message(err), "Nothing was changed") {
		t.Errorf("%s: not refused in words: %v", what, err)
	}
}

func TestAdvocateCannotReachAnotherAdvocatesClientUntilShared(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	tm.add("ben", store.Advocate)
	tm.add("cai", store.Advocate)
	ann, ben, cai := tm.as("ann"), tm.as("ben"), tm.as("cai")
	c := addClient(t, ann, "Ffion Pritchard")

	if l, id := sees(t, ben, c); l+id != 0 {
		t.Fatalf("another advocate sees %d in lists and %d by id", l, id)
	}
	// Nor can they change or delete it, by id.
	changed := c.person
	changed.Name = "Someone Else"
	refusedByServer(t, "saving over the client by id", ben.SavePerson(bg, &changed))
	req := data.Request{PersonID: c.person.ID, Subject: data.SubjectTreatment}
	refusedByServer(t, "adding a request to the client", ben.SaveRequest(bg, &req))
	otherReq := c.request
	otherReq.Reason = "changed"
	refusedByServer(t, "saving over the request by id", ben.SaveRequest(bg, &otherReq))
	if err := ben.DeletePerson(bg, c.person.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleting the client: %v", err)
	}
	if err := ben.DeleteRequest(bg, c.request.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleting the request: %v", err)
	}
	if err := ben.ShareWith(bg, c.person.ID, tm.names["ben"]); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("sharing someone else's client with oneself: %v", err)
	}
	// Even going around the program.
	if err := tm.sql(tm.names["ben"], "UPDATE people SET name = 'x'"); err != nil {
		t.Fatal(err)
	}
	if err := tm.sql(tm.names["ben"], "DELETE FROM steps"); err != nil {
		t.Fatal(err)
	}
	got, err := ann.Person(bg, c.person.ID)
	if err != nil || got.Name != "Ffion Pritchard" {
		t.Fatalf("the owner's client after the attempts: %+v %v", got, err)
	}
	if l, id := sees(t, ann, c); l != 4 || id != 4 {
		t.Fatalf("the owner sees %d in lists and %d by id", l, id)
	}

	// Shared, ben sees and changes everything that is hers, but cannot
	// delete her or share her on.
	if err := ann.ShareWith(bg, c.person.ID, tm.names["ben"]); err != nil {
		t.Fatal(err)
	}
	if err := ann.ShareWith(bg, c.person.ID, tm.names["ben"]); err != nil {
		t.Fatalf("sharing twice: %v", err)
	}
	if l, id := sees(t, ben, c); l != 4 || id != 4 {
		t.Fatalf("shared: ben sees %d in lists and %d by id", l, id)
	}
	p, _ := ben.Person(bg, c.person.ID)
	p.Notes = "Second opinion booked"
	if err := ben.SavePerson(bg, &p); err != nil {
		t.Fatalf("changing a shared client: %v", err)
	}
	err = ben.DeletePerson(bg, c.person.ID)
	if !errors.Is(err, store.ErrNotAllowed) || !strings.Contains(data.Message(err), "does not allow") {
		t.Errorf("deleting a shared client: %v", err)
	}
	refusedByServer(t, "sharing on", ben.ShareWith(bg, c.person.ID, tm.names["cai"]))
	if l, id := sees(t, cai, c); l+id != 0 {
		t.Fatalf("cai sees %d and %d", l, id)
	}
	if who, _ := ann.SharedWith(bg, c.person.ID); len(who) != 1 || who[0] != tm.names["ben"] {
		t.Errorf("shared with %v", who)
	}
	refusedByServer(t, "sharing with a stranger", ann.ShareWith(bg, c.person.ID, "nobody-at-all"))

	if err := ann.Unshare(bg, c.person.ID, tm.names["ben"]); err != nil {
		t.Fatal(err)
	}
	if l, id := sees(t, ben, c); l+id != 0 {
		t.Fatalf("unshared: ben still sees %d and %d", l, id)
	}
	if got, _ := ann.Person(bg, c.person.ID); got.Notes != "Second opinion booked" {
		t.Errorf("the shared change was lost: %q", got.Notes)
	}
}

func TestDeskSeesTheDesksPeopleNotAnAdvocates(t *testing.T) {
	tm := newTeam(t)
	tm.add("desk1", store.Receptionist)
	tm.add("desk2", store.Receptionist)
	tm.add("ann", store.Advocate)
	tm.add("boss", store.Manager)
	desk1, desk2, ann, boss := tm.as("desk1"), tm.as("desk2"), tm.as("ann"), tm.as("boss")

	walkIn := addClient(t, desk1, "Grace Adeyemi")
	advised := addClient(t, ann, "Harri Jones")
	if l, id := sees(t, desk2, walkIn); l != 4 || id != 4 {
		t.Errorf("the other desk sees %d and %d of the desk's person", l, id)
	}
	if l, id := sees(t, desk2, advised); l+id != 0 {
		t.Errorf("a desk sees %d and %d of an advocate's client", l, id)
	}
	if l, id := sees(t, ann, walkIn); l+id != 0 {
		t.Errorf("an advocate sees %d and %d of the desk's person", l, id)
	}
	for _, c := range []client{walkIn, advised} {
		if l, id := sees(t, boss, c); l != 4 || id != 4 {
			t.Errorf("the manager sees %d and %d of %s", l, id, c.person.Name)
		}
	}
	if owner, _ := boss.Owner(bg, walkIn.person.ID); owner != tm.db+"_receptionist" {
		t.Errorf("the desk's person belongs to %q", owner)
	}

	// The desk's people stay the desk's when the receptionist who added
	// them leaves; the one who left can no longer sign in.
	if err := boss.RemoveMember(bg, tm.names["desk1"]); err != nil {
		t.Fatal(err)
	}
	if l, id := sees(t, desk2, walkIn); l != 4 || id != 4 {
		t.Errorf("after desk1 left, the desk sees %d and %d", l, id)
	}
	_, err := store.SignIn(bg, tm.srv.Address(tm.names["desk1"], tm.db), pgtest.Password, t.TempDir())
	if err == nil {
		t.Error("a removed member signed in")
	}

	// A manager hands the walk-in to the advocate: she sees them, the desk
	// no longer does. No one else may hand over.
	refusedByServer(t, "an advocate handing over", ann.HandOver(bg, walkIn.person.ID, tm.names["ann"]))
	if err := tm.sql(tm.names["ann"], "UPDATE people SET owner = '"+tm.names["boss"]+"'"); err == nil {
		t.Error("an advocate gave her client away with SQL")
	}
	if owner, _ := boss.Owner(bg, walkIn.person.ID); owner != tm.db+"_receptionist" {
		t.Errorf("the desk's person now belongs to %q", owner)
	}
	if err := boss.HandOver(bg, walkIn.person.ID, tm.names["ann"]); err != nil {
		t.Fatal(err)
	}
	if l, id := sees(t, ann, walkIn); l != 4 || id != 4 {
		t.Errorf("handed over: the advocate sees %d and %d", l, id)
	}
	if l, id := sees(t, desk2, walkIn); l+id != 0 {
		t.Errorf("handed over: the desk still sees %d and %d", l, id)
	}
	refusedByServer(t, "handing over to a stranger", boss.HandOver(bg, advised.person.ID, "nobody-at-all"))
}

func TestDirectoryIsEveryonesToReadAndAddAManagersToChange(t *testing.T) {
	tm := newTeam(t)
	tm.add("desk", store.Receptionist)
	tm.add("boss", store.Manager)
	desk, boss := tm.as("desk"), tm.as("boss")
	gp := data.Contact{Name: "Dr Patel", Role: data.RoleGP, Organisation: "Riverside Surgery"}
	if err := desk.SaveContact(bg, &gp); err != nil {
		t.Fatalf("a receptionist adding a contact: %v", err)
	}
	if list, _ := boss.Contacts(bg); len(list) != 1 {
		t.Fatalf("the manager sees %d contacts", len(list))
	}
	gp.Phone = "01632 960000"
	refusedByServer(t, "a receptionist changing a contact", desk.SaveContact(bg, &gp))
	if err := desk.DeleteContact(bg, gp.ID); !errors.Is(err, store.ErrNotAllowed) {
		t.Errorf("a receptionist deleting a contact: %v", err)
	}
	if err := boss.SaveContact(bg, &gp); err != nil {
		t.Fatalf("the manager changing a contact: %v", err)
	}
	if got, _ := desk.Contact(bg, gp.ID); got.Phone != "01632 960000" {
		t.Errorf("the desk reads %q", got.Phone)
	}
	if err := boss.DeleteContact(bg, gp.ID); err != nil {
		t.Fatal(err)
	}
}

// The letter-writer's details and the window's preferences are each
// member's own; the team's settings are read by all, changed by managers.
func TestSettingsAreEachMembersOwnOrTheTeams(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	tm.add("ben", store.Advocate)
	tm.add("boss", store.Manager)
	ann, ben, boss := tm.as("ann"), tm.as("ben"), tm.as("boss")
	if err := ann.SaveSender(bg, data.Sender{Name: "Ann Advocate", Role: "Advocate"}); err != nil {
		t.Fatal(err)
	}
	if err := ben.SaveSender(bg, data.Sender{Name: "Ben Advocate", Role: "Advocate"}); err != nil {
		t.Fatal(err)
	}
	if err := ben.SetSetting(bg, store.SettingChaseDays, "21"); err != nil {
		t.Fatal(err)
	}
	for s, want := range map[*store.Store]string{ann: "Ann Advocate", ben: "Ben Advocate", boss: ""} {
		if got, err := s.Sender(bg); err != nil || got.Name != want {
			t.Errorf("%s's sender: %q %v, want %q", s.Member().Name, got.Name, err, want)
		}
	}
	if ann.ChaseDays(bg) != 0 || ben.ChaseDays(bg) != 21 {
		t.Errorf("chase days: ann %d, ben %d", ann.ChaseDays(bg), ben.ChaseDays(bg))
	}

	const retention = "records.retention-years"
	if err := boss.SetSetting(bg, retention, "8"); err != nil {
		t.Fatal(err)
	}
	if v, _ := ann.Setting(bg, retention); v != "8" {
		t.Errorf("the team's setting reads %q", v)
	}
	if err := ann.SetSetting(bg, retention, "8"); err != nil {
		t.Errorf("saving a team setting unchanged: %v", err)
	}
	if err := ann.SetSetting(bg, retention, "1"); !errors.Is(err, store.ErrNotAllowed) {
		t.Errorf("an advocate changing the team's setting: %v", err)
	}
	if err := tm.sql(tm.names["ann"], "UPDATE settings SET value = 'x'"); err != nil {
		t.Fatal(err)
	}
	if v, _ := boss.Setting(bg, retention); v != "8" {
		t.Errorf("after an advocate's UPDATE, the team's setting is %q", v)
	}
	if got, _ := ben.Sender(bg); got.Name != "Ben Advocate" {
		t.Errorf("after ann's UPDATE, ben's sender is %q", got.Name)
	}
}

func TestMembersAreAddedListedAndRemovedByManagers(t *testing.T) {
	tm := newTeam(t)
	boss := tm.add("boss", store.Manager)
	ann := tm.add("ann", store.Advocate)
	mgr := tm.as("boss")

	if err := mgr.AddMember(bg, "Jane Smith", store.Advocate, pgtest.Password); err == nil ||
		!strings.Contains(data.Message(err), "lower-case") {
		t.Errorf("a name with capitals and a space: %v", err)
	}
	if err := mgr.AddMember(bg, tm.db+"-x", store.Advocate, "short"); err == nil ||
		!strings.Contains(data.Message(err), "at least") {
		t.Errorf("a short password: %v", err)
	}
	if err := mgr.AddMember(bg, pgtest.Admin, store.Advocate, pgtest.Password); err == nil ||
		!strings.Contains(data.Message(err), "already used") {
		t.Errorf("taking over the server's superuser: %v", err)
	}
	// A password with letters beyond ASCII signs in: the verifier is
	// prepared as the driver prepares the password.
	desk := strings.ReplaceAll(tm.db, "_", "-") + "-desk"
	const unusual = "Llwyn-ŵŷ café ½"
	if err := mgr.AddMember(bg, desk, store.Receptionist, unusual); err != nil {
		t.Fatal(err)
	}
	s, err := store.SignIn(bg, tm.srv.Address(desk, tm.db), unusual, t.TempDir())
	if err != nil {
		t.Fatalf("signing in with the new password: %v", err)
	}
	if m := s.Member(); m.Kind != store.Receptionist || m.Name != desk {
		t.Errorf("signed in as %+v", m)
	}
	s.Close()
	// Their name typed with capitals is refused (the server's names are
	// exact), and the refusal says how to write it.
	_, err = store.SignIn(bg, tm.srv.Address(strings.ToUpper(desk), tm.db), unusual, t.TempDir())
	if !errors.Is(err, store.ErrSignIn) || !strings.Contains(data.Message(err), "try "+desk+".") {
		t.Errorf("signing in with the name in capitals: %v", data.Message(err))
	}
	_, err = store.SignIn(bg, tm.srv.Address(desk, tm.db), "not the password", t.TempDir())
	if !errors.Is(err, store.ErrSignIn) || strings.Contains(data.Message(err), "lower case") {
		t.Errorf("signing in with the right name and a wrong password: %v", data.Message(err))
	}
	if store.MemberName(" Jane.Smith ") != "jane.smith" {
		t.Errorf("a name typed with capitals and spaces is kept as %q", store.MemberName(" Jane.Smith "))
	}

	members, err := tm.as("ann").Members(bg)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]store.Kind{boss: store.Manager, ann: store.Advocate, desk: store.Receptionist}
	if len(members) != len(want) {
		t.Fatalf("members: %+v", members)
	}
	for _, m := range members {
		if want[m.Name] != m.Kind {
			t.Errorf("member %+v, want kind %q", m, want[m.Name])
		}
	}

	// A member changes kind; an advocate adds no one; no one removes
	// themselves.
	if err := mgr.AddMember(bg, ann, store.Manager, ""); err != nil {
		t.Fatal(err)
	}
	if m := tm.as("ann").Member(); m.Kind != store.Manager {
		t.Errorf("after the change: %+v", m)
	}
	if err := tm.as("ann").AddMember(bg, ann, store.Advocate, ""); err != nil {
		t.Fatalf("a manager now: %v", err)
	}
	if err := tm.as("ann").AddMember(bg, tm.db+"-y", store.Advocate, pgtest.Password); !errors.Is(err, store.ErrNotAllowed) {
		t.Errorf("an advocate adding a member: %v", err)
	}
	if err := tm.sql(ann, "SELECT team_add_member('sneaky', 'manager', '')"); err == nil {
		t.Error("an advocate called the server's function directly")
	}
	if err := mgr.RemoveMember(bg, boss); err == nil || !strings.Contains(data.Message(err), "your own") {
		t.Errorf("removing oneself: %v", err)
	}
	if err := mgr.RemoveMember(bg, pgtest.Admin); err == nil || !strings.Contains(data.Message(err), "not a member") {
		t.Errorf("removing a stranger: %v", err)
	}
	if err := mgr.RemoveMember(bg, desk); err != nil {
		t.Fatal(err)
	}
	// A sign-in of another caseload on the same server cannot open this one.
	other := newTeam(t)
	other.add("eve", store.Advocate)
	_, err = store.SignIn(bg, tm.srv.Address(other.names["eve"], tm.db), pgtest.Password, t.TempDir())
	if !errors.Is(err, store.ErrNotAllowed) || !strings.Contains(data.Message(err), "not a member of this caseload") {
		t.Errorf("another caseload's member signing in: %v", err)
	}
	if members, _ := mgr.Members(bg); len(members) != 2 {
		t.Errorf("after removing: %+v", members)
	}
}

// Every write leaves a row in the server's audit log, without a value;
// only managers read it and no one (not even the owner) changes it.
func TestAuditLogKeepsEveryWriteWithoutValues(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	tm.add("desk", store.Receptionist)
	tm.add("boss", store.Manager)
	ann, desk, boss := tm.as("ann"), tm.as("desk"), tm.as("boss")
	since := time.Now().Add(-time.Minute)

	c := addClient(t, ann, "Ffion Pritchard")
	c.person.Notes = "Secret word: marmalade"
	if err := ann.SavePerson(bg, &c.person); err != nil {
		t.Fatal(err)
	}
	walkIn := data.Person{Name: "Grace Adeyemi", Nation: data.Wales}
	if err := desk.SavePerson(bg, &walkIn); err != nil {
		t.Fatal(err)
	}
	if err := ann.ShareWith(bg, c.person.ID, tm.names["boss"]); err != nil {
		t.Fatal(err)
	}
	if err := ann.SaveSender(bg, data.Sender{Name: "Ann Advocate"}); err != nil {
		t.Fatal(err)
	}
	if err := ann.DeletePerson(bg, c.person.ID); err != nil {
		t.Fatal(err)
	}

	// What the window did with a record is noted under the member's name.
	if err := ann.Note(bg, store.AuditPrinted, store.AuditLetter, c.letter.ID); err != nil {
		t.Fatal(err)
	}
	log, _, err := boss.AuditLog(bg, store.AuditFilter{Since: since})
	if err != nil {
		t.Fatal(err)
	}
	has := func(who, action, kind, id string) bool {
		for _, e := range log {
			if e.Who == tm.names[who] && e.Action == action && e.Kind == kind && (id == "" || e.Record == id) {
				return true
			}
		}
		return false
	}
	for _, w := range []struct{ who, action, kind, id string }{
		{"ann", "created", "person", c.person.ID},
		{"ann", "changed", "person", c.person.ID},
		{"ann", "created", "request", c.request.ID},
		{"ann", "created", "letter", c.letter.ID},
		{"ann", "created", "step", c.step.ID},
		{"ann", "created", "attachments", c.step.ID},
		{"ann", "created", "shares", c.person.ID},
		{"ann", "created", "settings", ""},
		{"desk", "created", "person", walkIn.ID},
		{"ann", "printed", "letter", c.letter.ID},
		// Deleting the person deletes what is theirs: each is logged.
		{"ann", "deleted", "person", c.person.ID},
		{"ann", "deleted", "request", c.request.ID},
		{"ann", "deleted", "letter", c.letter.ID},
		{"ann", "deleted", "step", c.step.ID},
		{"ann", "deleted", "attachments", c.step.ID},
		{"ann", "deleted", "shares", c.person.ID},
	} {
		if !has(w.who, w.action, w.kind, w.id) {
			t.Errorf("no audit row for %+v", w)
		}
	}
	for _, e := range log {
		if e.At.Before(since) || e.At.After(time.Now().Add(time.Minute)) {
			t.Errorf("audit time %v", e.At)
		}
		for _, v := range []string{e.Who, e.Action, e.Kind, e.Record} {
			for _, word := range []string{"Ffion", "Grace", "marmalade", "Ann Advocate", "reply.pdf", "Dear Dr"} {
				if strings.Contains(v, word) {
					t.Errorf("the audit log holds a value: %+v", e)
				}
			}
		}
	}

	// Members cannot read it, nor write, change or empty it; the owner
	// cannot change or delete a row either.
	if _, _, err := ann.AuditLog(bg, store.AuditFilter{Since: since}); !errors.Is(err, store.ErrNotAllowed) {
		t.Errorf("an advocate reading the log: %v", err)
	}
	for _, who := range []string{"ann", "desk", "boss"} {
		for _, statement := range []string{
			"UPDATE audit SET who = 'someone'",
			"DELETE FROM audit",
			"TRUNCATE audit",
			"INSERT INTO audit (action, kind, record) VALUES ('delete', 'people', 'x')",
			"SELECT team_note('delete', 'people', 'x')",
		} {
			if err := tm.sql(tm.names[who], statement); err == nil {
				t.Errorf("%s could %s", who, statement)
			}
		}
	}
	owner := tm.owner.Member().Name
	for _, statement := range []string{"UPDATE audit SET who = 'someone'", "DELETE FROM audit"} {
		tm.sql(owner, statement) // allowed as a statement, but no row may be touched
	}
	if err := tm.sql(owner, "TRUNCATE audit"); err == nil {
		t.Error("the owner emptied the audit log")
	}
	after, _, err := boss.AuditLog(bg, store.AuditFilter{Since: since})
	if err != nil || len(after) < len(log) {
		t.Fatalf("the log after the attempts: %d rows, was %d: %v", len(after), len(log), err)
	}
	for i := range log {
		if a, b := after[i], log[i]; !a.At.Equal(b.At) || a.Who != b.Who || a.Action != b.Action || a.Kind != b.Kind || a.Record != b.Record {
			t.Fatalf("row %d changed: %+v, was %+v", i, after[i], log[i])
		}
	}
}

// A member opening a caseload whose tables need bringing up to date is
// told that its owner must, and nothing is changed.
func TestOnlyTheOwnerBringsTheTablesUpToDate(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	if err := tm.sql(pgtest.Admin, "UPDATE schema_version SET version = version - 1"); err != nil {
		t.Fatal(err)
	}
	_, err := store.SignIn(bg, tm.srv.Address(tm.names["ann"], tm.db), pgtest.Password, t.TempDir())
	if err == nil || !strings.Contains(data.Message(err), "only the caseload's owner") {
		t.Fatalf("a member opening older tables: %v", err)
	}
}

// Moving a caseload onto a server is a manager's; the mover's own
// settings stay theirs, and a backup of the server keeps every member's.
func TestMovingKeepsEachMembersSettings(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	tm.add("boss", store.Manager)
	file := demoFolder(t, 5)
	if err := file.SaveSender(bg, data.Sender{Name: "Mo Manager"}); err != nil {
		t.Fatal(err)
	}
	if _, err := file.CopyInto(bg, tm.as("ann"), nil); !errors.Is(err, store.ErrNotAllowed) {
		t.Fatalf("an advocate moving a caseload in: %v", err)
	}
	boss := tm.as("boss")
	if _, err := file.CopyInto(bg, boss, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := boss.Sender(bg); got.Name != "Mo Manager" {
		t.Errorf("the mover's sender on the server: %q", got.Name)
	}
	ann := tm.as("ann")
	if got, _ := ann.Sender(bg); got.Name != "" {
		t.Errorf("another member reads the mover's sender: %q", got.Name)
	}
	if people, _ := ann.People(bg); len(people) != 0 {
		t.Errorf("the advocate sees %d of the moved caseload before it is handed over", len(people))
	}
	if err := ann.SaveSender(bg, data.Sender{Name: "Ann Advocate"}); err != nil {
		t.Fatal(err)
	}

	back, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if _, err := boss.CopyInto(bg, back, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := back.Sender(bg); got.Name != "Mo Manager" {
		t.Errorf("moved back, the sender is %q", got.Name)
	}
	if v, _ := back.Setting(bg, store.SettingSender+"@"+tm.names["ann"]); !strings.Contains(v, "Ann Advocate") {
		t.Errorf("the copy back lost another member's own settings: %q", v)
	}
}

// A manager protecting the team's records protects every member's own
// sealed settings too: each member unlocks and reads theirs.
func TestProtectingSealsEveryMembersOwnDetails(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	tm.add("boss", store.Manager)
	if err := tm.as("ann").SaveSender(bg, data.Sender{Name: "Ann Advocate", Address: "1 Quay Street"}); err != nil {
		t.Fatal(err)
	}
	boss := tm.as("boss")
	if err := boss.SaveSender(bg, data.Sender{Name: "Mo Manager"}); err != nil {
		t.Fatal(err)
	}
	key, err := vault.NewRecoveryKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tm.as("ann").Protect(bg, "a long test passphrase", key); err == nil {
		t.Fatal("an advocate protected the team's records")
	}
	if _, err := boss.Protect(bg, "a long test passphrase", key); err != nil {
		t.Fatal(err)
	}
	var plain int
	conn, err := pgx.Connect(bg, tm.srv.URL(pgtest.Admin, tm.db))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(bg)
	if err := conn.QueryRow(bg, "SELECT count(*) FROM settings WHERE value LIKE '%Quay%' OR value LIKE '%Mo Manager%'").Scan(&plain); err != nil || plain != 0 {
		t.Fatalf("%d members' details left unsealed: %v", plain, err)
	}
	ann := tm.as("ann")
	if !ann.Locked() {
		t.Fatal("not protected for ann")
	}
	if err := ann.Unlock(bg, "a long test passphrase"); err != nil {
		t.Fatal(err)
	}
	if got, err := ann.Sender(bg); err != nil || got.Address != "1 Quay Street" {
		t.Errorf("ann's own details after protecting: %+v %v", got, err)
	}
}

// In a folder there is one person, with every right, and no team.
func TestAFolderHasOneMemberWithEveryRight(t *testing.T) {
	s, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := s.Member()
	for r := store.SeeEveryone; r <= store.Protect; r++ {
		if !m.Can(r) {
			t.Errorf("just me cannot %d", r)
		}
	}
	p := data.Person{Name: "Ffion Pritchard", Nation: data.Wales}
	if err := s.SavePerson(bg, &p); err != nil {
		t.Fatal(err)
	}
	if err := s.ShareWith(bg, p.ID, "someone"); err == nil || !strings.Contains(data.Message(err), "for you alone") {
		t.Errorf("sharing in a folder: %v", err)
	}
	if err := s.AddMember(bg, "someone", store.Advocate, "a long password"); err == nil {
		t.Error("a member added to a folder")
	}
	if members, _ := s.Members(bg); len(members) != 1 || members[0].Kind != store.JustMe {
		t.Errorf("members of a folder: %+v", members)
	}
	if _, _, err := s.AuditLog(bg, store.AuditFilter{}); err != nil {
		t.Errorf("a folder's own audit log: %v", err)
	}
	if err := s.SaveSender(bg, data.Sender{Name: "Just Me"}); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(bg, store.SettingSender); !strings.Contains(v, "Just Me") {
		t.Errorf("the sender is kept under another key in a folder: %q", v)
	}
}

// A typed name means the member of that name, or the only one whose name
// differs just in case (one made outside the program may have capitals).
func TestATypedNameMeansTheMemberOfThatName(t *testing.T) {
	members := []store.Member{{Name: "jane"}, {Name: "Clinic_receptionist"}, {Name: "ann"}, {Name: "Ann"}}
	for typed, want := range map[string]string{"jane": "jane", " Jane ": "jane", "clinic_receptionist": "Clinic_receptionist",
		"Ann": "Ann", "ann": "ann", "ANN": "", "bob": ""} {
		got, ok := store.MatchMember(members, typed)
		if got != want || ok != (want != "") {
			t.Errorf("%q means %q (%v), want %q", typed, got, ok, want)
		}
	}
}

// A client handed to a receptionist belongs to the desk, and stays whole:
// the server wrote the desk as the owner after working out the row's
// checksum with the receptionist's name, and every client handed to the
// desk read as damaged. Migration 006 mends those it damaged so, and
// leaves any other damage for check to report.
func TestClientsHandedToTheDeskStayWhole(t *testing.T) {
	tm := newTeam(t)
	desk := tm.add("desk", store.Receptionist)
	tm.add("boss", store.Manager)
	boss := tm.as("boss")
	one, two := addClient(t, boss, "Aled Price"), addClient(t, boss, "Bethan Rees")
	if err := boss.HandOver(bg, one.person.ID, desk); err != nil {
		t.Fatal(err)
	}
	if n, err := boss.HandOverAll(bg, tm.names["boss"], desk); err != nil || n != 1 {
		t.Fatalf("handed %d over: %v", n, err)
	}
	if err := boss.Check(bg); err != nil {
		t.Fatalf("after handing two clients to the desk: %v", err)
	}

	// The damage as the old rule left it, on one client, and damage of
	// another kind (a note changed behind the program's back) on the other.
	owner := tm.owner.Member().Name
	damage := "ALTER TABLE people DISABLE TRIGGER people_checksum;" +
		"UPDATE people SET checksum = record_sum(jsonb_set(to_jsonb(people), '{owner}', to_jsonb('" + desk + "'::TEXT))) WHERE id = '" + one.person.ID + "';" +
		"UPDATE people SET notes = 'changed' WHERE id = '" + two.person.ID + "';" +
		"ALTER TABLE people ENABLE TRIGGER people_checksum"
	if err := tm.sql(owner, damage); err != nil {
		t.Fatal(err)
	}
	if got := damaged(t, boss, "people"); got != 2 {
		t.Fatalf("%d people damaged before mending; want 2", got)
	}
	mend, err := os.ReadFile("migrations/server/006_desk_owner_checksum.sql")
	if err != nil {
		t.Fatal(err)
	}
	if err := tm.sql(owner, string(mend)); err != nil {
		t.Fatal(err)
	}
	if got := damaged(t, boss, "people"); got != 1 {
		t.Errorf("%d people damaged after mending; want only the one changed behind the program's back", got)
	}
}

// damaged is how many records of a kind ("people", "steps") check finds damaged.
func damaged(t *testing.T, s *store.Store, kind string) int {
	t.Helper()
	err := s.Check(bg)
	var damage store.RecordDamage
	if err != nil && !errors.As(err, &damage) {
		t.Fatal(err)
	}
	n := 0
	for _, g := range damage {
		if g.Kind == kind {
			n += g.N
		}
	}
	return n
}
