package store

import (
	"context"
	"database/sql"
	"errors"

	"secondopinion/data"
)

// Batch is many records saved together: a demo caseload or an import.
type Batch struct {
	People   []data.Person
	Contacts []data.Contact
	Requests []data.Request
	Letters  []data.Letter
	Steps    []data.Step
}

// SaveBatch validates every record and saves them all in one transaction:
// thousands of records in one commit, and none of them if any is refused.
// Records without ids get new ones, so references must already be set.
func (s *Store) SaveBatch(ctx context.Context, b *Batch) error {
	for i := range b.People {
		b.People[i].NHSNumber = data.NormaliseNHSNumber(b.People[i].NHSNumber)
		if err := b.People[i].Validate(); err != nil {
			return err
		}
		p := &b.People[i]
		s.stamp(&p.ID, &p.CreatedAt, &p.UpdatedAt)
	}
	for i := range b.Contacts {
		if err := b.Contacts[i].Validate(); err != nil {
			return err
		}
		c := &b.Contacts[i]
		s.stamp(&c.ID, &c.CreatedAt, &c.UpdatedAt)
	}
	for i := range b.Requests {
		if err := b.Requests[i].Validate(); err != nil {
			return err
		}
		r := &b.Requests[i]
		s.stamp(&r.ID, &r.CreatedAt, &r.UpdatedAt)
	}
	for i := range b.Letters {
		if err := b.Letters[i].Validate(); err != nil {
			return err
		}
		l := &b.Letters[i]
		s.stamp(&l.ID, &l.CreatedAt, &l.UpdatedAt)
	}
	for i := range b.Steps {
		if err := b.Steps[i].Validate(); err != nil {
			return err
		}
		st := &b.Steps[i]
		s.stamp(&st.ID, &st.CreatedAt, nil)
	}
	// Each statement is prepared once for the whole batch: SQLite would
	// otherwise parse it again for every record.
	// The versions saved are set once all is saved: if nothing is, the
	// records stay as they were read, and a retried save must send the
	// versions it read.
	var saved map[*int]int
	err := s.inTx(ctx, func(tx txn) error {
		saved = map[*int]int{}
		when, who := formatTime(s.now()), s.Who()
		for _, part := range []struct {
			table   string
			query   string
			n       int
			id      func(i int) string
			args    func(i int) []any
			version func(i int) *int // where a versioned record's new version goes; nil for steps
		}{
			{"people", savePersonSQL[s.d], len(b.People), func(i int) string { return b.People[i].ID },
				func(i int) []any { return s.sealed("people", personCols, personArgs(b.People[i])) },
				func(i int) *int { return &b.People[i].Version }},
			{"contacts", saveContactSQL[s.d], len(b.Contacts), func(i int) string { return b.Contacts[i].ID },
				func(i int) []any { return s.sealed("contacts", contactCols, contactArgs(b.Contacts[i])) },
				func(i int) *int { return &b.Contacts[i].Version }},
			{"requests", saveRequestSQL[s.d], len(b.Requests), func(i int) string { return b.Requests[i].ID },
				func(i int) []any { return s.sealed("requests", requestCols, requestArgs(b.Requests[i])) },
				func(i int) *int { return &b.Requests[i].Version }},
			{"letters", saveLetterSQL[s.d], len(b.Letters), func(i int) string { return b.Letters[i].ID },
				func(i int) []any { return s.sealed("letters", letterCols, letterArgs(b.Letters[i])) },
				func(i int) *int { return &b.Letters[i].Version }},
			{"steps", insertStepSQL[s.d], len(b.Steps), func(i int) string { return b.Steps[i].ID },
				func(i int) []any { return s.sealed("steps", stepCols, stepArgs(b.Steps[i])) }, nil},
		} {
			if part.n == 0 {
				continue
			}
			stmt, err := tx.PrepareContext(ctx, part.query)
			if err != nil {
				return err
			}
			// A file notes each save in its audit log; a server's triggers do.
			var note *sql.Stmt
			if s.d == onSQLite {
				if note, err = tx.PrepareContext(ctx, noteSaveSQL(part.table)); err != nil {
					stmt.Close()
					return err
				}
			}
			for i := 0; i < part.n && err == nil; i++ {
				if note != nil {
					if _, err = note.ExecContext(ctx, when, who, part.id(i)); err != nil {
						break
					}
				}
				if part.version == nil {
					_, err = stmt.ExecContext(ctx, part.args(i)...)
				} else {
					var v int
					if err = stmt.QueryRowContext(ctx, part.args(i)...).Scan(&v); errors.Is(err, sql.ErrNoRows) {
						err = conflict(part.table, part.id(i))
					}
					saved[part.version(i)] = v
				}
			}
			if note != nil {
				note.Close()
			}
			if cerr := stmt.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		for at, v := range saved {
			*at = v
		}
	}
	return err
}
