package store

import (
	"context"

	"secondopinion/data"
)

// Together is a request saved with the records it brings along: a person
// or contact added on the way, and a letter already given or sent. Nil
// parts are left out.
type Together struct {
	Person  *data.Person  // a new or changed person; the request is theirs
	Contact *data.Contact // a new or changed contact; the request goes to them
	Request *data.Request
	Letter  *data.Letter // a sent letter of the request, with Step its "letter sent" step
	Step    *data.Step
}

// SaveTogether saves every part in one transaction, wiring the new ids
// between them: all are saved, or none, so trying again after a failure
// never leaves a second copy of the person behind. The parts are updated
// only on success.
func (s *Store) SaveTogether(ctx context.Context, t Together) error {
	var person data.Person
	var contact data.Contact
	req := *t.Request
	if t.Person != nil {
		person = *t.Person
		person.NHSNumber = data.NormaliseNHSNumber(person.NHSNumber)
		if err := person.Validate(); err != nil {
			return err
		}
		s.stamp(&person.ID, &person.CreatedAt, &person.UpdatedAt)
		req.PersonID = person.ID
	}
	if t.Contact != nil {
		contact = *t.Contact
		if err := contact.Validate(); err != nil {
			return err
		}
		s.stamp(&contact.ID, &contact.CreatedAt, &contact.UpdatedAt)
		req.RecipientID = contact.ID
	}
	if err := req.Validate(); err != nil {
		return err
	}
	s.stamp(&req.ID, &req.CreatedAt, &req.UpdatedAt)
	var letter data.Letter
	var step data.Step
	if t.Letter != nil {
		letter, step = *t.Letter, *t.Step
		letter.RequestID = req.ID
		s.stamp(&letter.ID, &letter.CreatedAt, &letter.UpdatedAt)
		step.RequestID, step.Kind, step.LetterID, step.LetterKind = req.ID, data.StepLetterSent, letter.ID, letter.Kind
		step.ID = ""
		s.stamp(&step.ID, &step.CreatedAt, nil)
		if err := letter.Validate(); err != nil {
			return err
		}
		if err := step.Validate(); err != nil {
			return err
		}
	}
	// The versions saved are set once all is saved: a retried save must
	// send the versions it read.
	var personV, contactV, requestV, letterV int
	err := s.inTx(ctx, func(tx txn) (err error) {
		if t.Person != nil {
			if personV, err = s.saveRecord(ctx, tx, "people", person.ID, savePersonSQL[s.d], s.sealed("people", personCols, personArgs(person))); err != nil {
				return err
			}
		}
		if t.Contact != nil {
			if contactV, err = s.saveRecord(ctx, tx, "contacts", contact.ID, saveContactSQL[s.d], s.sealed("contacts", contactCols, contactArgs(contact))); err != nil {
				return err
			}
		}
		if requestV, err = s.saveRecord(ctx, tx, "requests", req.ID, saveRequestSQL[s.d], s.sealed("requests", requestCols, requestArgs(req))); err != nil {
			return err
		}
		if t.Letter != nil {
			if letterV, err = s.saveLetter(ctx, tx, letter); err != nil {
				return err
			}
			return s.insertStep(ctx, tx, step)
		}
		return nil
	})
	if err != nil {
		return err
	}
	person.Version, contact.Version, req.Version, letter.Version = personV, contactV, requestV, letterV
	if t.Person != nil {
		*t.Person = person
	}
	if t.Contact != nil {
		*t.Contact = contact
	}
	*t.Request = req
	if t.Letter != nil {
		*t.Letter, *t.Step = letter, step
	}
	return nil
}
