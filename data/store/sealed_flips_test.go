package store_test

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/store"
	"secondopinion/data/vault"
)

// The byte-flip trial over sealed fields: in a protected demo caseload,
// every sealed field in turn gets one random bit of its stored bytes
// flipped (nonce, ciphertext or tag), with the record's checksum made to
// match so that only the seal can tell. Each flip must be reported by the
// check as damage to that kind of record, dated the day it was saved, with
// none of the records' words in the report; and reading the record must
// fail rather than show altered text. The sealed fields are found in the
// file itself (every value that looks sealed), not from the store's list,
// so a column sealed by mistake or forgotten would show up here too.

var sealedFlipRounds = flag.Int("sealed-flip-rounds", 1, "how many times the sealed-field trial flips every sealed field, each time at a new random place")

// sealedCell is one sealed value in the file.
type sealedCell struct {
	table, idCol, id, col string
	day                   string // the day its record was last saved, as the check dates damage
	blob                  bool
	stored                []byte
}

// summedCols names every column a table's checksum covers (all but the
// checksum), as record_sum wants them.
func summedCols(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query("SELECT name FROM pragma_table_info(?) WHERE name <> 'checksum' ORDER BY cid", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		rows.Scan(&c)
		cols = append(cols, c)
	}
	return cols
}

// sealedCells lists every sealed value in the file.
func sealedCells(t *testing.T, db *sql.DB) []sealedCell {
	t.Helper()
	tables := []struct{ name, idCol, saved string }{
		{"people", "id", "updated_at"}, {"contacts", "id", "updated_at"}, {"requests", "id", "updated_at"},
		{"letters", "id", "updated_at"}, {"steps", "id", "created_at"}, {"attachments", "step_id", "created_at"},
		{"settings", "key", ""},
	}
	var cells []sealedCell
	for _, tb := range tables {
		saved := "''"
		if tb.saved != "" {
			saved = "substr(" + tb.saved + ", 1, 10)"
		}
		var cols []string
		rows, _ := db.Query("SELECT name FROM pragma_table_info(?) WHERE name NOT IN ('checksum', ?)", tb.name, tb.idCol)
		for rows.Next() {
			var c string
			rows.Scan(&c)
			cols = append(cols, c)
		}
		rows.Close()
		for _, c := range cols {
			rows, err := db.Query("SELECT "+tb.idCol+", "+saved+", "+c+" FROM "+tb.name, nil...)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id, day string
				var v any
				if err := rows.Scan(&id, &day, &v); err != nil {
					t.Fatal(err)
				}
				switch x := v.(type) {
				case string:
					if vault.IsSealed(x) {
						cells = append(cells, sealedCell{tb.name, tb.idCol, id, c, day, false, []byte(x)})
					}
				case []byte:
					if vault.IsSealedBytes(x) {
						cells = append(cells, sealedCell{tb.name, tb.idCol, id, c, day, true, append([]byte(nil), x...)})
					} else if vault.IsSealed(string(x)) {
						cells = append(cells, sealedCell{tb.name, tb.idCol, id, c, day, false, append([]byte(nil), x...)})
					}
				}
			}
			rows.Close()
		}
	}
	return cells
}

// flipped is the stored value with one random bit flipped past its
// marker: in the nonce, the ciphertext or the tag.
func flipped(r *rand.Rand, c sealedCell) any {
	if c.blob {
		b := append([]byte(nil), c.stored...)
		at := 4 + r.IntN(len(b)-4) // past the 4-byte marker
		b[at] ^= 1 << r.IntN(8)
		return b
	}
	box, err := base64.RawStdEncoding.DecodeString(strings.TrimPrefix(string(c.stored), vault.Prefix))
	if err != nil {
		panic(err)
	}
	box[r.IntN(len(box))] ^= 1 << r.IntN(8)
	return vault.Prefix + base64.RawStdEncoding.EncodeToString(box)
}

