package letters

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// CheckPrintable reports the first character no font can show, saying
// what it is and where, so the user can change it before the PDF is
// written. A box or a question mark must never reach a letter. Where the
// font a script needs is missing from this computer (Chinese, Japanese and
// Korean come from the system's own fonts), it says which characters need
// it and how to get it.
func CheckPrintable(l Letter) error {
	l = composed(l)
	fs, err := loadFonts()
	if err != nil {
		return err
	}
	for _, p := range printParts(l) {
		if fs.isSimple(p.text, p.bold) {
			continue
		}
		var missing []rune
		var why error
		for _, r := range p.text {
			if r == '\n' || r == '\t' || shapingMark(r) || slices.Contains(missing, r) {
				continue
			}
			if unicode.Is(unicode.Cf, r) {
				// Pasted text brings invisible characters that would
				// quietly break words apart or hide text.
				return &UnprintableError{Char: r, Where: p.where}
			}
			f, err := fontFor(r, p.bold)
			if f != nil {
				continue
			}
			if err == nil {
				return &UnprintableError{Char: r, Where: p.where}
			}
			missing, why = append(missing, r), err
		}
		if len(missing) > 0 {
			return &UnprintableError{Char: missing[0], Chars: missing, Where: p.where, Missing: why}
		}
	}
	return nil
}

// shapingMark is an invisible character with work to do: the joiners
// choose between letter forms in Arabic, Persian and the Indic scripts,
// and the direction marks place punctuation beside right-to-left text.
// The shaper acts on them and draws nothing.
func shapingMark(r rune) bool {
	switch r {
	case '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\u00ad':
		return true // and the Arabic letter mark, and the soft hyphen
	}
	return false
}

// UnprintableError names a character no font can show, in plain words, or
// the characters that need a font this computer lacks (Missing says
// which).
type UnprintableError struct {
	Char    rune
	Chars   []rune // with Missing: every character in the place that needs it
	Where   string
	Missing error
}

func (e *UnprintableError) Error() string {
	if e.Missing != nil {
		var shown []string
		for _, r := range e.Chars {
			shown = append(shown, fmt.Sprintf("%q", string(r)))
		}
		return fmt.Sprintf("The letter has the characters %s %s, but %v.", strings.Join(shown, ", "), e.Where, e.Missing)
	}
	shown := string(e.Char)
	if !unicode.IsGraphic(e.Char) || e.Char == utf8.RuneError {
		shown = "" // an invisible character: its name says what it is
	}
	name := strings.ToLower(runenames.Name(e.Char))
	desc := fmt.Sprintf("U+%04X", e.Char)
	if name != "" {
		desc = name + ", " + desc
	}
	if shown != "" {
		return fmt.Sprintf("The letter contains a character the PDF font cannot show: %q (%s) %s. Please remove or replace it.", shown, desc, e.Where)
	}
	return fmt.Sprintf("The letter contains an invisible character the PDF font cannot show (%s) %s. Please remove it.", desc, e.Where)
}

type printPart struct {
	text  string
	bold  bool
	where string
}

// printParts is every piece of text the PDF sets, with where it is.
func printParts(l Letter) []printPart {
	var ps []printPart
	for _, s := range l.From {
		ps = append(ps, printPart{s, false, "in the sender's address"})
	}
	ps = append(ps, printPart{l.Date.Long(), false, "in the date"})
	for _, s := range l.To {
		ps = append(ps, printPart{s, false, "in the recipient's address"})
	}
	ps = append(ps, printPart{l.Subject, true, "in the subject line"})
	ps = append(ps, printPart{l.Salutation, false, "in the greeting"})
	for _, b := range l.Body {
		if !b.IsList() {
			ps = append(ps, printPart{b.Text, b.Heading, "in the paragraph starting " + quoteStart(b.Text)})
		}
		for _, it := range b.Items {
			ps = append(ps, printPart{it, false, "in the list item starting " + quoteStart(it)})
		}
	}
	ps = append(ps, printPart{l.Closing, false, "in the closing line"})
	for _, s := range l.Signature {
		ps = append(ps, printPart{s, false, "in the signature"})
	}
	return ps
}

// quoteStart quotes the first few words, so the user can find the place.
func quoteStart(s string) string {
	words := strings.Fields(s)
	if len(words) <= 4 {
		return fmt.Sprintf("%q", strings.Join(words, " "))
	}
	return fmt.Sprintf("%q", strings.Join(words[:4], " ")+"…")
}

// composed joins letters and their accents into single characters (NFC):
// text pasted from some systems spells "ë" as "e" plus a combining mark,
// which the font does not carry on its own.
func composed(l Letter) Letter {
	nfc := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = norm.NFC.String(s)
		}
		return out
	}
	l.From, l.To, l.Signature = nfc(l.From), nfc(l.To), nfc(l.Signature)
	l.Subject, l.Salutation, l.Closing = norm.NFC.String(l.Subject), norm.NFC.String(l.Salutation), norm.NFC.String(l.Closing)
	body := make([]Block, len(l.Body))
	for i, b := range l.Body {
		body[i] = Block{Text: norm.NFC.String(b.Text), Items: nfc(b.Items), Heading: b.Heading}
		if len(b.Items) == 0 {
			body[i].Items = nil
		}
	}
	l.Body = body
	return l
}
