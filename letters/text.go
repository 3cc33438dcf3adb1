package letters

import "strings"

// RenderText is the whole letter as plain text, for a .txt file or for
// pasting into an email: no hard line wrapping, so mail programs reflow it.
func RenderText(l Letter) string {
	var b strings.Builder
	section := func(ls []string) {
		if len(ls) == 0 {
			return
		}
		for _, s := range ls {
			b.WriteString(s)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	section(l.From)
	if !l.Date.IsZero() {
		section([]string{l.Date.Long()})
	}
	section(l.To)
	if l.Subject != "" {
		section([]string{l.Subject})
	}
	_, body, _ := strings.Cut(l.EditableText(), "\n\n")
	if body != "" {
		b.WriteString(body)
		b.WriteByte('\n')
	}
	return b.String()
}
