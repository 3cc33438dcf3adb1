package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

// Each request, step and letter on the server names its person's owner
// (migration 008), so that who may see it is asked of the row itself.
// These tests hold the owner to the person's, whatever a member sends and
// whoever the person is handed to, and the rules to what they were.

// strayOwners is how many requests, steps and letters do not name their
// person's owner.
func strayOwners(tm *team) int {
	return tm.count(pgtest.Admin, "SELECT (SELECT count(*) FROM requests r JOIN people p ON p.id = r.person_id WHERE r.owner IS DISTINCT FROM p.owner)"+
		" + (SELECT count(*) FROM steps s JOIN people p ON p.id = s.person_id WHERE s.owner IS DISTINCT FROM p.owner)"+
		" + (SELECT count(*) FROM letters l JOIN people p ON p.id = l.person_id WHERE l.owner IS DISTINCT FROM p.owner)")
}

// auditedRecords is how many lines of the audit log are about requests,
// steps and letters.
func auditedRecords(tm *team) int {
	return tm.count(pgtest.Admin, "SELECT count(*) FROM audit WHERE kind IN ('requests', 'steps', 'letters')")
}

// A client handed over takes their requests, steps and letters along: the
// new owner sees all of it at once and the old one nothing, the records
// stay whole, and following the owner writes nothing to the audit log and
// tells no desk (the person handed over is noted, and told, as before).
func TestRecordsFollowTheirPersonHandedOver(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	bobName := tm.add("bob", store.Advocate)
	deskName := tm.add("desk", store.Receptionist)
	tm.add("boss", store.Manager)
	ann, bob, desk, boss := tm.as("ann"), tm.as("bob"), tm.as("desk"), tm.as("boss")
	anns := addClient(t, ann, "Aled Price")
	if n := strayOwners(tm); n != 0 {
		t.Fatalf("%d records do not name their person's owner", n)
	}
	audited := auditedRecords(tm)
	told := listen(t, tm)

	if err := boss.HandOver(bg, anns.person.ID, bobName); err != nil {
		t.Fatal(err)
	}
	if n := strayOwners(tm); n != 0 {
		t.Errorf("%d records stayed with the owner their person left", n)
	}
	if listed, byID := sees(t, bob, anns); listed != 4 || byID != 4 {
		t.Errorf("Bob sees %d of his new client's records listed and %d by id; want 4 and 4", listed, byID)
	}
	if listed, byID := sees(t, ann, anns); listed+byID != 0 {
		t.Errorf("Ann still sees %d records of the client she handed over", listed+byID)
	}
	if err := boss.Check(bg); err != nil {
		t.Errorf("after handing a client over: %v", err)
	}
	if n := auditedRecords(tm) - audited; n != 0 {
		t.Errorf("following the owner wrote %d lines about requests, steps and letters to the audit log", n)
	}
	if kinds := told(); strings.Join(kinds, " ") != "people" {
		t.Errorf("desks were told of %v; want only the person handed over", kinds)
	}

	// To the desk, and all at once back to Ann.
	if err := boss.HandOver(bg, anns.person.ID, deskName); err != nil {
		t.Fatal(err)
	}
	if listed, byID := sees(t, desk, anns); listed != 4 || byID != 4 {
		t.Errorf("the desk sees %d of its new client's records listed and %d by id; want 4 and 4", listed, byID)
	}
	if n, err := boss.HandOverAll(bg, tm.db+"_receptionist", tm.names["ann"]); err != nil || n != 1 {
		t.Fatalf("handed %d of the desk's clients to Ann: %v", n, err)
	}
	if n := strayOwners(tm); n != 0 {
		t.Errorf("%d records stayed with the desk", n)
	}
	if listed, byID := sees(t, ann, anns); listed != 4 || byID != 4 {
		t.Errorf("Ann sees %d of her client's records listed and %d by id after having them back; want 4 and 4", listed, byID)
	}
	if listed, byID := sees(t, desk, anns); listed+byID != 0 {
		t.Errorf("the desk still sees %d records of a client handed on", listed+byID)
	}
	if err := boss.Check(bg); err != nil {
		t.Errorf("after handing the client on twice: %v", err)
	}
}

