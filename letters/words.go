package letters

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean trims free text and folds runs of white space (new lines too) into
// single spaces, so it can sit inside a sentence.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// sentence makes free text a sentence: capital first letter, closing stop.
func sentence(s string) string {
	s = clean(s)
	if s == "" {
		return ""
	}
	s = upperFirst(s)
	if !endsSentence(s) {
		s += "."
	}
	return s
}

// fragment tidies free text for a bullet: no closing stop on a single phrase.
func fragment(s string) string { return upperFirst(trimStop(clean(s))) }

// trimStop drops the full stop of a single phrase, keeping the stops of
// several sentences.
func trimStop(s string) string {
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") && !strings.Contains(s[:len(s)-1], ". ") {
		s = s[:len(s)-1]
	}
	return s
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"')”’]`)
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lowers the first letter of free text set inside a sentence,
// but only when the first word is a common small word ("A referral",
// "The tablets"): a name or a drug typed with a capital keeps it.
func lowerFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	word = strings.TrimRight(word, ",;:")
	if !lowerable[strings.ToLower(word)] || (len(word) > 1 && word == strings.ToUpper(word)) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

var lowerable = map[string]bool{
	"a": true, "an": true, "the": true, "some": true, "more": true, "my": true, "our": true,
	"his": true, "her": true, "their": true, "its": true, "to": true, "for": true, "at": true,
	"in": true, "on": true, "with": true, "after": true, "before": true, "since": true,
	"about": true, "that": true, "this": true, "these": true, "two": true, "three": true,
	"four": true, "five": true, "several": true, "many": true, "one": true, "none": true,
	"no": true, "not": true, "only": true, "being": true, "having": true, "getting": true,
	"trying": true, "seeing": true, "referral": true, "constant": true, "weight": true,
	"letters": true, "calls": true, "phone": true, "all": true, "any": true, "everything": true, "correspondence": true,
}

// nonEmpty keeps the parts that say something.
func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// article is "a" or "an" for the phrase that follows it.
func article(s string) string {
	if s == "" {
		return "a"
	}
	switch unicode.ToLower([]rune(s)[0]) {
	case 'a', 'e', 'i', 'o', 'u':
		return "an"
	}
	return "a"
}

// joinAnd joins phrases as people write them: "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// lines splits an address into its lines. One line with commas is split
// at the commas, as it would be written on an envelope.
func lines(s string) []string {
	s = strings.ReplaceAll(s, "\r", "")
	parts := strings.Split(s, "\n")
	if len(parts) == 1 {
		parts = strings.Split(s, ",")
	}
	var out []string
	for _, p := range parts {
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// nhsNumber spaces a 10-digit NHS number as it is printed: 485 777 3456.
func nhsNumber(s string) string {
	var digits []rune
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits = append(digits, r)
		} else if !unicode.IsSpace(r) && r != '-' {
			return clean(s)
		}
	}
	if len(digits) != 10 {
		return clean(s)
	}
	d := string(digits)
	return d[:3] + " " + d[3:6] + " " + d[6:]
}

var titles = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "miss": true, "mx": true,
	"prof": true, "professor": true, "sir": true, "dame": true, "rev": true, "revd": true,
}

// Surname particles stay with the surname: "Dr ap Dafydd", "Dr van Dijk".
var particles = map[string]bool{
	"ap": true, "ab": true, "verch": true, "van": true, "von": true, "de": true, "der": true,
	"den": true, "da": true, "di": true, "du": true, "la": true, "le": true, "bin": true, "al": true, "el": true,
}

func isTitle(w string) bool { return titles[strings.ToLower(strings.TrimSuffix(w, "."))] }

// addressName is how to greet someone: "Dr Rahman" for "Dr Aisha Rahman";
// the full name when there is no title, since we cannot guess one.
func addressName(name string) string {
	words := strings.Fields(name)
	if len(words) < 3 || !isTitle(words[0]) {
		return strings.Join(words, " ")
	}
	i := len(words) - 1
	for i > 2 && particles[strings.ToLower(words[i-1])] {
		i--
	}
	return words[0] + " " + strings.Join(words[i:], " ")
}

// firstName is the given name used after the first mention of someone.
func firstName(name string) string {
	words := strings.Fields(name)
	for len(words) > 1 && isTitle(words[0]) {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	if all := strings.Fields(name); len(all) != len(words) {
		// The writer chose a title, so keep to it: "Mr Jones", not "Dafydd".
		return addressName(name)
	}
	return words[0]
}

func possessive(name string) string {
	if name == "" {
		return ""
	}
	return name + "'s"
}

// Words that mark free text as the patient's own voice: a clinician's
// letter does not copy them.
var ownVoiceWords = map[string]bool{
	"i": true, "i'm": true, "i've": true, "i'd": true, "i'll": true, "me": true, "my": true,
	"mine": true, "myself": true, "we": true, "we're": true, "we've": true, "we'd": true,
	"our": true, "ours": true, "us": true, "you": true, "your": true, "yours": true,
}

// inOwnVoice gives the text when it can stand in someone else's letter,
// and "" when it is written as "I" or "we", or speaks to "you".
func inOwnVoice(s string) string {
	for _, w := range words(s) {
		if ownVoiceWords[w] {
			return ""
		}
	}
	return s
}

// addressesNoOne gives the text unless it speaks to "you".
func addressesNoOne(s string) string {
	for _, w := range words(s) {
		if w == "you" || w == "your" || w == "yours" {
			return ""
		}
	}
	return s
}

// words are the lower-case words of free text, apostrophes kept.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
}
