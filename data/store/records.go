package store

import (
	"cmp"
	"context"
	"strconv"

	"secondopinion/data"
)

// Records is the whole caseload, as the agenda, reports and lists need it.
type Records struct {
	People   []data.Person
	Requests []data.Request
	Steps    []data.Step // grouped by request, oldest first within each
	Contacts []data.Contact
}

// LoadAll reads every person, request, step and contact.
func (s *Store) LoadAll(ctx context.Context) (Records, error) {
	r, requests, steps, err := ReadAllAs(ctx, s, ReadAs[data.Request, data.Step]{
		Request: func(q *data.Request) data.Request { return *q },
		Step:    func(st *data.Step) data.Step { return *st },
	})
	if err != nil {
		return Records{}, err
	}
	r.Requests, r.Steps = requests, steps
	r.share()
	r.shareSteps()
	return r, nil
}

// ReadAs says what a reading of the whole caseload keeps of each request
// and step (see ReadAllAs).
type ReadAs[R, S any] struct {
	// People, if not nil, is handed the people as soon as they are read,
	// before any request is, to make of them what it needs (it may change
	// them).
	People  func([]data.Person)
	Request func(*data.Request) R
	Step    func(*data.Step) S
	// Brief, if set, reads each request without what only its letters and
	// its own screen need (see requestForLetters): its background but for
	// the problems and side effects, a clinician's questions, the way to
	// reply and UpdatedAt come to Request empty. Each step's LetterID and
	// Attachment, which only its request's screen reads, come to Step
	// empty (see stepForTimeline).
	Brief bool
}

// ReadAllAs reads every person and contact, and keeps of each request and
// step only what how makes of it, as each is read: requests in order of
// creation, steps grouped by request and oldest first within each (the
// order LoadAll gives them in). The records' Requests and Steps are left
// empty. With 50,000 people, holding every request whole until all were
// read was a hundred megabytes more at the height of signing in.
//
// The steps, as many as the rest together, are read beside the others on
// a connection of their own: on a team's server that cut a third off the
// time to sign in with 50,000 people.
func ReadAllAs[R, S any](ctx context.Context, s *Store, how ReadAs[R, S]) (Records, []R, []S, error) {
	var r Records
	var requests []R
	var steps []S
	var stepsErr error
	stepsRead := make(chan struct{})
	go func() {
		defer close(stepsRead)
		steps, stepsErr = AllStepsAs(ctx, s, how.Step, how.Brief)
	}()
	err := func() (err error) {
		if r.People, err = s.People(ctx); err != nil {
			return err
		}
		if how.People != nil {
			how.People(r.People)
		}
		if requests, err = requestsAs(ctx, s, how.Request, how.Brief); err != nil {
			return err
		}
		r.Contacts, err = s.Contacts(ctx)
		return err
	}()
	<-stepsRead
	if err = cmp.Or(err, stepsErr); err != nil {
		return Records{}, nil, nil, err
	}
	return r, requests, steps, nil
}

// share makes the records point at one copy of each text they repeat: a
// request names its person, and kinds, outcomes and what is owed come
// back from the database as a new string on every row. For a caseload of
// 50,000 people that is tens of megabytes held for nothing.
func (r *Records) share() {
	word := data.Words()
	people := make(map[string]string, len(r.People))
	for i := range r.People {
		p := &r.People[i]
		people[p.ID] = p.ID
		p.Nation = data.Nation(word(string(p.Nation)))
		p.Pronouns = data.Pronouns(word(string(p.Pronouns)))
		p.Title = data.Title(word(string(p.Title)))
	}
	for i := range r.Requests {
		q := &r.Requests[i]
		if id, ok := people[q.PersonID]; ok {
			q.PersonID = id
		}
		q.Subject = data.Subject(word(string(q.Subject)))
		q.Route = data.Route(word(string(q.Route)))
		q.AskedBy = data.AskedBy(word(string(q.AskedBy)))
		q.AskedHow = data.AskedHow(word(string(q.AskedHow)))
		q.ReasonCategory = data.ReasonCategory(word(string(q.ReasonCategory)))
		q.ReplyMethod = data.ReplyMethod(word(string(q.ReplyMethod)))
		q.RecipientID = word(q.RecipientID)
	}
}

// shareSteps is share for the steps: each names its request, as well.
func (r *Records) shareSteps() {
	word := data.Words()
	requests := make(map[string]string, len(r.Requests))
	for _, q := range r.Requests {
		requests[q.ID] = q.ID
	}
	for i := range r.Steps {
		st := &r.Steps[i]
		if id, ok := requests[st.RequestID]; ok {
			st.RequestID = id
		}
		st.Kind = data.StepKind(word(string(st.Kind)))
		st.Outcome = data.Outcome(word(string(st.Outcome)))
		st.LetterKind = word(st.LetterKind)
		st.SentHow = data.SentHow(word(string(st.SentHow)))
		st.DueWhat = word(st.DueWhat)
	}
}

// ChaseDays is the user's chase period in days, or 0 when it was never set
// (the rules then use their default).
func (s *Store) ChaseDays(ctx context.Context) int {
	v, err := s.Setting(ctx, SettingChaseDays)
	if err != nil {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0
	}
	return n
}
