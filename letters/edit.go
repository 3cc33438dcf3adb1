package letters

import (
	"regexp"
	"strings"
)

// The editable form of a letter: the subject on the first line, a blank
// line, then the body from the greeting to the signature. Paragraphs are
// separated by blank lines; a bulleted item is a line starting "• " (or
// "- " or "* "). The addresses and date are not in it: they always come
// from the records.

const bullet = "• "

// EditableText is the letter's subject and body in the editable form.
func (l Letter) EditableText() string {
	var parts []string
	if l.Salutation != "" {
		parts = append(parts, l.Salutation)
	}
	for _, b := range l.Body {
		if b.IsList() {
			items := make([]string, len(b.Items))
			for i, it := range b.Items {
				items[i] = bullet + it
			}
			parts = append(parts, strings.Join(items, "\n"))
		} else if b.Text != "" {
			parts = append(parts, b.Text)
		}
	}
	if l.Closing != "" {
		parts = append(parts, l.Closing)
	}
	if len(l.Signature) > 0 {
		parts = append(parts, strings.Join(l.Signature, "\n"))
	}
	return l.Subject + "\n\n" + strings.Join(parts, "\n\n")
}

// WithEditedText is the letter with its subject and body taken from the
// edited text; the addresses and date stay as composed.
func (l Letter) WithEditedText(s string) Letter {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	subject, rest, _ := strings.Cut(s, "\n")
	l.Subject = strings.TrimSpace(subject)
	l.Salutation, l.Closing, l.Signature = "", "", nil
	blocks := splitBlocks(rest)

	if len(blocks) > 0 && len(blocks[0]) == 1 && isSalutation(blocks[0][0]) {
		l.Salutation = blocks[0][0]
		blocks = blocks[1:]
	}
	// The last closing line ends the body; what follows it is the signature.
	for i := len(blocks) - 1; i >= 0; i-- {
		if isClosing(blocks[i][0]) {
			l.Closing = blocks[i][0]
			l.Signature = append([]string(nil), blocks[i][1:]...)
			for _, b := range blocks[i+1:] {
				l.Signature = append(l.Signature, b...)
			}
			blocks = blocks[:i]
			break
		}
	}
	l.Body = nil
	for _, b := range blocks {
		l.Body = append(l.Body, parseBlock(b)...)
	}
	return l
}

// splitBlocks splits text at blank lines into blocks of trimmed lines.
func splitBlocks(s string) [][]string {
	var blocks [][]string
	var cur []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, " \t")
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

// parseBlock turns lines into paragraphs and lists. A line after a bullet
// continues it when indented; otherwise it starts a new paragraph.
func parseBlock(lines []string) []Block {
	var out []Block
	var text []string
	var items []string
	flushText := func() {
		if len(text) > 0 {
			out = append(out, para(strings.Join(text, "\n")))
			text = nil
		}
	}
	flushItems := func() {
		if len(items) > 0 {
			out = append(out, list(items...))
			items = nil
		}
	}
	for _, line := range lines {
		if item, ok := bulletItem(line); ok {
			flushText()
			items = append(items, item)
			continue
		}
		if len(items) > 0 && (line[0] == ' ' || line[0] == '\t') {
			items[len(items)-1] += " " + strings.TrimSpace(line)
			continue
		}
		flushItems()
		text = append(text, strings.TrimSpace(line))
	}
	flushText()
	flushItems()
	return out
}

func bulletItem(line string) (string, bool) {
	t := strings.TrimLeft(line, " \t")
	for _, m := range []string{"•", "-", "*", "–"} {
		if rest, ok := strings.CutPrefix(t, m); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			if item := strings.TrimSpace(rest); item != "" {
				return item, true
			}
		}
	}
	return "", false
}

var (
	salutationRE = regexp.MustCompile(`(?i)^(dear|to)\s.*[,:]?$`)
	closingRE    = regexp.MustCompile(`(?i)^(yours\s+(sincerely|faithfully|truly)|(with\s+)?(kind|best|warm|many)\s+(regards|wishes|thanks)|regards|thank you|thanks)[,.!]?$`)
)

func isSalutation(s string) bool { return salutationRE.MatchString(strings.TrimSpace(s)) }
func isClosing(s string) bool    { return closingRE.MatchString(strings.TrimSpace(s)) }
