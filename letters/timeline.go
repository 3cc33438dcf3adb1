package letters

import (
	"slices"

	"secondopinion/data"
	"secondopinion/data/process"
)

// timeline answers the questions the letters ask of a request's steps:
// when was it asked for, and when was it refused.
type timeline []data.Step

// newTimeline is what had happened by the letter's date, in order: the
// dated steps on or before date (every dated step when date is zero), up
// to but not including the letter's own "letter sent" step. That step is
// the one with the letter's id; when no id is given, the last letter of
// this kind sent on the letter's date is taken to be the letter itself.
func newTimeline(steps []data.Step, date data.Date, kind, letterID string) timeline {
	var t timeline
	for _, s := range steps {
		if s.On.IsZero() || (!date.IsZero() && s.On.After(date)) {
			continue
		}
		t = append(t, s)
	}
	slices.SortStableFunc(t, func(a, b data.Step) int {
		if c := a.On.Compare(b.On); c != 0 {
			return c
		}
		if !a.CreatedAt.IsZero() && !b.CreatedAt.IsZero() {
			return a.CreatedAt.Compare(b.CreatedAt)
		}
		return 0
	})
	own := -1
	for i, s := range t {
		if s.Kind != data.StepLetterSent {
			continue
		}
		if letterID != "" && s.LetterID == letterID {
			own = i
			break
		}
		if letterID == "" && s.LetterKind == kind && s.On == date {
			own = i // keep looking: the last one that day is the letter
		}
	}
	if own >= 0 {
		t = t[:own]
	}
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

// hasSent reports whether a letter of one of the kinds went out before
// this one: like the deadline rules, it counts "letter sent" steps.
func (t timeline) hasSent(kinds ...string) bool {
	for _, s := range t {
		if s.Kind == data.StepLetterSent && slices.Contains(kinds, s.LetterKind) {
			return true
		}
	}
	return false
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

// refusal is the latest refusal (in full or in part) of the request; a
// refused records request is not one, as it runs on its own track.
func (t timeline) refusal() (data.Step, bool) {
	for i := len(t) - 1; i >= 0; i-- {
		s := t[i]
		if s.Kind == data.StepReply && !process.OnRecordsTrack(s) && (s.Outcome == data.OutcomeRefused || s.Outcome == data.OutcomePartly) && !s.On.IsZero() {
			return s, true
		}
	}
	return data.Step{}, false
}

// refusalBefore is the latest refusal before a day.
func (t timeline) refusalBefore(day data.Date) (data.Step, bool) {
	i := 0
	for i < len(t) && t[i].On.Before(day) {
		i++
	}
	return t[:i].refusal()
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