// put stores v in the cell, with the record's checksum to match.
func put(t *testing.T, db *sql.DB, c sealedCell, v any) {
	t.Helper()
	query := "UPDATE settings SET value = ?1 WHERE key = ?2"
	if c.table != "settings" {
		cols := summedCols(t, db, c.table)
		exprs := []string{"'" + strings.Join(cols, ",") + "'"}
		for _, col := range cols {
			if col == c.col {
				col = "?1"
			}
			exprs = append(exprs, col)
		}
		query = "UPDATE " + c.table + " SET " + c.col + " = ?1, checksum = record_sum(" + strings.Join(exprs, ", ") +
			") WHERE " + c.idCol + " = ?2"
	}
	if _, err := db.Exec(query, v, c.id); err != nil {
		t.Fatal(err)
	}
}

// read reads the record holding the cell as the window would, returning
// what it read (to compare) or the error.
func read(ctx context.Context, st *store.Store, db *sql.DB, c sealedCell) (any, error) {
	switch c.table {
	case "people":
		return st.Person(ctx, c.id)
	case "contacts":
		return st.Contact(ctx, c.id)
	case "requests":
		return st.Request(ctx, c.id)
	case "letters":
		return st.Letter(ctx, c.id)
	case "steps":
		var req string
		db.QueryRow("SELECT request_id FROM steps WHERE id = ?", c.id).Scan(&req)
		return st.StepsFor(ctx, req)
	case "attachments":
		name, b, err := st.AttachedFile(ctx, c.id)
		return [2]any{name, b}, err
	case "settings":
		return st.Setting(ctx, c.id)
	}
	return nil, fmt.Errorf("no way to read %s", c.table)
}

