package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// bom starts every CSV file: without it, Excel reads UTF-8 as the old
// Windows code page and a name like Siân comes out garbled.
const bom = "\ufeff"

// WriteFiguresCSV writes the report's figures, one per line, as
// section, item, value. It holds no one's details, so it needs no
// anonymised form.
func WriteFiguresCSV(w io.Writer, r Report) error { return writeFigures(w, r, false) }

// WriteSafeFiguresCSV is WriteFiguresCSV fit to send outside the practice
// or service: a count from 1 to 4 shows as "<5", as NHS statistics do, and
// where a breakdown would then give it away by subtraction from its total,
// the next smallest count in it shows as "*" too.
func WriteSafeFiguresCSV(w io.Writer, r Report) error { return writeFigures(w, r, true) }

func writeFigures(w io.Writer, r Report, safe bool) error {
	cw, err := newCSV(w)
	if err != nil {
		return err
	}
	shown := func(v any) string {
		if n, ok := v.(int); ok && safe && n > 0 && n < MinGroup {
			return "<5"
		}
		return fmt.Sprint(v)
	}
	put := func(section, item string, v any) { _ = cw.Write([]string{section, item, shown(v)}) }
	put("Section", "Item", "Value")
	put("Report", "Period", r.Period())
	put("Report", "From", r.From.String())
	put("Report", "To", r.To.String())
	put("Report", "As on", r.Today.String())
	put("Summary", "Requests opened", r.Opened)
	median := ""
	if r.Decisions > 0 {
		median = r.Median()
	}
	put("Summary", "Median days to a decision", median)
	put("Summary", "Decisions timed", r.Decisions)
	put("Summary", fmt.Sprintf("Refusals answered within %d days", r.ReplyDays), r.RefusedInTime)
	put("Summary", fmt.Sprintf("Refusals answered after %d days", r.ReplyDays), r.RefusedLate)
	put("Summary", "Refusals with no reasons given", r.RefusedNoReasons)
	put("Summary", "Overdue now (requests)", r.OverdueRequests)
	put("Summary", "Overdue now (deadlines passed)", r.OverdueItems)
	put("Summary", "Minutes logged", r.Minutes)
	for _, s := range []struct {
		name string
		cs   []Count
	}{{"Outcome", r.Outcomes}, {"Route", r.ByRoute}, {"Subject", r.BySubject}, {"Reason", r.ByReason},
		{"Asked by", r.ByAskedBy}, {"Asked how", r.ByAskedHow}, {"Nation", r.ByNation}, {"Month", monthCounts(r.Months)}} {
		cells := make([]string, len(s.cs))
		ns := make([]int, len(s.cs))
		for i, c := range s.cs {
			cells[i], ns[i] = shown(c.N), c.N
		}
		if safe {
			secondary(cells, ns)
		}
		for i, c := range s.cs {
			_ = cw.Write([]string{s.name, c.Label, cells[i]})
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteRowsCSV writes one line per request. With anonymous set it leaves
// out everything that could name the person (see anonymise).
func WriteRowsCSV(w io.Writer, r Report, anonymous bool) error {
	if anonymous && !wholeMonths(r.From, r.To) {
		return ErrNotWholeMonths
	}
	cw, err := newCSV(w)
	if err != nil {
		return err
	}
	if anonymous {
		header := anonHeader(r.ReplyDays)
		_ = cw.Write(header)
		lines, withheld := anonymise(r.Rows)
		for _, line := range lines {
			_ = cw.Write(line)
		}
		if withheld > 0 {
			// Said in the file itself, so a reader knows the lines are not all.
			last := make([]string, len(header))
			last[0], last[1] = "Withheld", fmt.Sprintf("%d requests, each in a group smaller than %d", withheld, MinGroup)
			_ = cw.Write(last)
		}
	} else {
		_ = cw.Write(rowHeader(r.ReplyDays))
		for _, row := range r.Rows {
			_ = cw.Write(append([]string{row.RequestID, row.PersonID, cell(row.PersonName),
				row.Nation.Label(), row.Opened.String()}, common(row)...))
		}
	}
	cw.Flush()
	return cw.Error()
}

// commonHeader names common's columns; replyDays is the report's reply time.
func commonHeader(replyDays int) []string {
	return []string{"Route", "Subject", "Reason", "Asked by", "Asked how", "State", "Outcome",
		"Days to decision", fmt.Sprintf("Refusal answered within %d days", replyDays), "Refusal gave no reasons",
		"Overdue", "Minutes logged"}
}

func rowHeader(replyDays int) []string {
	return append([]string{"Request ID", "Person ID", "Person", "Nation", "Opened"}, commonHeader(replyDays)...)
}

// common is the part of a row the anonymised form keeps as it is: labels
// chosen from lists and numbers, never free text.
func common(r Row) []string {
	days := ""
	if r.Decided {
		days = strconv.Itoa(r.DaysToDecision)
	}
	inTime, noReasons := "", ""
	if r.Refused {
		inTime, noReasons = yesNo(r.RefusedInTime), yesNo(r.RefusedNoReasons)
	}
	return []string{label(r.Route), label(r.Subject), label(r.Reason), label(r.AskedBy), label(r.AskedHow),
		r.State.Label(), r.Outcome.Label(), days, inTime, noReasons, yesNo(r.Overdue), strconv.Itoa(r.Minutes)}
}

func label[E labelled](e E) string {
	if e == "" {
		return ""
	}
	return e.Label()
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

func newCSV(w io.Writer) (*csv.Writer, error) {
	if _, err := io.WriteString(w, bom); err != nil {
		return nil, err
	}
	return csv.NewWriter(w), nil
}

// cell stops a spreadsheet from running text typed by a person as a
// formula: a name beginning "=" is shown, not calculated.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// secondary hides one more count of a breakdown whose total is known when
// exactly one count in it is hidden, so that subtracting the others from
// the total cannot reveal it: the smallest count still shown, as "*".
func secondary(cells []string, ns []int) {
	hidden, next := 0, -1
	for i, c := range cells {
		switch {
		case c == "<5":
			hidden++
		case ns[i] > 0 && (next < 0 || ns[i] < ns[next]):
			next = i
		}
	}
	if hidden == 1 && next >= 0 {
		cells[next] = "*"
	}
}

// monthCounts are the months as a breakdown, labelled 2026-01.
func monthCounts(ms []Month) []Count {
	cs := make([]Count, len(ms))
	for i, m := range ms {
		cs[i] = Count{Label: fmt.Sprintf("%04d-%02d", m.Start.Year(), int(m.Start.Month())), N: m.N}
	}
	return cs
}
