package store_test

import (
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

// Each step and letter on the server names its request's person (migration
// 007), so that who may see it is asked of the people alone. These tests
// hold the person to the request's, whatever a member sends, and the rules
// to what they were.

// count runs a query that gives one number, as name, going around the
// program.
func (tm *team) count(name, query string) int {
	tm.t.Helper()
	conn, err := pgx.Connect(bg, tm.srv.URL(name, tm.db))
	if err != nil {
		tm.t.Fatal(err)
	}
	defer conn.Close(bg)
	var n int
	if err := conn.QueryRow(bg, query).Scan(&n); err != nil {
		tm.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// strays is how many steps and letters do not name their request's person.
func strays(tm *team) int {
	return tm.count(pgtest.Admin, "SELECT (SELECT count(*) FROM steps s JOIN requests r ON r.id = s.request_id WHERE s.person_id IS DISTINCT FROM r.person_id)"+
		" + (SELECT count(*) FROM letters l JOIN requests r ON r.id = l.request_id WHERE l.person_id IS DISTINCT FROM r.person_id)")
}

// Reading every request, step or edited letter, as signing in and the
// Clients list do, asks who may see each row of the row itself (its
// owner, migration 008): neither the people nor the requests are read to
// check it. Listing the people they may see first took the server 100-150
// ms more for each reading of a desk with 50,000 clients than a manager's.
func TestReadingEveryRecordAsksOnlyTheRowItself(t *testing.T) {
	tm := newTeam(t)
	tm.add("desk", store.Receptionist)
	tm.add("ann", store.Advocate)
	desk, ann := tm.as("desk"), tm.as("ann")
	for i := range 5 {
		addClient(t, desk, fmt.Sprintf("Desk Client %d", i))
		addClient(t, ann, fmt.Sprintf("Advocate Client %d", i))
	}
	for _, who := range []string{"desk", "ann"} {
		for table, statement := range map[string]string{
			"requests": "SELECT id, condition FROM requests",
			"steps":    "SELECT id, kind FROM steps",
			"letters":  "SELECT id FROM letters WHERE body <> ''",
		} {
			read := rowsReadFor(t, tm, tm.names[who], statement)
			if read["people"] > 0 || table != "requests" && read["requests"] > 0 {
				t.Errorf("%s, %q: the server read other tables to check who may see them (%v)", who, statement, read)
			}
			if read[table] != 5 {
				t.Errorf("%s, %q: %d rows passed the rules; want their own 5", who, statement, read[table])
			}
		}
	}
}

// The person is always the request's: a member cannot reach another's
// client's request by naming a person of their own, and a request moved to
// another person takes its steps and letters with it, whole.
func TestStepsAndLettersFollowTheirRequestsPerson(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	tm.add("bob", store.Advocate)
	tm.add("boss", store.Manager)
	ann, bob, boss := tm.as("ann"), tm.as("bob"), tm.as("boss")
	anns, bobs := addClient(t, ann, "Aled Price"), addClient(t, bob, "Bethan Rees")
	if n := strays(tm); n != 0 {
		t.Fatalf("%d steps and letters name another person than their request's", n)
	}

	// Bob names his own client, on Ann's client's request.
	for what, statement := range map[string]string{
		"a step": "INSERT INTO steps (id, request_id, person_id, on_date, kind, summary, created_at) VALUES ('s-bob', '" +
			anns.request.ID + "', '" + bobs.person.ID + "', '2026-12-01', 'note', 'Phoned', '2026-12-01T10:00:00Z')",
		"a letter": "INSERT INTO letters (id, request_id, person_id, kind, body, created_at, updated_at) VALUES ('l-bob', '" +
			anns.request.ID + "', '" + bobs.person.ID + "', 'review', 'Dear Dr Rees', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')",
		"moving his step to her request": "UPDATE steps SET request_id = '" + anns.request.ID + "', person_id = '" + bobs.person.ID +
			"' WHERE id = '" + bobs.step.ID + "'",
	} {
		if err := tm.sql(tm.names["bob"], statement); err == nil {
			t.Errorf("Bob added %s to Ann's client's request by naming his own client", what)
		}
	}
	if listed, byID := sees(t, bob, anns); listed+byID != 0 {
		t.Errorf("Bob sees %d of Ann's client's records", listed+byID)
	}

	// The manager moves Ann's client's request to Bob's client.
	moved := anns.request
	moved.PersonID = bobs.person.ID
	if err := boss.SaveRequest(bg, &moved); err != nil {
		t.Fatal(err)
	}
	if n := strays(tm); n != 0 {
		t.Errorf("%d steps and letters stayed with the person their request left", n)
	}
	steps, err := bob.StepsFor(bg, moved.ID)
	if err != nil || len(steps) != 1 {
		t.Errorf("Bob sees %d steps of the request moved to his client (%v); want 1", len(steps), err)
	}
	if _, err := bob.Letter(bg, anns.letter.ID); err != nil {
		t.Errorf("Bob cannot open the letter of the request moved to his client: %v", err)
	}
	if steps, _ := ann.StepsFor(bg, moved.ID); len(steps) != 0 {
		t.Errorf("Ann still sees %d steps of a request moved to another advocate's client", len(steps))
	}
	if err := boss.Check(bg); err != nil {
		t.Errorf("after moving a request: %v", err)
	}
}

// A server whose steps and letters were kept before they named a person
// is brought up to date: each is given its request's person, the records
// stay whole, nothing is written to the audit log, and everyone sees what
// they saw.
func TestStepsAndLettersKeptBeforeAreGivenTheirPerson(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	tm.add("desk", store.Receptionist)
	ann, desk := tm.as("ann"), tm.as("desk")
	anns, desks := addClient(t, ann, "Aled Price"), addClient(t, desk, "Grace Adeyemi")
	more := data.Step{RequestID: anns.request.ID, On: data.MustDate(2026, 12, 1), Kind: data.StepNote, Summary: "Phoned"}
	if err := ann.AddStep(bg, &more); err != nil {
		t.Fatal(err)
	}

	// The server as version 6 of its tables left it: no person on steps
	// and letters, and the rules asking the requests.
	owner := tm.owner.Member().Name
	back := backToVersion7 + `;
		DROP TRIGGER steps_person ON steps; DROP TRIGGER letters_person ON letters; DROP TRIGGER requests_person ON requests;
		DROP FUNCTION person_of_request(); DROP FUNCTION request_person_followed();
		DROP POLICY steps_theirs ON steps; DROP POLICY letters_theirs ON letters; DROP INDEX people_seen_by;
		ALTER TABLE steps DROP COLUMN person_id; ALTER TABLE letters DROP COLUMN person_id;
		CREATE POLICY steps_theirs ON steps USING ((SELECT team_kind()) = 'manager' OR EXISTS (SELECT FROM requests r WHERE r.id = steps.request_id));
		CREATE POLICY letters_theirs ON letters USING ((SELECT team_kind()) = 'manager' OR EXISTS (SELECT FROM requests r WHERE r.id = letters.request_id));
		ALTER TABLE steps DISABLE TRIGGER USER; ALTER TABLE letters DISABLE TRIGGER USER;
		UPDATE steps SET checksum = record_sum(to_jsonb(steps)); UPDATE letters SET checksum = record_sum(to_jsonb(letters));
		ALTER TABLE steps ENABLE TRIGGER USER; ALTER TABLE letters ENABLE TRIGGER USER;
		UPDATE schema_version SET version = 6`
	if err := tm.sql(owner, back); err != nil {
		t.Fatal(err)
	}
	audited := tm.count(pgtest.Admin, "SELECT count(*) FROM audit")

	owns := tm.signIn(owner) // brings the tables up to date
	if n := tm.count(pgtest.Admin, "SELECT count(*) FROM steps WHERE person_id IS NULL"); n != 0 {
		t.Errorf("%d steps were given no person", n)
	}
	if n := strays(tm); n != 0 {
		t.Errorf("%d steps and letters name another person than their request's", n)
	}
	if err := owns.Check(bg); err != nil {
		t.Errorf("after giving each step and letter its person: %v", err)
	}
	if n := tm.count(pgtest.Admin, "SELECT count(*) FROM audit"); n != audited {
		t.Errorf("giving each step and letter its person wrote %d lines to the audit log", n-audited)
	}
	ann, desk = tm.as("ann"), tm.as("desk")
	if steps, err := ann.StepsFor(bg, anns.request.ID); err != nil || len(steps) != 2 {
		t.Errorf("Ann sees %d of her client's 2 steps (%v)", len(steps), err)
	}
	if listed, byID := sees(t, desk, desks); listed != 4 || byID != 4 {
		t.Errorf("the desk sees %d of its client's records listed and %d by id; want 4 and 4", listed, byID)
	}
	if listed, byID := sees(t, desk, anns); listed+byID != 0 {
		t.Errorf("the desk sees %d of an advocate's client's records", listed+byID)
	}
}
