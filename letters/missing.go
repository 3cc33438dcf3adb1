package letters

import "slices"

// Placeholders stand where a letter needs the sender's details and the
// records have none, so that a printed letter is visibly incomplete.
const (
	PlaceholderName     = "[Your name]"
	PlaceholderPractice = "[Practice name]"
)

// Missing lists, in plain words, what the letter still lacks before it
// can be sent: "the sender's name", "the practice's name". It reads the
// letter as it stands, so a name typed over a placeholder counts.
func Missing(l Letter) []string {
	var out []string
	if len(l.Signature) == 0 || slices.Contains(l.Signature, PlaceholderName) {
		out = append(out, "the sender's name")
	}
	if slices.Contains(l.From, PlaceholderPractice) {
		out = append(out, "the practice's name")
	}
	return out
}
