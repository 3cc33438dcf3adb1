package store_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"secondopinion/data/store"
)

// TestAMembersWorkOnOneRecordReadsOnlyThatRecord: when a receptionist or
// an advocate saves or opens one record, the server checks who may see it
// by looking up that record's request and person, not by first listing
// every request and person they may see. Listed, as the rules were first
// written, saving one step took the server 200 ms with 50,000 clients,
// and grew with every client added.
//
// The statements are the kinds the program sends for one record; each is
// run as the member inside a transaction that is undone, and the server's
// own account of it (EXPLAIN ANALYZE) says how many rows of each table
// were read to check it.
func TestAMembersWorkOnOneRecordReadsOnlyThatRecord(t *testing.T) {
	tm := newTeam(t)
	tm.add("desk", store.Receptionist)
	tm.add("ann", store.Advocate)
	desk, ann := tm.as("desk"), tm.as("ann")
	const clients = 25 // more than any one statement below may read
	var deskClient, annClient client
	for i := range clients {
		deskClient = addClient(t, desk, fmt.Sprintf("Desk Client %d", i))
		annClient = addClient(t, ann, fmt.Sprintf("Advocate Client %d", i))
	}
	for _, who := range []struct {
		short string
		c     client
	}{{"desk", deskClient}, {"ann", annClient}} {
		c := who.c
		statements := map[string]string{
			"a request's timeline":  "SELECT id, summary FROM steps WHERE request_id = '" + c.request.ID + "'",
			"a step another saved":  "SELECT id FROM steps WHERE id = '" + c.step.ID + "'",
			"a request":             "SELECT id, condition FROM requests WHERE id = '" + c.request.ID + "'",
			"a letter":              "SELECT body FROM letters WHERE id = '" + c.letter.ID + "'",
			"a step's file":         "SELECT name FROM attachments WHERE step_id = '" + c.step.ID + "'",
			"a person":              "SELECT name FROM people WHERE id = '" + c.person.ID + "'",
			"saving a request":      "UPDATE requests SET condition = 'Asthma' WHERE id = '" + c.request.ID + "'",
			"saving a letter":       "UPDATE letters SET body = 'Dear Dr Rees' WHERE id = '" + c.letter.ID + "'",
			"saving a person":       "UPDATE people SET notes = 'Phoned' WHERE id = '" + c.person.ID + "'",
			"logging a step":        "INSERT INTO steps (id, request_id, on_date, kind, summary, created_at) VALUES ('s-new', '" + c.request.ID + "', '2026-12-01', 'note', 'Phoned', '2026-12-01T10:00:00Z')",
			"deleting a step":       "DELETE FROM steps WHERE id = '" + c.step.ID + "'",
			"adding a request":      "INSERT INTO requests (id, person_id, subject, route, created_at, updated_at) VALUES ('r-new', '" + c.person.ID + "', 'diagnosis', 'review', '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')",
			"a person's requests":   "SELECT id FROM requests WHERE person_id = '" + c.person.ID + "'",
			"a request's letters":   "SELECT id FROM letters WHERE request_id = '" + c.request.ID + "'",
			"deleting an old reply": "DELETE FROM attachments WHERE step_id = '" + c.step.ID + "'",
		}
		for what, statement := range statements {
			read := rowsReadFor(t, tm, tm.names[who.short], statement)
			for table, n := range read {
				if n > 3 {
					t.Errorf("%s, %s: the server read %d rows of %s (of %d clients) for one record", who.short, what, n, table, clients)
				}
			}
		}
	}
}

// rowsReadFor runs statement as the member, undone afterwards, and gives
// the rows the server's plan produced from each table it scanned.
func rowsReadFor(t *testing.T, tm *team, member, statement string) map[string]int {
	t.Helper()
	conn, err := pgx.Connect(bg, tm.srv.URL(member, tm.db))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(bg)
	tx, err := conn.Begin(bg)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(bg)
	var out string
	if err := tx.QueryRow(bg, "EXPLAIN (ANALYZE, FORMAT JSON) "+statement).Scan(&out); err != nil {
		t.Fatalf("%s: %v", statement, err)
	}
	var plans []struct{ Plan planNode }
	if err := json.Unmarshal([]byte(out), &plans); err != nil {
		t.Fatal(err)
	}
	read := map[string]int{}
	for _, p := range plans {
		p.Plan.count(read)
	}
	return read
}

// planNode is the part of EXPLAIN's JSON a count of rows needs.
type planNode struct {
	Relation string     `json:"Relation Name"`
	Rows     float64    `json:"Actual Rows"` // per loop
	Loops    float64    `json:"Actual Loops"`
	Plans    []planNode `json:"Plans"`
}

func (n planNode) count(read map[string]int) {
	if n.Relation != "" && n.Relation != "audit" {
		read[n.Relation] += int(n.Rows * n.Loops)
	}
	for _, sub := range n.Plans {
		sub.count(read)
	}
}
