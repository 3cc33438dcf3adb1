package letters

import (
	"strings"
	"testing"
	"time"

	"secondopinion/data"
)

func on(month time.Month, day int) data.Date { return data.MustDate(2026, month, day) }

// stage2Steps are a refusal, a complaint, and its stage 1 answer: all that
// had happened when a stage 2 letter is written.
func stage2Steps(refused, complained, answered data.Date) []data.Step {
	return []data.Step{
		{On: refused.AddDays(-14), Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionDiagnosis},
		{On: refused, Kind: data.StepReply, Outcome: data.OutcomeRefused},
		{On: complained, Kind: data.StepLetterSent, LetterKind: data.KindComplaint, LetterID: "stage1"},
		{On: answered, Kind: data.StepReply, Outcome: data.OutcomeRefused, Summary: "Not upheld at stage 1"},
	}
}

const (
	stage2InTime = "I am asking for stage 2 within the time limit for doing so."
	stage2Late   = "the usual time limit for asking for stage 2 has passed"
)

// A stage 2 complaint counts its time limit as the rules do, not from the
// stage 1 answer as if it were a new event. Dates worked by hand:
//   - Scotland, the later of 2 months from the stage 1 answer and 6 months
//     from the event. Refused 2 Jan, answered 8 Jun: 8 Aug (2 Jul is
//     earlier). Refused 1 May, answered 12 May: 1 Nov (12 Jul is earlier).
//   - Northern Ireland, 30 days from the answer: 8 Jun + 30 days = 8 Jul.
//
// The letter used to count 6 months from the latest refusal, the stage 1
// answer, and so told an SPSO or NIPSO case it was in time until December.
func TestStage2ComplaintCountsItsTimeLimitAsTheRulesDo(t *testing.T) {
	for _, c := range []struct {
		nation                       data.Nation
		refused, complained, answers data.Date
		letter                       data.Date
		want                         string
	}{
		{data.Scotland, on(time.January, 2), on(time.June, 1), on(time.June, 8), on(time.August, 7), stage2InTime},
		{data.Scotland, on(time.January, 2), on(time.June, 1), on(time.June, 8), on(time.August, 8), stage2InTime},
		{data.Scotland, on(time.January, 2), on(time.June, 1), on(time.June, 8), on(time.August, 9), stage2Late},
		{data.Scotland, on(time.January, 2), on(time.June, 1), on(time.June, 8), on(time.September, 20), stage2Late},
		{data.Scotland, on(time.May, 1), on(time.May, 5), on(time.May, 12), on(time.October, 30), stage2InTime},
		{data.Scotland, on(time.May, 1), on(time.May, 5), on(time.May, 12), on(time.November, 1), stage2InTime},
		{data.Scotland, on(time.May, 1), on(time.May, 5), on(time.May, 12), on(time.November, 2), stage2Late},
		{data.NorthernIreland, on(time.May, 20), on(time.June, 1), on(time.June, 8), on(time.July, 8), stage2InTime},
		{data.NorthernIreland, on(time.May, 20), on(time.June, 1), on(time.June, 8), on(time.July, 9), stage2Late},
		{data.NorthernIreland, on(time.May, 20), on(time.June, 1), on(time.June, 8), on(time.October, 1), stage2Late},
	} {
		in := fullInput(data.KindComplaint, c.nation, false)
		in.Date, in.LetterID = c.letter, "stage2"
		in.Steps = append(stage2Steps(c.refused, c.complained, c.answers),
			data.Step{On: c.letter, Kind: data.StepLetterSent, LetterKind: data.KindComplaint, LetterID: "stage2"})
		text := compose(t, in)
		if !strings.Contains(text, c.want) {
			t.Errorf("%s, refused %s, answered %s, written %s: want %q in\n%s",
				c.nation, c.refused.Long(), c.answers.Long(), c.letter.Long(), c.want, text)
		}
		if strings.Contains(text, "month time limit") || strings.Contains(text, "months have passed") {
			t.Errorf("%s, written %s: a stage 2 letter counts the time to complain afresh:\n%s", c.nation, c.letter.Long(), text)
		}
	}
}

// With no stage 1 answer logged, the letter cannot know when stage 2's
// time began, so it says nothing of it rather than guess.
func TestStage2ComplaintWithNoAnswerLoggedSaysNothingOfTime(t *testing.T) {
	in := fullInput(data.KindComplaint, data.Scotland, false)
	in.Date, in.LetterID = on(time.July, 20), "stage2"
	in.Steps = append(stage2Steps(on(time.January, 2), on(time.June, 1), on(time.June, 8))[:3],
		data.Step{On: in.Date, Kind: data.StepLetterSent, LetterKind: data.KindComplaint, LetterID: "stage2"})
	text := compose(t, in)
	if strings.Contains(text, "time limit") || strings.Contains(text, "months have passed") {
		t.Errorf("a stage 2 letter with no stage 1 answer speaks of time limits:\n%s", text)
	}
}

