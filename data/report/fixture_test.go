package report

import (
	"fmt"
	"testing"
	"time"

	"secondopinion/data"
)

// fixture is a small caseload whose figures are worked out by hand in the
// comments beside each request.
type fixture struct {
	people   []data.Person
	requests []data.Request
	steps    []data.Step
}

var today = data.MustDate(2026, 11, 21)

func day(t testing.TB, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func (f *fixture) person(id, name string, n data.Nation) {
	f.people = append(f.people, data.Person{ID: id, Name: name, Nation: n,
		Address: "1 " + name + " Street\nTown\nAB1 2CD", NHSNumber: "9434765919"})
}

func (f *fixture) request(id, person string, route data.Route, subj data.Subject, reason data.ReasonCategory,
	by data.AskedBy, how data.AskedHow, created string, steps ...data.Step) {
	c, _ := time.Parse(time.DateOnly, created)
	f.requests = append(f.requests, data.Request{ID: id, PersonID: person, Route: route, Subject: subj,
		ReasonCategory: reason, AskedBy: by, AskedHow: how, CreatedAt: c, Reason: "free text " + person})
	for _, s := range steps {
		s.RequestID = id
		s.ID = fmt.Sprintf("%s-%d", id, len(f.steps))
		s.CreatedAt = time.Date(2026, 1, 1, 0, 0, len(f.steps), 0, time.UTC)
		f.steps = append(f.steps, s)
	}
}

func sent(t testing.TB, on, kind string) data.Step {
	return data.Step{On: day(t, on), Kind: data.StepLetterSent, LetterKind: kind, Minutes: 30}
}

func answer(t testing.TB, on string, kind data.StepKind, o data.Outcome) data.Step {
	return data.Step{On: day(t, on), Kind: kind, Outcome: o, Minutes: 10}
}

func newFixture(t testing.TB) *fixture {
	f := &fixture{}
	f.person("p1", "Ann Lee", data.England)
	f.person("p2", "Bob Reid", data.Wales)
	f.person("p3", "Cara Quinn", data.Scotland)
	f.person("p4", "Dan Moore", data.NorthernIreland)
	const so, rr = data.KindSecondOpinionTreatment, data.StepReply

	// Agreed in 10 days.
	f.request("rA", "p1", data.RouteLocal, data.SubjectTreatment, data.ReasonNotWorking, data.AskedBySelf, data.AskedInWriting,
		"2026-01-04", sent(t, "2026-01-05", so), answer(t, "2026-01-15", rr, data.OutcomeAgreed))
	// Refused in 5 days (in time), then agreed when asked again: outcome agreed, decision 5 days.
	f.request("rB", "p2", data.RouteReview, data.SubjectDiagnosis, data.ReasonDisagreeDiagnosis, data.AskedByCarer, data.AskedInWriting,
		"2026-01-20", sent(t, "2026-01-20", data.KindReviewDiagnosis), answer(t, "2026-01-25", rr, data.OutcomeRefused),
		sent(t, "2026-01-28", data.KindAskAgain), answer(t, "2026-02-10", rr, data.OutcomeAgreed))
	// Refused after 19 days (late).
	f.request("rC", "p3", data.RouteOutOfArea, data.SubjectMedication, data.ReasonSideEffects, data.AskedByAdvocate, data.AskedInWriting,
		"2026-02-01", sent(t, "2026-02-01", data.KindIFRRequest), answer(t, "2026-02-20", rr, data.OutcomeRefused))
	// Asked at the desk, never answered: overdue.
	f.request("rD", "p4", data.RouteLocal, data.SubjectTreatment, data.ReasonWantsSpecialist, data.AskedBySurgery, data.AskedVerbally,
		"2026-03-03", sent(t, "2026-03-03", data.KindReceptionReceipt))
	// Drafted: opened on the day it was saved.
	f.request("rE", "p1", data.RouteLocal, data.SubjectDiagnosis, data.ReasonOther, data.AskedBySelf, data.AskedInWriting, "2026-03-15")
	// Partly agreed in exactly 7 days, then closed without a new outcome.
	f.request("rF", "p2", data.RouteLocal, data.SubjectTreatment, data.ReasonNotWorking, data.AskedBySelf, data.AskedInWriting,
		"2026-04-01", sent(t, "2026-04-01", so), answer(t, "2026-04-08", rr, data.OutcomePartly),
		data.Step{On: day(t, "2026-05-01"), Kind: data.StepClosed})
	// Opened the day before 2026: refused in 2 days.
	f.request("rG", "p3", data.RouteLocal, data.SubjectTreatment, data.ReasonNotWorking, data.AskedBySelf, data.AskedInWriting,
		"2025-12-31", sent(t, "2025-12-31", so), answer(t, "2026-01-02", rr, data.OutcomeRefused))
	// Refused on the phone with no letter: in time, but no letter to time a decision from.
	f.request("rI", "p4", data.RouteReview, data.SubjectMedication, data.ReasonSideEffects, data.AskedBySelf, data.AskedVerbally,
		"2026-06-01", answer(t, "2026-06-01", data.StepCall, data.OutcomeRefused))
	// Logged as no reply.
	f.request("rJ", "p1", data.RouteLocal, data.SubjectTreatment, data.ReasonLostConfidence, data.AskedBySelf, data.AskedInWriting,
		"2026-05-04", sent(t, "2026-05-04", so), answer(t, "2026-06-10", rr, data.OutcomeNoReply))
	// Withdrawn; a records request beside it does not count as the opening letter.
	f.request("rK", "p2", data.RouteLocal, data.SubjectTreatment, data.ReasonNotWorking, data.AskedBySelf, data.AskedInWriting,
		"2026-07-01", sent(t, "2026-07-01", data.KindRecordsRequest), sent(t, "2026-07-02", so),
		answer(t, "2026-07-05", data.StepNote, data.OutcomeWithdrawn))
	return f
}

func (f *fixture) build(from, to data.Date) Report {
	return Build(f.people, f.requests, f.steps, from, to, today)
}
