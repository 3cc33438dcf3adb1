package store

import (
	"context"

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
	return s.inTx(ctx, func(tx txn) error {
		for _, p := range b.People {
			if _, err := tx.ExecContext(ctx, savePersonSQL, personArgs(p)...); err != nil {
				return err
			}
		}
		for _, c := range b.Contacts {
			if _, err := tx.ExecContext(ctx, saveContactSQL, contactArgs(c)...); err != nil {
				return err
			}
		}
		for _, r := range b.Requests {
			if _, err := tx.ExecContext(ctx, saveRequestSQL, requestArgs(r)...); err != nil {
				return err
			}
		}
		for _, l := range b.Letters {
			if err := s.saveLetter(ctx, tx, l); err != nil {
				return err
			}
		}
		for _, st := range b.Steps {
			if err := insertStep(ctx, tx, st); err != nil {
				return err
			}
		}
		return nil
	})
}
