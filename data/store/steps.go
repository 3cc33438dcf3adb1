package store

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"secondopinion/data"
)

var stepCols = []string{"id", "request_id", "on_date", "kind", "outcome", "letter_id", "letter_kind", "summary",
	"due_on", "due_what", "minutes", "attachment", "sent_how", "received_on", "created_at", "no_reasons"}

var (
	insertStepSQL = forEach(func(d dialect) string { return d.insertSQL("steps", stepCols) })
	updateStepSQL = forEach(dialect.stepUpdateSQL)
	selectStepSQL = "SELECT " + joinCols(stepCols) + " FROM steps"
)

// stepForTimeline are the columns of a step that only its request's own
// screen reads: the letter it sent, and the file attached. A reading of
// the whole caseload for its lists, rules and search leaves them out
// (ReadAs.Brief): most of 160,000 steps name a letter, by an id of 36
// characters that the server wrote out and this desk read and let go.
var stepForTimeline = []string{"letter_id", "attachment"}

var (
	stepBriefCols      = slices.DeleteFunc(slices.Clone(stepCols), func(c string) bool { return slices.Contains(stepForTimeline, c) })
	selectStepBriefSQL = "SELECT " + joinCols(stepBriefCols) + " FROM steps"
)

// stepBriefFields are where stepBriefCols go: stepFields' places for
// those columns.
func stepBriefFields(st *data.Step) []any {
	return placesOf(stepFields(st), stepCols, stepForTimeline)
}

// stepChanges are the columns UpdateStep sets, in the order of its arguments.
var stepChanges = []string{"on_date", "kind", "outcome", "letter_id", "letter_kind", "summary", "due_on", "due_what",
	"minutes", "attachment", "sent_how", "received_on", "no_reasons"}

// stepUpdateSQL sets stepChanges and the checksum of the whole step; the
// last argument is the step's id.
func (d dialect) stepUpdateSQL() string {
	at := map[string]int{}
	var sets []string
	for i, c := range stepChanges {
		at[c] = i
		sets = append(sets, c+" = "+param(i, c))
	}
	value := func(_ int, c string) string {
		if i, ok := at[c]; ok {
			return param(i, c)
		}
		return c // unchanged: the stored value
	}
	sets = append(sets, checksumCol+" = "+d.sumExpr(stepCols, value))
	return "UPDATE steps SET " + strings.Join(sets, ", ") + " WHERE id = " + param(len(stepChanges), "id")
}

func scanStep(row scanner) (data.Step, error) {
	var st data.Step
	err := row.Scan(stepFields(&st)...)
	return st, err
}

// stepFields are where a step's columns go, in stepCols order.
func stepFields(st *data.Step) []any {
	return []any{&st.ID, &st.RequestID, dateField{&st.On}, &st.Kind, &st.Outcome, textOrNull{&st.LetterID},
		&st.LetterKind, &st.Summary, dateField{&st.DueOn}, &st.DueWhat, &st.Minutes, &st.Attachment,
		&st.SentHow, dateField{&st.ReceivedOn}, timeField{&st.CreatedAt}, &st.NoReasons}
}

func stepArgs(st data.Step) []any {
	return []any{st.ID, st.RequestID, st.On.String(), string(st.Kind),
		string(st.Outcome), nullID(st.LetterID), st.LetterKind, st.Summary, st.DueOn.String(), st.DueWhat,
		st.Minutes, st.Attachment, string(st.SentHow), st.ReceivedOn.String(), formatTime(st.CreatedAt), boolInt(st.NoReasons)}
}

func (s *Store) insertStep(ctx context.Context, tx txn, st data.Step) error {
	if err := s.note(ctx, tx, AuditCreated, kindOf["steps"], st.ID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, insertStepSQL[s.d], s.sealed("steps", stepCols, stepArgs(st))...)
	return err
}

// AddStep validates and adds a step to a request's timeline.
func (s *Store) AddStep(ctx context.Context, st *data.Step) error {
	if err := st.Validate(); err != nil {
		return err
	}
	saved := *st
	saved.ID = ""
	s.stamp(&saved.ID, &saved.CreatedAt, nil)
	err := s.inTx(ctx, func(tx txn) error { return s.insertStep(ctx, tx, saved) })
	if err == nil {
		*st = saved
	}
	return err
}

