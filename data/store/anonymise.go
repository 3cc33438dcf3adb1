package store

import (
	"context"
	"database/sql"
	"strings"

	"secondopinion/data"
)

// Anonymising is the other end of the retention period: where erasing
// takes everything, anonymising keeps the person's requests (when they
// were made, their route, subject, reason, who asked and how, and what
// happened, with every date) so that the figures for past periods stay as
// they were, and takes away everything that says who the person is or what
// they said: their details, the words of their requests, their letters'
// words, what was noted on their timeline and their attached files. As
// with erasing, it is one rewrite with secure_delete on, the file rebuilt
// and its log emptied, so none of the words stay in the database or its
// log.

// AnonymisedName is the name an anonymised person is listed under.
const AnonymisedName = "Anonymised person"

// Anonymised is what anonymising a person took away, for telling the user.
type Anonymised struct {
	Name         string // the name they had, for the message
	Requests     int    // requests kept, with their words taken out
	Letters      int    // letters as sent, kept without their words
	Drafts       int    // letters never sent, deleted
	Steps        int    // steps kept, with what was noted taken out
	Attachments  int    // attached files deleted
	Settings     int    // settings that referred to them (an unfinished request)
	OpenedCopies int    // copies of their attached replies in the opened folder
	LogCleared   bool   // as for Erased
}

// The columns anonymising empties, in each table. What stays is what the
// figures count: kinds, routes, outcomes, dates, nations, and the links
// between records. The name becomes AnonymisedName.
var (
	anonPersonCols  = []string{"date_of_birth", "address", "phone", "email", "nhs_number", "notes", "consent_on", "consent_scope", "flags", "pronouns", "title", "nhs_name", "relationship"}
	anonRequestCols = []string{"condition", "treatment", "reason", "outcome_wanted", "unwell_since", "admissions", "medications_tried", "current_medication", "problems", "side_effects", "already_tried", "tests_and_assessments", "risk_assessment", "questions", "timescale"}
	anonLetterCols  = []string{"body"}
	anonStepCols    = []string{"summary", "attachment"}
)

// AnonymisePerson takes away the identity of the person with this id, on
// the day given, keeping their requests for the figures (see above).
// Contacts (doctors, bodies) are not theirs and stay as they are.
func (s *Store) AnonymisePerson(ctx context.Context, id string, on data.Date) (Anonymised, error) {
	var a Anonymised
	if _, err := s.keyFor(); err != nil {
		return a, err // protected and locked
	}
	if s.ro {
		return a, &data.UserError{Message: "The records can only be read, so no one can be anonymised in them. " +
			"Please check the data folder's permissions."}
	}
	var attached []attachedName
	cleared, err := s.rewrite(ctx, true, func(tx *sql.Tx) error {
		if err := s.anonymiseIn(ctx, tx, id, on, &a, &attached); err != nil {
			return err
		}
		if err := s.note(ctx, tx, AuditAnonymised, AuditPerson, id); err != nil {
			return err
		}
		var e Erased // the settings naming them go as when erasing
		if err := s.eraseSealedSettings(ctx, tx, id, &e); err != nil {
			return err
		}
		a.Settings += e.Settings
		return nil
	})
	if err != nil {
		return Anonymised{}, err
	}
	e := Erased{Name: a.Name}
	s.openErased(id, &e, attached)
	a.Name = e.Name
	a.LogCleared = cleared
	a.OpenedCopies = removeOpened(s.dir, attached)
	return a, nil
}

// anonymiseIn rewrites the person's rows in tx, counting them.
func (s *Store) anonymiseIn(ctx context.Context, tx *sql.Tx, id string, on data.Date, a *Anonymised, attached *[]attachedName) error {
	var done string
	err := tx.QueryRowContext(ctx, "SELECT name, anonymised_on FROM people WHERE id = ?", id).Scan(&a.Name, &done)
	if err == sql.ErrNoRows {
		return errNotFound
	}
	if err != nil {
		return err
	}
	if done != "" {
		return &data.UserError{Message: "This person was anonymised already, on " + done + "."}
	}
	if err := attachedTo(ctx, tx, id, attached); err != nil {
		return err
	}
	name := s.sealed("people", []string{"id", "name"}, []any{id, AnonymisedName})[1]
	steps := []struct {
		query string
		args  []any
		count *int
	}{
		{"DELETE FROM attachments WHERE step_id IN (" + theirSteps + ")", []any{id}, &a.Attachments},
		{"DELETE FROM letters WHERE sent_on = '' AND request_id IN (" + theirRequests + ")", []any{id}, &a.Drafts},
		{s.d.emptySQL("letters", letterCols, anonLetterCols, nil, "request_id IN ("+theirRequests+")"), []any{id}, &a.Letters},
		{s.d.emptySQL("steps", stepCols, anonStepCols, nil, "request_id IN ("+theirRequests+")"), []any{id}, &a.Steps},
		{s.d.emptySQL("requests", requestCols, anonRequestCols, nil, "person_id = ?1"), []any{id}, &a.Requests},
		{"DELETE FROM settings WHERE key <> '" + settingCommits + "' AND value LIKE '%' || ?1 || '%'", []any{id}, &a.Settings},
		{s.d.emptySQL("people", personCols, anonPersonCols, []string{"name", "anonymised_on", "updated_at"}, "id = ?4"),
			[]any{name, on.String(), formatTime(s.now()), id}, nil},
	}
	for _, st := range steps {
		res, err := tx.ExecContext(ctx, st.query, st.args...)
		if err != nil {
			return err
		}
		if st.count != nil {
			n, _ := res.RowsAffected()
			*st.count = int(n)
		}
	}
	return nil
}

// attachedTo lists the files attached to the person's steps.
func attachedTo(ctx context.Context, tx *sql.Tx, id string, attached *[]attachedName) error {
	rows, err := tx.QueryContext(ctx, "SELECT step_id, name FROM attachments WHERE step_id IN ("+theirSteps+")", id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a attachedName
		if err := rows.Scan(&a.stepID, &a.name); err != nil {
			return err
		}
		*attached = append(*attached, a)
	}
	return rows.Err()
}

// emptySQL is an UPDATE of table (whose columns are all) that empties the
// columns blank and sets the columns set to the parameters ?1, ?2… in
// order, for the rows where holds, with each row's checksum computed from
// its new values.
func (d dialect) emptySQL(table string, all, blank, set []string, where string) string {
	at := map[string]string{}
	for _, c := range blank {
		at[c] = "''"
	}
	for i, c := range set {
		at[c] = param(i, c)
	}
	var sets []string
	for _, c := range append(append([]string(nil), blank...), set...) {
		sets = append(sets, c+" = "+at[c])
	}
	value := func(_ int, c string) string {
		if v, ok := at[c]; ok {
			return v
		}
		return c
	}
	sets = append(sets, checksumCol+" = "+d.sumExpr(all, value))
	return "UPDATE " + table + " SET " + strings.Join(sets, ", ") + " WHERE " + where
}
