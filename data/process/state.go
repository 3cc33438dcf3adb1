package process

import "secondopinion/data"

// StateKind is where a request stands.
type StateKind string

const (
	StateDrafted   StateKind = "drafted"   // no letter sent yet
	StateSent      StateKind = "sent"      // first letter sent, awaiting a reply
	StateEscalated StateKind = "escalated" // a later rung sent, awaiting a reply
	StateAgreed    StateKind = "agreed"
	StateRefused   StateKind = "refused"
	StatePartly    StateKind = "partly"
	StateNoReply   StateKind = "no-reply"
	StateClosed    StateKind = "closed"
)

// Rung is the step of the ladder the latest letter was on.
type Rung string

const (
	RungNone          Rung = ""
	RungReview        Rung = "review"         // ask the doctor to review
	RungSecondOpinion Rung = "second-opinion" // ask for a (local) second opinion
	RungAskAgain      Rung = "ask-again"
	RungAppeal        Rung = "appeal" // to the medical director, or an ICB review
	RungPALS          Rung = "pals"
	RungAdvocacy      Rung = "advocacy"
	RungComplaint     Rung = "complaint"
	RungFunding       Rung = "funding-request"
	RungFundingReview Rung = "funding-reconsideration"
	RungOmbudsman     Rung = "ombudsman"
)

// rungOf maps each letter kind to its rung; records requests and receipts
// are off the ladder (records can be asked for at any rung).
var rungOf = map[string]Rung{
	data.KindReviewTreatment:        RungReview,
	data.KindReviewDiagnosis:        RungReview,
	data.KindSecondOpinionTreatment: RungSecondOpinion,
	data.KindSecondOpinionDiagnosis: RungSecondOpinion,
	data.KindClinicianReferral:      RungSecondOpinion,
	data.KindReceptionReceipt:       RungSecondOpinion, // asked at the surgery's desk
	data.KindAskAgain:               RungAskAgain,
	data.KindAppeal:                 RungAppeal,
	data.KindPALS:                   RungPALS,
	data.KindAdvocacy:               RungAdvocacy,
	data.KindComplaint:              RungComplaint,
	data.KindIFRRequest:             RungFunding,
	data.KindIFRReconsideration:     RungFundingReview,
	data.KindOmbudsman:              RungOmbudsman,
}

// RungOf is the rung a letter kind puts a request on.
func RungOf(letterKind string) Rung { return rungOf[letterKind] }

func (r Rung) Label() string {
	switch r {
	case RungReview:
		return "review"
	case RungSecondOpinion:
		return "second opinion"
	case RungAskAgain:
		return "asked again"
	case RungAppeal:
		return "appeal"
	case RungPALS:
		return "patient advice" // PALS in England and Wales; other names elsewhere
	case RungAdvocacy:
		return "advocacy"
	case RungComplaint:
		return "complaint"
	case RungFunding:
		return "funding request"
	case RungFundingReview:
		return "funding challenge" // not every nation has a named review
	case RungOmbudsman:
		return "ombudsman"
	}
	return string(r)
}

// first rungs are the opening request, so waiting on them is "sent";
// waiting on any other rung is "escalated".
func (r Rung) first() bool { return r == RungReview || r == RungSecondOpinion }

// State is what a request's steps add up to.
type State struct {
	Kind    StateKind
	Rung    Rung         // the rung of the latest letter, if any
	Outcome data.Outcome // for closed requests
	Since   data.Date    // the step that set the state
}

// Label is what the UI shows: "Refused", "Escalated: complaint".
func (s State) Label() string {
	suffix := ""
	if s.Rung != RungNone && !s.Rung.first() {
		suffix = " (" + s.Rung.Label() + ")"
	}
	switch s.Kind {
	case StateDrafted:
		return "Drafted"
	case StateSent:
		return "Sent: awaiting reply"
	case StateEscalated:
		return "Escalated: " + s.Rung.Label()
	case StateAgreed:
		return "Agreed" + suffix
	case StateRefused:
		return "Refused" + suffix
	case StatePartly:
		return "Partly agreed" + suffix
	case StateNoReply:
		return "No reply" + suffix
	case StateClosed:
		if s.Outcome != data.OutcomeNone {
			return "Closed: " + s.Outcome.Label()
		}
		return "Closed"
	}
	return string(s.Kind)
}

// Open reports whether the request is still in progress.
func (s State) Open() bool { return s.Kind != StateClosed }

// OnRecordsTrack reports whether a step belongs to a records request,
// which runs beside the ladder without moving it. A reply carries the kind
// of the letter it answers in LetterKind, when the UI knows it.
func OnRecordsTrack(s data.Step) bool {
	return s.LetterKind == data.KindRecordsRequest && s.Kind != data.StepClosed
}

func isOutcome(o data.Outcome) bool {
	switch o {
	case data.OutcomeAgreed, data.OutcomeRefused, data.OutcomePartly, data.OutcomeNoReply, data.OutcomeWithdrawn:
		return true
	}
	return false
}

// StateOf works out a request's state from its steps, in timeline order
// (by On, then CreatedAt, as storage returns them).
func StateOf(steps []data.Step) State {
	st := State{Kind: StateDrafted}
	for _, s := range steps {
		if OnRecordsTrack(s) {
			continue
		}
		switch {
		case s.Kind == data.StepClosed:
			out := s.Outcome
			if out == data.OutcomeNone {
				out = lastOutcome(st)
			}
			st = State{Kind: StateClosed, Rung: st.Rung, Outcome: out, Since: s.On}
		case s.Kind == data.StepLetterSent:
			r := RungOf(s.LetterKind)
			if r == RungNone {
				continue // a letter off the ladder does not move it
			}
			k := StateEscalated
			if r.first() {
				k = StateSent
			}
			st = State{Kind: k, Rung: r, Since: s.On}
		case s.Outcome == data.OutcomeWithdrawn:
			st = State{Kind: StateClosed, Rung: st.Rung, Outcome: s.Outcome, Since: s.On}
		case isOutcome(s.Outcome):
			// A reply, or a call or meeting that brought an answer.
			st = State{Kind: outcomeState[s.Outcome], Rung: st.Rung, Since: s.On}
		}
	}
	return st
}

var outcomeState = map[data.Outcome]StateKind{
	data.OutcomeAgreed:  StateAgreed,
	data.OutcomeRefused: StateRefused,
	data.OutcomePartly:  StatePartly,
	data.OutcomeNoReply: StateNoReply,
}

func lastOutcome(s State) data.Outcome {
	for o, k := range outcomeState {
		if k == s.Kind {
			return o
		}
	}
	return data.OutcomeNone
}
