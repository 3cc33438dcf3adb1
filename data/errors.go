package data

import (
	"errors"
	"strings"
)

// Problem is one thing wrong with what a person typed, in words they
// understand, tied to the field it belongs beside.
type Problem struct {
	Field   string // the record's field name, e.g. "DateOfBirth"
	Message string
}

// Problems is every problem found in a record. It is an error so that a
// save can refuse with it; the UI shows each message beside its field.
type Problems []Problem

func (p Problems) Error() string {
	msgs := make([]string, len(p))
	for i, pr := range p {
		msgs[i] = pr.Message
	}
	return strings.Join(msgs, "\n")
}

// For returns the message for one field, or "".
func (p Problems) For(field string) string {
	for _, pr := range p {
		if pr.Field == field {
			return pr.Message
		}
	}
	return ""
}

func (p *Problems) add(field, msg string) { *p = append(*p, Problem{field, msg}) }

// orNil turns an empty list into a nil error.
func (p Problems) orNil() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

// Error kinds that storage returns; each has a message safe to show.
var (
	ErrNotFound = errors.New("that record could not be found: it may have been deleted")
)

// UserError is an error whose message is written for the person using the
// program: what went wrong and what to do about it.
type UserError struct {
	Message string
	Err     error // the underlying cause, for logs; never shown
}

func (e *UserError) Error() string { return e.Message }
func (e *UserError) Unwrap() error { return e.Err }

// Message returns text safe to show a person for any error: a user error's
// own words, each validation problem, or a general apology otherwise.
func Message(err error) string {
	if err == nil {
		return ""
	}
	var ue *UserError
	var ps Problems
	switch {
	case errors.As(err, &ue):
		return ue.Message
	case errors.As(err, &ps):
		return ps.Error()
	case errors.Is(err, ErrNotFound):
		return ErrNotFound.Error()
	}
	return "Something went wrong inside the program, and nothing was changed. Please try again; if it happens again, make a backup and ask for help."
}
