package letters

import (
	"strings"

	"secondopinion/data"
)

// The story so far, for a complaints manager or an ombudsman: each dated
// step as a sentence ("On 2 October 2026 I wrote to ask for …"), read in
// order as one paragraph rather than as a log of labels.

// chronology is the dated steps so far, as sentences.
func (c *composer) chronology() string {
	var out []string
	for _, s := range c.t {
		if s.On.IsZero() {
			continue
		}
		if what := describeStep(s); what != "" {
			out = append(out, "On "+s.On.Long()+" "+what)
		}
	}
	return strings.Join(out, " ")
}

// describeStep is what happened, as the rest of a sentence that begins
// "On 2 October 2026": "I wrote to ask for a second opinion about the
// diagnosis.", "the request was refused without giving reasons."
func describeStep(s data.Step) string {
	sum := trimStop(clean(s.Summary))
	switch s.Kind {
	case data.StepLetterSent:
		return letterSent(s.LetterKind, sum)
	case data.StepReply:
		return withOutcome(replyOutcome(s.Outcome), sum)
	case data.StepClosed:
		if s.Outcome == data.OutcomeWithdrawn {
			return withOutcome("the request was withdrawn", sum)
		}
		return withOutcome("the request was closed", sum)
	case data.StepCall:
		return withDetail("there was a phone call about the request", sum)
	case data.StepMeeting:
		return withDetail("there was a meeting about the request", sum)
	}
	if sum == "" {
		return ""
	}
	return lowerFirst(sentence(sum))
}

// letterSent names the letter by what it asked: our own titles are
// imperatives ("Ask for a second opinion …"), so "I wrote to" reads on.
func letterSent(kind, sum string) string {
	k, ok := KindByID(kind)
	what := "a letter was sent"
	if ok {
		title := strings.ToLower(k.Title[:1]) + k.Title[1:]
		what = "the " + title + " was sent"
		if first, _, _ := strings.Cut(title, " "); writtenTo[first] {
			what = "I wrote to " + title
		}
		if !addsTo(sum, title) {
			sum = ""
		}
	} else if !addsTo(sum, "") {
		sum = ""
	}
	switch {
	case sum == "":
		return what + "."
	case strings.Contains(sum, ". ") || strings.ContainsAny(sum, "()"):
		return what + ". " + sentence(sum)
	}
	return what + " (" + lowerFirst(sum) + ")."
}

// The verbs our letter titles begin with.
var writtenTo = map[string]bool{"ask": true, "make": true, "appeal": true, "take": true, "challenge": true}

func replyOutcome(o data.Outcome) string {
	switch o {
	case data.OutcomeRefused:
		return "the request was refused"
	case data.OutcomePartly:
		return "the request was partly agreed"
	case data.OutcomeAgreed:
		return "the request was agreed"
	case data.OutcomeNoReply:
		return "a reply was still awaited"
	}
	return "a reply came"
}

// withOutcome joins what the reply decided and the summary of it, without
// saying the decision twice: "Refused without giving reasons" after "the
// request was refused" adds only "without giving reasons".
func withOutcome(what, sum string) string {
	low := strings.ToLower(sum)
	for _, o := range sameOutcome {
		verb := o[0]
		if rest, ok := strings.CutPrefix(low, verb); ok && strings.HasSuffix(what, o[1]) && (rest == "" || rest[0] == ' ' || rest[0] == ',') {
			sum = strings.TrimLeft(sum[len(verb):], " ,:")
			if sum == "" {
				return what + "."
			}
			return what + " " + sum + "."
		}
	}
	return withDetail(what, sum)
}

// withDetail adds a summary: a phrase that carries on the sentence ("by
// letter from the practice manager"), else a sentence of its own. A
// summary with a clause of its own ("After the complaint, a second
// opinion was arranged") is a sentence, whatever word it begins with.
func withDetail(what, sum string) string {
	if sum == "" {
		return what + "."
	}
	first, _, _ := strings.Cut(strings.ToLower(sum), " ")
	if carriesOn[first] && !strings.ContainsAny(trimStop(sum), ",.;:") {
		return what + " " + sum + "."
	}
	return what + ". " + sentence(sum)
}

// sameOutcome pairs how a summary may begin with the outcome it repeats.
var sameOutcome = [][2]string{
	{"refused", "refused"}, {"turned down", "refused"}, {"declined", "refused"},
	{"partly agreed", "partly agreed"}, {"agreed", "agreed"}, {"withdrawn", "withdrawn"}, {"closed", "closed"},
}

var carriesOn = map[string]bool{
	"by": true, "in": true, "at": true, "on": true, "with": true, "from": true, "over": true,
	"after": true, "without": true, "because": true, "as": true, "via": true, "during": true,
}
