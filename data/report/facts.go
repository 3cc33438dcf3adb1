package report

import (
	"secondopinion/data"
	"secondopinion/data/process"
)

// facts are what the report needs from one request's timeline.
type facts struct {
	opened      data.Date
	firstLetter data.Date // the first letter sent, if any
	decision    data.Step // the first agreed, refused or partly answer
	decided     bool
	outcome     Outcome
	minutes     int
}

// factsOf reads a request's steps, in timeline order. Steps of a records
// request run beside the ladder and neither open nor answer it.
func factsOf(req data.Request, steps []data.Step) facts {
	f := facts{opened: data.DateOf(req.CreatedAt), outcome: OutcomeNotSent}
	if len(steps) > 0 {
		f.opened = steps[0].On
	}
	answered := false
	for _, s := range steps {
		f.minutes += s.Minutes
		if process.OnRecordsTrack(s) {
			continue
		}
		switch {
		case s.Kind == data.StepLetterSent:
			if f.firstLetter.IsZero() {
				f.firstLetter = s.On
			}
			if !answered {
				f.outcome = OutcomeAwaiting
			}
		case s.Kind == data.StepClosed:
			if o, ok := outcomeOf[s.Outcome]; ok {
				f.outcome = o
			} else if !answered {
				f.outcome = OutcomeClosed
			}
			answered = true
		default:
			o, ok := outcomeOf[s.Outcome]
			if !ok {
				continue
			}
			f.outcome, answered = o, true
			if !f.decided && isDecision(s.Outcome) {
				f.decision, f.decided = s, true
			}
		}
	}
	return f
}

func isDecision(o data.Outcome) bool {
	return o == data.OutcomeAgreed || o == data.OutcomeRefused || o == data.OutcomePartly
}

// daysToDecision counts calendar days from the first letter to the first
// decision.
func (f facts) daysToDecision() (int, bool) {
	if !f.decided || f.firstLetter.IsZero() || f.decision.On.Before(f.firstLetter) {
		return 0, false // no letter to count from: asked and answered at the desk
	}
	return f.firstLetter.DaysUntil(f.decision.On), true
}

// refusal reports whether the request's first decision was a refusal, and
// whether it came within replyDays of the request (the first letter, or
// the day it was opened when no letter was sent: asked at the desk). No law
// sets one time for every refusal (a trust's own policy may), so the
// report measures against the reply time the user's letters ask for.
func (f facts) refusal(replyDays int) (refused, inTime bool) {
	if !f.decided || f.decision.Outcome != data.OutcomeRefused {
		return false, false
	}
	from := f.firstLetter
	if from.IsZero() {
		from = f.opened
	}
	if f.decision.On.Before(from) {
		from = f.decision.On // refused before any letter: on the spot
	}
	return true, from.DaysUntil(f.decision.On) <= replyDays
}