// The owner is the server's to write: a member who names one of their
// choosing, on a record of their own, has it put right.
func TestAMemberCannotNameARecordsOwner(t *testing.T) {
	tm := newTeam(t)
	annName := tm.add("ann", store.Advocate)
	tm.add("bob", store.Advocate)
	bob := tm.as("bob")
	bobs := addClient(t, bob, "Bethan Rees")
	for what, statement := range map[string]string{
		"a request": "UPDATE requests SET owner = '" + annName + "' WHERE id = '" + bobs.request.ID + "'",
		"a step":    "UPDATE steps SET owner = '" + annName + "' WHERE id = '" + bobs.step.ID + "'",
		"a letter":  "UPDATE letters SET owner = '" + annName + "' WHERE id = '" + bobs.letter.ID + "'",
		"a new step": "INSERT INTO steps (id, request_id, owner, on_date, kind, summary, created_at) VALUES ('s-new', '" +
			bobs.request.ID + "', '" + annName + "', '2026-12-01', 'note', 'Phoned', '2026-12-01T10:00:00Z')",
	} {
		if err := tm.sql(tm.names["bob"], statement); err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}
	if n := strayOwners(tm); n != 0 {
		t.Errorf("%d records name the owner Bob wrote rather than their person's", n)
	}
	if listed, byID := sees(t, tm.as("ann"), bobs); listed+byID != 0 {
		t.Errorf("Ann sees %d of Bob's client's records", listed+byID)
	}
}

// A server whose records were kept before they named an owner is brought
// up to date: each takes its person's owner, the records stay whole (one
// damaged before stays damaged), nothing is written to the audit log, and
// everyone sees what they saw.
func TestRecordsKeptBeforeAreGivenTheirOwner(t *testing.T) {
	tm := newTeam(t)
	tm.add("ann", store.Advocate)
	tm.add("desk", store.Receptionist)
	ann, desk := tm.as("ann"), tm.as("desk")
	anns, desks := addClient(t, ann, "Aled Price"), addClient(t, desk, "Grace Adeyemi")
	owner := tm.owner.Member().Name
	if err := tm.sql(owner, backToVersion7); err != nil {
		t.Fatal(err)
	}
	// A note changed behind the program's back, before the update.
	damage := "ALTER TABLE steps DISABLE TRIGGER USER; UPDATE steps SET summary = 'changed' WHERE id = '" + desks.step.ID +
		"'; ALTER TABLE steps ENABLE TRIGGER USER"
	if err := tm.sql(owner, damage); err != nil {
		t.Fatal(err)
	}
	audited := tm.count(pgtest.Admin, "SELECT count(*) FROM audit")

	owns := tm.signIn(owner) // brings the tables up to date
	if n := strayOwners(tm); n != 0 {
		t.Errorf("%d records were not given their person's owner", n)
	}
	if got := damaged(t, owns, "steps"); got != 1 {
		t.Errorf("%d steps damaged after the update; want only the one changed before", got)
	}
	if n := tm.count(pgtest.Admin, "SELECT count(*) FROM audit"); n != audited {
		t.Errorf("giving each record its owner wrote %d lines to the audit log", n-audited)
	}
	ann, desk = tm.as("ann"), tm.as("desk")
	if listed, byID := sees(t, ann, anns); listed != 4 || byID != 4 {
		t.Errorf("Ann sees %d of her client's records listed and %d by id; want 4 and 4", listed, byID)
	}
	if listed, byID := sees(t, desk, desks); listed != 4 || byID != 4 {
		t.Errorf("the desk sees %d of its client's records listed and %d by id; want 4 and 4", listed, byID)
	}
	if listed, byID := sees(t, desk, anns); listed+byID != 0 {
		t.Errorf("the desk sees %d of an advocate's client's records", listed+byID)
	}
}

