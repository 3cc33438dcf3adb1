package letters

import (
	"slices"
	"strings"
)

// Placeholders stand where a letter needs the sender's details and the
// records have none, so that a printed letter is visibly incomplete.
const (
	PlaceholderName     = "[Your name]"
	PlaceholderPractice = "[Practice name]"
)

// Gap is something a letter lacks before it can be sent. The window asks
// for each before the letter is saved or sent: the sender's and the
// practice's names belong to the user's own details, the recipient's
// address to the contact the letter goes to.
type Gap string

const (
	GapSenderName       Gap = "the sender's name"
	GapPracticeName     Gap = "the practice's name"
	GapRecipientAddress Gap = "the recipient's postal address"
)

// Gaps lists what the letter still lacks, in the order a reader meets it.
// It reads the letter as it stands, so a name typed over a placeholder
// counts, and a placeholder left anywhere in the words is still a gap.
func Gaps(l Letter) []Gap {
	var out []Gap
	text := RenderText(l)
	if slices.Contains(l.From, PlaceholderPractice) || strings.Contains(text, PlaceholderPractice) {
		out = append(out, GapPracticeName)
	}
	if l.NoRecipientAddress {
		out = append(out, GapRecipientAddress)
	}
	if len(l.Signature) == 0 || strings.Contains(text, PlaceholderName) {
		out = append(out, GapSenderName)
	}
	return out
}

// Missing is Gaps in plain words: "the sender's name", "the practice's
// name", "the recipient's postal address".
func Missing(l Letter) []string {
	var out []string
	for _, g := range Gaps(l) {
		out = append(out, string(g))
	}
	return out
}
