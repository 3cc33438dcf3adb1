package letters

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// CheckPrintable reports the first character the PDF font cannot show,
// saying what it is and where, so the user can change it before the PDF
// is written. A box or a question mark must never reach a letter.
func CheckPrintable(l Letter) error {
	l = composed(l)
	fs, err := loadFonts()
	if err != nil {
		return err
	}
	for _, p := range printParts(l) {
		f := fs.regular
		if p.bold {
			f = fs.bold
		}
		for _, r := range p.text {
			if r == '\n' || r == '\t' || f.has(r) {
				continue
			}
			return &UnprintableError{Char: r, Where: p.where}
		}
	}
	return nil
}

// UnprintableError names a character the font lacks, in plain words.
type UnprintableError struct {
	Char  rune
	Where string
}

func (e *UnprintableError) Error() string {
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
			ps = append(ps, printPart{b.Text, false, "in the paragraph starting " + quoteStart(b.Text)})
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
		body[i] = Block{Text: norm.NFC.String(b.Text), Items: nfc(b.Items)}
		if len(b.Items) == 0 {
			body[i].Items = nil
		}
	}
	l.Body = body
	return l
}
