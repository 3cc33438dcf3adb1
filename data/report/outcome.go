package report

import "secondopinion/data"

// Outcome is where a request ended up: the latest answer on it, or why it
// has none.
type Outcome string

const (
	OutcomeAgreed    Outcome = "agreed"
	OutcomePartly    Outcome = "partly"
	OutcomeRefused   Outcome = "refused"
	OutcomeNoReply   Outcome = "no-reply"
	OutcomeWithdrawn Outcome = "withdrawn"
	OutcomeAwaiting  Outcome = "awaiting" // asked, no answer logged yet
	OutcomeNotSent   Outcome = "not-sent" // drafted, nothing sent or logged
	OutcomeClosed    Outcome = "closed"   // closed with no answer or reason given
)

// Outcomes lists every outcome in the order reports show them.
var Outcomes = []Outcome{OutcomeAgreed, OutcomePartly, OutcomeRefused, OutcomeNoReply,
	OutcomeWithdrawn, OutcomeAwaiting, OutcomeNotSent, OutcomeClosed}

func (o Outcome) Label() string {
	switch o {
	case OutcomeAgreed:
		return "Agreed"
	case OutcomePartly:
		return "Partly agreed"
	case OutcomeRefused:
		return "Refused"
	case OutcomeNoReply:
		return "No reply"
	case OutcomeWithdrawn:
		return "Withdrawn"
	case OutcomeAwaiting:
		return "Awaiting an answer"
	case OutcomeNotSent:
		return "Not sent yet"
	case OutcomeClosed:
		return "Closed without an answer"
	}
	return string(o)
}

var outcomeOf = map[data.Outcome]Outcome{
	data.OutcomeAgreed:    OutcomeAgreed,
	data.OutcomePartly:    OutcomePartly,
	data.OutcomeRefused:   OutcomeRefused,
	data.OutcomeNoReply:   OutcomeNoReply,
	data.OutcomeWithdrawn: OutcomeWithdrawn,
}