// The ombudsman's 12 months run from the events, counted as the agenda
// counts them: from the first refusal, not the latest. Refused first on
// 16 October 2025, last on 20 April 2026: written on 10 October 2026 the
// letter is within 12 months (to 16 October 2026); on 1 November it
// says nothing of time, where it used to claim it was within them.
func TestOmbudsmanCountsItsMonthsFromTheFirstRefusal(t *testing.T) {
	steps := []data.Step{
		{On: data.MustDate(2025, time.October, 2), Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionDiagnosis},
		{On: data.MustDate(2025, time.October, 16), Kind: data.StepReply, Outcome: data.OutcomeRefused},
		{On: on(time.March, 5), Kind: data.StepLetterSent, LetterKind: data.KindComplaint},
		{On: on(time.April, 20), Kind: data.StepReply, Outcome: data.OutcomeRefused, Summary: "Final response: not upheld"},
	}
	const within = "within 12 months of the events"
	for _, c := range []struct {
		letter data.Date
		said   bool
	}{
		{on(time.October, 10), true},
		{on(time.October, 16), true},
		{on(time.October, 17), false},
		{on(time.November, 1), false},
	} {
		in := fullInput(data.KindOmbudsman, data.England, false)
		in.Date, in.Steps = c.letter, steps
		if got := strings.Contains(compose(t, in), within); got != c.said {
			t.Errorf("written %s: says %q = %v, want %v", c.letter.Long(), within, got, c.said)
		}
	}
}

// A refused records request runs on its own track: it is not the refusal
// a complaint about the second opinion counts its time from. Refused on
// 2 January 2025, records refused on 1 December 2025: written on 1 March
// 2026, more than 12 months have passed since the refusal.
func TestComplaintTimeIsNotCountedFromARecordsRefusal(t *testing.T) {
	in := fullInput(data.KindComplaint, data.England, false)
	in.Date = on(time.March, 1)
	in.Steps = []data.Step{
		{On: data.MustDate(2024, time.December, 10), Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionDiagnosis},
		{On: data.MustDate(2025, time.January, 2), Kind: data.StepReply, Outcome: data.OutcomeRefused},
		{On: data.MustDate(2025, time.November, 1), Kind: data.StepLetterSent, LetterKind: data.KindRecordsRequest},
		{On: data.MustDate(2025, time.December, 1), Kind: data.StepReply, LetterKind: data.KindRecordsRequest, Outcome: data.OutcomeRefused},
	}
	text := compose(t, in)
	if !strings.Contains(text, "more than 12 months have passed") || strings.Contains(text, "within the 12-month time limit") {
		t.Errorf("the complaint counts its time from the records refusal:\n%s", text)
	}
}

// In England a complaint answered by the provider may go again to the
// ICB: its 12 months run from the refusal complained about (2 January
// 2025), not from the provider's answer (10 March 2025). Written on
// 1 February 2026, it is out of time.
func TestASecondComplaintCountsFromTheSameEvents(t *testing.T) {
	in := fullInput(data.KindComplaint, data.England, false)
	in.Date = on(time.February, 1)
	in.Steps = []data.Step{
		{On: data.MustDate(2024, time.December, 10), Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionDiagnosis},
		{On: data.MustDate(2025, time.January, 2), Kind: data.StepReply, Outcome: data.OutcomeRefused},
		{On: data.MustDate(2025, time.February, 1), Kind: data.StepLetterSent, LetterKind: data.KindComplaint},
		{On: data.MustDate(2025, time.March, 10), Kind: data.StepReply, Outcome: data.OutcomeRefused, Summary: "Complaint not upheld"},
	}
	text := compose(t, in)
	if !strings.Contains(text, "more than 12 months have passed") || strings.Contains(text, "within the 12-month time limit") {
		t.Errorf("the second complaint counts from the answer to the first:\n%s", text)
	}
}

// A summary with a clause of its own is a sentence of its own, even when
// it begins with a word that could carry the sentence on; a phrase still
// carries it on.
func TestTheStorySetsASummaryAsItsOwnSentence(t *testing.T) {
	for _, c := range []struct{ summary, want string }{
		{"After the complaint, a second opinion was arranged.", "the request was agreed. After the complaint, a second opinion was arranged."},
		{"by letter from the practice manager", "the request was agreed by letter from the practice manager."},
	} {
		got := describeStep(data.Step{On: on(time.March, 17), Kind: data.StepReply, Outcome: data.OutcomeAgreed, Summary: c.summary})
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.summary, got, c.want)
		}
	}
}