func TestEveryFlipInEverySealedFieldIsCaught(t *testing.T) {
	if testing.Short() {
		t.Skip("the byte-flip trial is slow")
	}
	ctx := context.Background()
	today := data.MustDate(2026, 3, 2)
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveBatch(ctx, demo.Build(12, 5, today)); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSender(ctx, demo.Advocate); err != nil {
		t.Fatal(err)
	}
	// Every personal field filled in somewhere, an edited letter, an
	// attached file and an unfinished request: every kind of sealed value.
	all, _ := st.LoadAll(ctx)
	p := all.People[0]
	p.Notes, p.ConsentOn, p.ConsentScope, p.Flags = "Prefers a call after 4pm", today, "Letters about her knee", []string{"interpreter"}
	p.Pronouns, p.Title, p.NHSName, p.Relationship = data.PronounsShe, data.TitleMs, "Margaret Ann Ellis", "my client"
	p.Email, p.Phone, p.NHSNumber = "m.ellis@example.org", "01632 960 111", "943 476 5919"
	if err := st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	rq := all.Requests[0]
	rq.PersonID = p.ID
	rq.Admissions, rq.TestsAndAssessments, rq.RiskAssessment = "Two in 2024", "MRI in May", "Low"
	rq.Questions, rq.Timescale, rq.AlreadyTried = "Is surgery needed?", "Within a month", "Physiotherapy"
	rq.UnwellSince, rq.MedicationsTried, rq.SideEffects, rq.CurrentMedication = "2023", "Naproxen", "Nausea", "Codeine"
	rq.Condition, rq.Treatment, rq.Reason, rq.OutcomeWanted, rq.Problems = "Knee pain", "Surgery", "Not examined", "A review", "Walking"
	if err := st.SaveRequest(ctx, &rq); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveLetter(ctx, &data.Letter{RequestID: rq.ID, Kind: data.KindReviewTreatment,
		Body: "Dear Dr Shah,\n\nMy own words about the knee."}); err != nil {
		t.Fatal(err)
	}
	scan := []byte("%PDF-1.4 a scanned reply from the clinic, page one")
	if err := st.AddStepWithFile(ctx, &data.Step{RequestID: all.Requests[0].ID, On: today, Kind: data.StepReply,
		Outcome: data.OutcomeRefused, Summary: "Refused by telephone"}, "reply.pdf", scan); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, store.SettingDraft, `{"person":"`+all.People[0].ID+`","reason":"a draft reason"}`); err != nil {
		t.Fatal(err)
	}
	all, _ = st.LoadAll(ctx)
	var words []string // what people said and who they are, none of which a report may hold
	for _, p := range all.People {
		words = append(words, p.Name, p.Address, p.Notes, p.NHSNumber, p.Email, p.Phone)
	}
	for _, r := range all.Requests {
		words = append(words, r.Condition, r.Treatment, r.Reason, r.Problems, r.OutcomeWanted)
	}
	for _, x := range all.Steps {
		words = append(words, x.Summary)
	}
	for _, c := range all.Contacts {
		words = append(words, c.Name, c.Address)
	}
	rk, _ := vault.NewRecoveryKey()
	if _, err := st.Protect(ctx, "harbour kettle juniper nine", rk); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, store.FileName)+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cells := sealedCells(t, db)
	kinds := map[string]int{}
	for _, c := range cells {
		kinds[c.table+"."+c.col]++
	}
	// Every column the store seals (sealed.go) is in the trial.
	for table, cols := range map[string]string{
		"people":   "name date_of_birth address phone email nhs_number notes consent_scope flags pronouns title nhs_name relationship",
		"contacts": "name address email phone notes",
		"requests": "condition treatment reason outcome_wanted unwell_since admissions medications_tried current_medication " +
			"problems side_effects already_tried tests_and_assessments risk_assessment questions timescale",
		"letters": "body", "steps": "summary due_what attachment", "attachments": "name content", "settings": "value",
	} {
		for _, col := range strings.Fields(cols) {
			if kinds[table+"."+col] == 0 {
				t.Errorf("no sealed %s.%s in the trial", table, col)
			}
		}
	}

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(os.Getpid())))
	var found, refused int
	start := time.Now()
	for round := 0; round < *sealedFlipRounds; round++ {
		trialRound(t, ctx, st, db, r, cells, words, &found, &refused)
	}
	if err := st.Check(ctx); err != nil {
		t.Fatalf("after putting every value back: %v", err)
	}
	t.Logf("%d sealed fields in %d kinds, %d flips: %d found by the check, %d refused on reading (%v)",
		len(cells), len(kinds), len(cells)**sealedFlipRounds, found, refused, time.Since(start).Round(time.Millisecond))
}

// trialRound flips every sealed field once, checks and reads, and puts it
// back.
func trialRound(t *testing.T, ctx context.Context, st *store.Store, db *sql.DB, r *rand.Rand, cells []sealedCell, words []string, found, refused *int) {
	for _, c := range cells {
		put(t, db, c, flipped(r, c))
		err := st.Check(ctx)
		var d store.RecordDamage
		switch {
		case !errors.As(err, &d):
			t.Errorf("a flip in %s.%s of %s was not found by the check: %v", c.table, c.col, c.id, err)
		case len(d) != 1 || d[0].Kind != c.table || d[0].Saved != c.day || d[0].N != 1:
			t.Errorf("a flip in %s.%s (saved %s) was reported as %+v", c.table, c.col, c.day, d)
		default:
			*found++
			msg := data.Message(err)
			for _, w := range words {
				if len(w) >= 4 && strings.Contains(msg, w) {
					t.Errorf("the report of a flip in %s.%s shows %q: %s", c.table, c.col, w, msg)
				}
			}
		}
		if v, err := read(ctx, st, db, c); err == nil {
			t.Errorf("a flip in %s.%s of %s was read as %v", c.table, c.col, c.id, v)
		} else if !errors.Is(err, store.ErrDamaged) {
			t.Errorf("reading a flip in %s.%s: %v, want damage", c.table, c.col, err)
		} else {
			*refused++
		}
		put(t, db, c, c.stored)
	}
}