// backToVersion7 puts a caseload's tables back as version 7 left them:
// no owner on requests, steps and letters, and the rules asking the people.
const backToVersion7 = `
DROP TRIGGER requests_owner ON requests; DROP FUNCTION owner_of_person();
CREATE TRIGGER requests_checksum BEFORE INSERT OR UPDATE ON requests FOR EACH ROW EXECUTE FUNCTION set_checksum();
CREATE TRIGGER steps_checksum BEFORE INSERT OR UPDATE ON steps FOR EACH ROW EXECUTE FUNCTION set_checksum();
CREATE TRIGGER letters_checksum BEFORE INSERT OR UPDATE ON letters FOR EACH ROW EXECUTE FUNCTION set_checksum();
DROP TRIGGER people_owner_followed ON people; DROP FUNCTION owner_followed();
CREATE OR REPLACE FUNCTION person_of_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.person_id := (SELECT person_id FROM requests WHERE id = NEW.request_id);
	NEW.checksum := record_sum(to_jsonb(NEW));
	RETURN NEW;
END $$;
DROP TRIGGER requests_audit_changed ON requests; DROP TRIGGER steps_audit_changed ON steps; DROP TRIGGER letters_audit_changed ON letters;
DROP TRIGGER requests_notice_changed ON requests; DROP TRIGGER steps_notice_changed ON steps; DROP TRIGGER letters_notice_changed ON letters;
DROP TRIGGER requests_audit ON requests; DROP TRIGGER steps_audit ON steps; DROP TRIGGER letters_audit ON letters;
DROP TRIGGER requests_notice ON requests; DROP TRIGGER steps_notice ON steps; DROP TRIGGER letters_notice ON letters;
CREATE TRIGGER requests_audit AFTER INSERT OR UPDATE OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER steps_audit AFTER INSERT OR UPDATE OR DELETE ON steps FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER letters_audit AFTER INSERT OR UPDATE OR DELETE ON letters FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER requests_notice AFTER INSERT OR UPDATE OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER steps_notice AFTER INSERT OR UPDATE OR DELETE ON steps FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER letters_notice AFTER INSERT OR UPDATE OR DELETE ON letters FOR EACH ROW EXECUTE FUNCTION notify_change('id');
DROP INDEX steps_by_person; DROP INDEX letters_by_person;
CREATE INDEX people_seen_by ON people (id, owner);
DROP POLICY requests_theirs ON requests; DROP POLICY steps_theirs ON steps; DROP POLICY letters_theirs ON letters;
CREATE POLICY requests_theirs ON requests USING ((SELECT team_kind()) = 'manager' OR EXISTS (SELECT FROM people p WHERE p.id = requests.person_id));
CREATE POLICY steps_theirs ON steps USING ((SELECT team_kind()) = 'manager' OR EXISTS (SELECT FROM people p WHERE p.id = steps.person_id));
CREATE POLICY letters_theirs ON letters USING ((SELECT team_kind()) = 'manager' OR EXISTS (SELECT FROM people p WHERE p.id = letters.person_id));
ALTER TABLE requests DROP COLUMN owner; ALTER TABLE steps DROP COLUMN owner; ALTER TABLE letters DROP COLUMN owner;
ALTER TABLE requests DISABLE TRIGGER USER; ALTER TABLE steps DISABLE TRIGGER USER; ALTER TABLE letters DISABLE TRIGGER USER;
UPDATE requests SET checksum = record_sum(to_jsonb(requests)); UPDATE steps SET checksum = record_sum(to_jsonb(steps));
UPDATE letters SET checksum = record_sum(to_jsonb(letters));
ALTER TABLE requests ENABLE TRIGGER USER; ALTER TABLE steps ENABLE TRIGGER USER; ALTER TABLE letters ENABLE TRIGGER USER;
UPDATE schema_version SET version = 7`

// listen hears what desks are told from now on; the function it gives
// returns the kinds of record told of, once the server has been quiet
// for a moment.
func listen(t *testing.T, tm *team) func() []string {
	t.Helper()
	conn, err := pgx.Connect(bg, tm.srv.URL(pgtest.Admin, tm.db))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(bg) })
	if _, err := conn.Exec(bg, "LISTEN secondopinion_changes"); err != nil {
		t.Fatal(err)
	}
	return func() []string {
		var kinds []string
		for {
			ctx, cancel := context.WithTimeout(bg, 500*time.Millisecond)
			n, err := conn.WaitForNotification(ctx)
			cancel()
			if err != nil {
				return kinds // quiet
			}
			kind, _, _ := strings.Cut(n.Payload, " ")
			kinds = append(kinds, kind)
		}
	}
}
