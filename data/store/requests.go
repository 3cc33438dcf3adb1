package store

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"secondopinion/data"
)

var requestCols = []string{"id", "person_id", "subject", "route", "asked_by", "asked_how", "reason_category",
	"on_behalf", "recipient_id", "condition", "treatment", "raised_with_doctor", "reason", "outcome_wanted",
	"unwell_since", "admissions", "medications_tried", "current_medication", "problems", "side_effects",
	"already_tried", "reply_method", "tests_and_assessments", "risk_assessment", "questions", "timescale",
	"created_at", "updated_at", "version"}

var (
	saveRequestSQL   = forEach(func(d dialect) string { return d.upsertSQL("requests", requestCols) })
	selectRequestSQL = "SELECT " + joinCols(requestCols) + " FROM requests"
)

func scanRequest(row scanner) (data.Request, error) {
	var r data.Request
	err := row.Scan(requestFields(&r)...)
	return r, err
}

// requestFields are where a request's columns go, in requestCols order.
func requestFields(r *data.Request) []any {
	return []any{&r.ID, &r.PersonID, &r.Subject, &r.Route, &r.AskedBy, &r.AskedHow, &r.ReasonCategory,
		&r.OnBehalf, textOrNull{&r.RecipientID}, &r.Condition, &r.Treatment, &r.RaisedWithDoctor, &r.Reason,
		&r.OutcomeWanted, &r.UnwellSince, &r.Admissions, &r.MedicationsTried, &r.CurrentMedication, &r.Problems,
		&r.SideEffects, &r.AlreadyTried, &r.ReplyMethod, &r.TestsAndAssessments, &r.RiskAssessment, &r.Questions,
		&r.Timescale, timeField{&r.CreatedAt}, timeField{&r.UpdatedAt}, &r.Version}
}

func requestArgs(r data.Request) []any {
	return []any{r.ID, r.PersonID, string(r.Subject), string(r.Route), string(r.AskedBy), string(r.AskedHow),
		string(r.ReasonCategory), boolInt(r.OnBehalf), nullID(r.RecipientID), r.Condition, r.Treatment,
		boolInt(r.RaisedWithDoctor), r.Reason, r.OutcomeWanted, r.UnwellSince, r.Admissions, r.MedicationsTried,
		r.CurrentMedication, r.Problems, r.SideEffects, r.AlreadyTried, string(r.ReplyMethod),
		r.TestsAndAssessments, r.RiskAssessment, r.Questions, r.Timescale,
		formatTime(r.CreatedAt), formatTime(r.UpdatedAt), r.Version}
}

// SaveRequest validates and saves a request, giving a new one its id. A
// draft may be saved with only its person and subject.
func (s *Store) SaveRequest(ctx context.Context, r *data.Request) error {
	if err := r.Validate(); err != nil {
		return err
	}
	saved := *r
	s.stamp(&saved.ID, &saved.CreatedAt, &saved.UpdatedAt)
	var version int // set once saved: a retried save must send the version it read
	err := s.inTx(ctx, func(tx txn) (err error) {
		version, err = s.saveRecord(ctx, tx, "requests", saved.ID, saveRequestSQL[s.d],
			s.sealed("requests", requestCols, requestArgs(saved)))
		return err
	})
	if err == nil {
		saved.Version = version
		*r = saved
	}
	return err
}

// Request returns one request.
func (s *Store) Request(ctx context.Context, id string) (data.Request, error) {
	return queryOne(ctx, s.db, opened(s, "requests", requestCols, scanRequest), selectRequestSQL+" WHERE id = ?", id)
}

// Requests returns every request, oldest first.
func (s *Store) Requests(ctx context.Context) ([]data.Request, error) {
	return queryListSorted(ctx, s, "requests", requestCols, requestFields, nil, creationKey, creation.compare, selectRequestSQL)
}

// requestsAs is Requests keeping of each only what keep makes of it, as it
// is read, in the same order; without the columns of requestForLetters
// when brief.
func requestsAs[U any](ctx context.Context, s *Store, keep func(*data.Request) U, brief bool) ([]U, error) {
	if brief {
		return queryListKeptAs(ctx, s, "requests", requestBriefCols, requestBriefFields, nil, keep, creationKey, creation.compare, selectRequestBriefSQL)
	}
	return queryListKeptAs(ctx, s, "requests", requestCols, requestFields, nil, keep, creationKey, creation.compare, selectRequestSQL)
}

// requestForLetters are the columns of a request that only its letters
// and its own screen read: the background a letter draws on (save the
// problems and side effects, which the search looks in), a clinician's
// questions, the way to reply, and when it was last saved. A reading of
// the whole caseload for its lists, rules and search leaves them out
// (ReadAs.Brief): on a team's server they were a third of each request's
// columns, each read, boxed and let go at every sign-in.
var requestForLetters = []string{"unwell_since", "admissions", "medications_tried", "current_medication",
	"already_tried", "reply_method", "tests_and_assessments", "risk_assessment", "questions", "timescale", "updated_at"}

// requestBriefCols are requestCols without requestForLetters, in the same
// order: the id first, as a protected caseload's fields are opened with it.
var requestBriefCols = slices.DeleteFunc(slices.Clone(requestCols), func(c string) bool { return slices.Contains(requestForLetters, c) })

var selectRequestBriefSQL = "SELECT " + joinCols(requestBriefCols) + " FROM requests"

// requestBriefFields are where requestBriefCols go: requestFields' places
// for those columns.
func requestBriefFields(r *data.Request) []any {
	return placesOf(requestFields(r), requestCols, requestForLetters)
}

// placesOf is the places of all (one for each of cols) but those of the
// columns left out.
func placesOf(all []any, cols, leftOut []string) []any {
	places := make([]any, 0, len(cols)-len(leftOut))
	for i, c := range cols {
		if !slices.Contains(leftOut, c) {
			places = append(places, all[i])
		}
	}
	return places
}

type creation struct {
	at int64
	id string
}

func creationKey(r *data.Request) creation { return creation{r.CreatedAt.UnixNano(), r.ID} }

func (a creation) compare(b creation) int {
	return cmp.Or(cmp.Compare(a.at, b.at), strings.Compare(a.id, b.id))
}

// RequestsFor returns one person's requests, oldest first (see oldestFirst).
func (s *Store) RequestsFor(ctx context.Context, personID string) ([]data.Request, error) {
	list, err := queryList(ctx, s.db, opened(s, "requests", requestCols, scanRequest), selectRequestSQL+" WHERE person_id = ?", personID)
	slices.SortFunc(list, func(a, b data.Request) int { return oldestFirst(a.CreatedAt, a.ID, b.CreatedAt, b.ID) })
	return list, err
}

// DeleteRequest deletes a request with its letters and steps.
func (s *Store) DeleteRequest(ctx context.Context, id string) error {
	return s.deleteByID(ctx, "requests", id)
}
