package letters

import (
	"regexp"
	"strings"
)

// How long someone has been unwell, as people write it: a length of time
// ("5 years", "about 18 months", "for three years") or a starting point
// ("since March 2020", "March 2020", "2019", "childhood").

var (
	// A length: an optional "about", a number in figures or words, a unit.
	lengthOfTime = regexp.MustCompile(`(?i)^(?:(?:about|around|over|nearly|almost|roughly|approximately|at least|more than|less than|just over|just under|well over)\s+)?` +
		`(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|a few|a couple of|several|many)` +
		`(?:\s+and\s+a\s+half)?\s+(?:days?|weeks?|months?|years?|yrs?|decades?)\b`)
	// A starting point: a year, or a time of life.
	startingPoint = regexp.MustCompile(`(?i)\b(?:19|20)\d\d\b|^(?:childhood|birth|my teens|my twenties|my thirties|school|university|(?:the )?(?:birth|start|end|summer|winter|spring|autumn) of\b)`)
)

// unwellFor is the length of illness as a phrase that follows "unwell":
// "for 5 years", "since March 2020". It gives "" when the text is neither
// a length nor a starting point, so the caller can quote it as written.
func unwellFor(s string) string {
	s = trimStop(clean(s))
	low := strings.ToLower(s)
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(low, "since ") || strings.HasPrefix(low, "for ") || strings.HasPrefix(low, "from "):
		return strings.ToLower(s[:1]) + s[1:]
	case lengthOfTime.MatchString(s):
		if rest, ok := strings.CutSuffix(low, " ago"); ok {
			// "5 years ago" is as long as "for 5 years".
			return "for " + s[:len(rest)]
		}
		return "for " + s
	case startingPoint.MatchString(s):
		return "since " + lowerFirst(s)
	}
	return ""
}

// unwellItem is the background line saying how long the person has been
// unwell, in the same "Label: words" form as the lines below it:
// "How long unwell: 5 years", "How long unwell: since March 2020".
func unwellItem(s string) string {
	if phrase := unwellFor(s); phrase != "" {
		return "How long unwell: " + strings.TrimPrefix(phrase, "for ")
	}
	return labelled("How long unwell", s)
}
