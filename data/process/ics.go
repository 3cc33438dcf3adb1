package process

import (
	"bufio"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// WriteICS writes the agenda as an iCalendar file (RFC 5545) of all-day
// events that Outlook and Google Calendar import. now stamps the events.
// The UID is stable for the same step and deadline, so importing again
// updates events instead of adding copies. With no items the calendar
// has no events, which clears an earlier import.
func WriteICS(w io.Writer, items []Item, now time.Time) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { writeFolded(bw, s) }
	stamp := now.UTC().Format("20060102T150405Z")

	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Second Opinion//Agenda//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + escapeText("Second opinion deadlines"))
	for _, it := range items {
		day := strings.ReplaceAll(isoDate(it.Date), "-", "")
		next := strings.ReplaceAll(isoDate(it.Date.AddDays(1)), "-", "")
		summary := it.PersonName + ": " + it.What
		if it.Overdue {
			summary = "OVERDUE " + summary
		}
		desc := it.What
		if it.NextAction.Reason != "" {
			desc += "\nNext: " + it.NextAction.Reason
		}
		if it.Rule.Source != "" {
			desc += "\nSource: " + it.Rule.Source + " (checked " + it.Rule.LastVerified.UK() + ")"
		}
		line("BEGIN:VEVENT")
		line("UID:" + uid(it))
		line("DTSTAMP:" + stamp)
		line("DTSTART;VALUE=DATE:" + day)
		line("DTEND;VALUE=DATE:" + next)
		line("SUMMARY:" + escapeText(summary))
		line("DESCRIPTION:" + escapeText(desc))
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// uid identifies an item across exports by its request, step and rule,
// not its date or words, so a moved due date updates the same event.
func uid(it Item) string {
	key := it.Rule.ID
	if key == "" {
		key = "due" // the date the user set on the step
	}
	if it.StepID == "" {
		key += "|" + it.What
	}
	h := uint64(14695981039346656037) // FNV-1a, so the UID stays short and ASCII
	for _, s := range []string{it.RequestID, it.StepID, key} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
		h ^= 0xff
		h *= 1099511628211
	}
	const hexdigits = "0123456789abcdef"
	b := make([]byte, 16)
	for i := range b {
		b[15-i] = hexdigits[h&0xf]
		h >>= 4
	}
	return string(b) + "@secondopinion.local"
}

// escapeText escapes a TEXT value: backslash, semicolon, comma and new lines.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			// dropped: \r\n becomes one \n
		default:
			if r < 0x20 && r != '\t' {
				continue // other control characters are not allowed in TEXT
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeFolded writes a content line ending in CRLF, folded so no line is
// longer than 75 octets, never splitting a UTF-8 character.
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
