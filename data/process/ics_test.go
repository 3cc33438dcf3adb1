package process

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"secondopinion/data"
)

func TestWriteICS(t *testing.T) {
	items := []Item{
		{Date: d(t, "2026-02-25"), Overdue: true, PersonName: "Siân O'Brien-Ñúñez", RequestID: "r1", StepID: "s1",
			What: "Acknowledgement owed; then a response, within 3 working days\\ see notes\nsecond line",
			Rule: RuleComplaintAck[data.England], NextAction: Action{Log: data.StepCall, Reason: "Phone, and chase"}},
		{Date: d(t, "2026-12-31"), PersonName: "Bob", RequestID: "r2", StepID: "s2", What: "Ring the surgery"},
		{Date: d(t, "2026-12-31"), PersonName: "Bob", RequestID: "r2", StepID: "s3", What: "Ring the surgery"},
	}
	var buf bytes.Buffer
	now := time.Date(2026, 11, 21, 9, 30, 0, 0, time.FixedZone("BST", 3600))
	if err := WriteICS(&buf, items, now); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()

	if !strings.HasSuffix(raw, "\r\n") || strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\n") || strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\r") {
		t.Fatal("every line must end in CRLF, with no bare CR or LF")
	}
	physical := strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n")
	for _, l := range physical {
		if len(l) > 75 {
			t.Errorf("line longer than 75 octets (%d): %q", len(l), l)
		}
	}
	// Unfold (RFC 5545 3.1) and check the content lines.
	var lines []string
	for _, l := range physical {
		if strings.HasPrefix(l, " ") {
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	for _, l := range lines {
		if !strings.Contains(l, ":") {
			t.Errorf("content line without a value: %q", l)
		}
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Errorf("calendar not wrapped in VCALENDAR: %q … %q", lines[0], lines[len(lines)-1])
	}
	count := func(prefix string) int {
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				n++
			}
		}
		return n
	}
	for prefix, n := range map[string]int{
		"VERSION:2.0": 1, "PRODID:": 1, "BEGIN:VEVENT": 3, "END:VEVENT": 3, "UID:": 3,
		"DTSTAMP:20261121T083000Z": 3, "DTSTART;VALUE=DATE:": 3, "DTEND;VALUE=DATE:": 3, "SUMMARY:": 3,
	} {
		if got := count(prefix); got != n {
			t.Errorf("%d lines start %q, want %d", got, prefix, n)
		}
	}
	has := func(want string) {
		t.Helper()
		for _, l := range lines {
			if l == want {
				return
			}
		}
		t.Errorf("no line %q", want)
	}
	has("DTSTART;VALUE=DATE:20260225")
	has("DTEND;VALUE=DATE:20260226")
	has("DTSTART;VALUE=DATE:20261231")
	has("DTEND;VALUE=DATE:20270101") // the year turns
	has(`SUMMARY:OVERDUE Siân O'Brien-Ñúñez: Acknowledgement owed\; then a response\, within 3 working days\\ see notes\nsecond line`)
	has("SUMMARY:Bob: Ring the surgery")

	uids := map[string]bool{}
	for _, l := range lines {
		if strings.HasPrefix(l, "UID:") {
			if uids[l] {
				t.Errorf("UID repeated: %s", l)
			}
			uids[l] = true
		}
	}
	// The same agenda exported again keeps its UIDs, so calendars update.
	var again bytes.Buffer
	if err := WriteICS(&again, items, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	for uid := range uids {
		if !strings.Contains(again.String(), uid) {
			t.Errorf("UID %s changed between exports", uid)
		}
	}
	// A due date the user moves keeps its event.
	moved := items[1]
	moved.Date = d(t, "2027-01-08")
	if uid(moved) != uid(items[1]) {
		t.Error("moving a due date changed its UID")
	}
}

func TestFoldKeepsCharactersWhole(t *testing.T) {
	var buf bytes.Buffer
	long := strings.Repeat("é", 100) // two octets each
	if err := WriteICS(&buf, []Item{{Date: d(t, "2026-01-01"), PersonName: "X", What: long}}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(buf.String(), "\r\n") {
		if !utf8.ValidString(l) {
			t.Errorf("folding split a character: %q", l)
		}
	}
	if !strings.Contains(strings.ReplaceAll(buf.String(), "\r\n ", ""), "SUMMARY:X: "+long) {
		t.Error("unfolded summary does not match")
	}
}

func TestEmptyCalendar(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteICS(&buf, nil, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") || strings.Contains(buf.String(), "VEVENT") {
		t.Errorf("empty calendar: %q", buf.String())
	}
}
