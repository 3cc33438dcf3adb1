package process

import (
	"strconv"
	"testing"
	"time"

	"secondopinion/data"
)

// d parses an ISO date for tables.
func d(t testing.TB, s string) data.Date {
	t.Helper()
	v, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatalf("bad test date %q", s)
	}
	return data.DateOf(v)
}

var seq int

// step builds a step on an ISO date; CreatedAt follows the order of calls,
// so steps on the same day keep the order they were written in.
func step(t testing.TB, on string, kind data.StepKind, letterKind string, out data.Outcome) data.Step {
	seq++
	return data.Step{
		ID: "s" + strconv.Itoa(seq), RequestID: "r1", On: d(t, on), Kind: kind,
		LetterKind: letterKind, Outcome: out,
		CreatedAt: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(seq) * time.Second),
	}
}

func sent(t testing.TB, on, kind string) data.Step {
	return step(t, on, data.StepLetterSent, kind, data.OutcomeNone)
}

func reply(t testing.TB, on string, out data.Outcome) data.Step {
	return step(t, on, data.StepReply, "", out)
}
