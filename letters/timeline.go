package letters

import (
	"slices"

	"secondopinion/data"
)

// timeline answers the questions the letters ask of a request's steps:
// when was it asked for, and when was it refused.
type timeline []data.Step

func newTimeline(steps []data.Step) timeline {
	t := slices.Clone(steps)
	slices.SortStableFunc(t, func(a, b data.Step) int { return a.On.Compare(b.On) })
	return t
}

// sent is the latest letter of one of the kinds that went out, if any.
func (t timeline) sent(kinds ...string) (data.Step, bool) {
	for i := len(t) - 1; i >= 0; i-- {
		s := t[i]
		if s.Kind == data.StepLetterSent && slices.Contains(kinds, s.LetterKind) && !s.On.IsZero() {
			return s, true
		}
	}
	return data.Step{}, false
}

// firstSent is the earliest letter of one of the kinds.
func (t timeline) firstSent(kinds ...string) (data.Step, bool) {
	for _, s := range t {
		if s.Kind == data.StepLetterSent && slices.Contains(kinds, s.LetterKind) && !s.On.IsZero() {
			return s, true
		}
	}
	return data.Step{}, false
}

// replyAfter is the first reply on or after the date with one of the
// outcomes (any outcome when none are given).
func (t timeline) replyAfter(from data.Date, outcomes ...data.Outcome) (data.Step, bool) {
	for _, s := range t {
		if s.Kind != data.StepReply || s.On.IsZero() || s.On.Before(from) {
			continue
		}
		if len(outcomes) == 0 || slices.Contains(outcomes, s.Outcome) {
			return s, true
		}
	}
	return data.Step{}, false
}

// refusal is the latest refusal (in full or in part) of the request.
func (t timeline) refusal() (data.Step, bool) {
	for i := len(t) - 1; i >= 0; i-- {
		s := t[i]
		if s.Kind == data.StepReply && (s.Outcome == data.OutcomeRefused || s.Outcome == data.OutcomePartly) && !s.On.IsZero() {
			return s, true
		}
	}
	return data.Step{}, false
}

// start is the day the request was first made: its first step, else the
// day it was recorded.
func (t timeline) start(r data.Request) data.Date {
	for _, s := range t {
		if !s.On.IsZero() {
			return s.On
		}
	}
	if !r.CreatedAt.IsZero() {
		return data.DateOf(r.CreatedAt)
	}
	return data.Date{}
}

// The letters that ask the doctor directly.
var askKinds = []string{
	data.KindReviewTreatment, data.KindReviewDiagnosis,
	data.KindSecondOpinionTreatment, data.KindSecondOpinionDiagnosis, data.KindAskAgain,
}
