package process

import "testing"

func TestFillWords(t *testing.T) {
	words := map[string]string{"subject": "treatment", "them": "the client", "a-funding": "an IFR"}
	word := func(name string) (string, bool) { w, ok := words[name]; return w, ok }
	for _, c := range []struct{ in, want string }{
		{"no placeholder", "no placeholder"},
		{"Ask about the {subject}.", "Ask about the treatment."},
		{"{them} may send {a-funding}", "the client may send an IFR"},
		{"{subject}{subject}", "treatmenttreatment"},
		{"{unknown} stays", "{unknown} stays"},
		{"an open { brace", "an open { brace"},
		{"{subject} then { and {them}", "treatment then { and the client"},
		{"{{subject}}", "{treatment}"},
		{"", ""},
	} {
		if got := fillWords(c.in, word); got != c.want {
			t.Errorf("fillWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