// UpdateStep saves changes to an existing step.
func (s *Store) UpdateStep(ctx context.Context, st data.Step) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx txn) error {
		res, err := tx.ExecContext(ctx, updateStepSQL[s.d], s.sealed("steps", stepUpdateCols, []any{st.On.String(), string(st.Kind),
			string(st.Outcome), nullID(st.LetterID), st.LetterKind, st.Summary, st.DueOn.String(), st.DueWhat, st.Minutes,
			st.Attachment, string(st.SentHow), st.ReceivedOn.String(), boolInt(st.NoReasons), st.ID})...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		return s.note(ctx, tx, AuditChanged, kindOf["steps"], st.ID)
	})
}

// Step returns one step.
func (s *Store) Step(ctx context.Context, id string) (data.Step, error) {
	return queryOne(ctx, s.db, opened(s, "steps", stepCols, scanStep), selectStepSQL+" WHERE id = ?", id)
}

// StepsFor returns a request's timeline, oldest first: by day, then as
// logged (see oldestFirst: steps logged within one second came back out
// of order when the database sorted them).
func (s *Store) StepsFor(ctx context.Context, requestID string) ([]data.Step, error) {
	steps, err := queryList(ctx, s.db, opened(s, "steps", stepCols, scanStep), selectStepSQL+" WHERE request_id = ?", requestID)
	slices.SortFunc(steps, timelineOrder)
	return steps, err
}

// timelineOrder orders a request's steps by day, then as logged.
func timelineOrder(a, b data.Step) int {
	return cmp.Or(a.On.Compare(b.On), oldestFirst(a.CreatedAt, a.ID, b.CreatedAt, b.ID))
}

// AllSteps returns every step, grouped by request and oldest first within
// each: what the agenda needs in one read. The requests come in no
// particular order.
func (s *Store) AllSteps(ctx context.Context) ([]data.Step, error) {
	o := newStepOrder()
	return queryListSorted(ctx, s, "steps", stepCols, stepFields, nil, o.key, o.compare, selectStepSQL)
}

// AllStepsAs is AllSteps keeping of each step only what keep makes of it
// (the step it is given is reused for the next). A desk on a team's server
// with 50,000 people reads 160,000 steps at sign-in, and most of what a
// step holds is needed only once its request is opened.
//
// Brief leaves out what only a request's own screen reads (see
// stepForTimeline): LetterID and Attachment come to keep empty.
func AllStepsAs[U any](ctx context.Context, s *Store, keep func(*data.Step) U, brief bool) ([]U, error) {
	o := newStepOrder()
	if brief {
		return queryListKeptAs(ctx, s, "steps", stepBriefCols, stepBriefFields, nil, keep, o.key, o.compare, selectStepBriefSQL)
	}
	return queryListKeptAs(ctx, s, "steps", stepCols, stepFields, nil, keep, o.key, o.compare, selectStepSQL)
}

// stepOrder gives each step of a reading its key, and orders them: grouped
// by request, by day, then as they were logged (see oldestFirst). Each
// request is numbered as its first step arrives, so that the sort
// compares numbers, not ids, to group them.
type stepOrder struct {
	groups    map[[16]byte]int32 // by the request's id (see id_key.go)
	oddGroups map[string]int32
	ids       oddIDs
}

func newStepOrder() *stepOrder {
	return &stepOrder{groups: map[[16]byte]int32{}, oddGroups: map[string]int32{}}
}

// stepKey is a step's place in the order. A step whose id is not a
// canonical UUID has oddID set in its group.
type stepKey struct {
	group   int32
	on      data.Date
	created int64
	id      [16]byte
}

const oddID = 1 << 30 // far beyond the number of requests

func (o *stepOrder) key(s *data.Step) stepKey {
	g := o.group(s.RequestID)
	id, odd := o.ids.key(s.ID)
	if odd {
		g |= oddID
	}
	return stepKey{g, s.On, s.CreatedAt.UnixNano(), id}
}

func (o *stepOrder) group(requestID string) int32 {
	n := int32(len(o.groups) + len(o.oddGroups))
	if u, ok := canonicalUUID(requestID); ok {
		g, seen := o.groups[u]
		if !seen {
			g, o.groups[u] = n, n
		}
		return g
	}
	g, seen := o.oddGroups[requestID]
	if !seen {
		g, o.oddGroups[strings.Clone(requestID)] = n, n
	}
	return g
}

func (o *stepOrder) compare(a, b stepKey) int {
	return cmp.Or(cmp.Compare(a.group&^oddID, b.group&^oddID), a.on.Compare(b.on), cmp.Compare(a.created, b.created),
		o.ids.compare(a.id, a.group&oddID != 0, b.id, b.group&oddID != 0))
}

// DeleteStep removes a step logged by mistake.
func (s *Store) DeleteStep(ctx context.Context, id string) error {
	return s.deleteByID(ctx, "steps", id)
}
