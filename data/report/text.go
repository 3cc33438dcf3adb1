package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Period says which requests the report covers, in words.
func (r Report) Period() string {
	switch {
	case r.From.IsZero() && r.To.IsZero():
		return "All requests"
	case r.To.IsZero():
		return "Opened from " + r.From.Long()
	case r.From.IsZero():
		return "Opened up to " + r.To.Long()
	case r.From == r.To:
		return "Opened on " + r.From.Long()
	}
	return "Opened " + r.From.Long() + " to " + r.To.Long()
}

// Median is the median days to a decision as people read it: "12",
// "12.5", or "none yet".
func (r Report) Median() string {
	if r.Decisions == 0 {
		return "none yet"
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", r.MedianDays), ".0")
}

// Hours is the time logged, as "12 h 05 min".
func (r Report) Hours() string {
	return fmt.Sprintf("%d h %02d min", r.Minutes/60, r.Minutes%60)
}

// WriteText writes the report as plain text with a label on every figure,
// for the command line and for pasting into an email.
func WriteText(w io.Writer, r Report) error {
	b := bufio.NewWriter(w)
	line := func(label string, value any) { fmt.Fprintf(b, "%-44s %v\n", label, value) }
	fmt.Fprintf(b, "Second opinion requests: %s\n", r.Period())
	if !r.Today.IsZero() {
		fmt.Fprintf(b, "As on %s\n", r.Today.Long())
	}
	fmt.Fprintln(b)
	line("Requests opened", r.Opened)
	line("Median days to a decision", r.Median()+decisionsNote(r.Decisions))
	line(fmt.Sprintf("Refusals answered within %d days", r.ReplyDays), r.RefusedInTime)
	line(fmt.Sprintf("Refusals answered after %d days", r.ReplyDays), r.RefusedLate)
	line("Refusals with no reasons given", r.RefusedNoReasons)
	line("Overdue now (requests)", r.OverdueRequests)
	line("Overdue now (deadlines passed)", r.OverdueItems)
	line("Time logged", r.Hours())

	section := func(title string, cs []Count) {
		fmt.Fprintf(b, "\n%s\n", title)
		for _, c := range cs {
			fmt.Fprintf(b, "  %-42s %5d  %s\n", c.Label, c.N, percent(c.N, r.Opened))
		}
	}
	section("Outcome (latest answer so far)", r.Outcomes)
	section("Route", r.ByRoute)
	section("Subject", r.BySubject)
	section("Reason", r.ByReason)
	section("Asked by", r.ByAskedBy)
	section("How they asked", r.ByAskedHow)
	section("Nation", r.ByNation)

	fmt.Fprintf(b, "\nRequests opened per month\n")
	if len(r.Months) == 0 {
		fmt.Fprintln(b, "  none")
	}
	for _, m := range r.Months {
		fmt.Fprintf(b, "  %-42s %5d\n", m.Label(), m.N)
	}
	return b.Flush()
}

func decisionsNote(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return " (1 decision)"
	}
	return fmt.Sprintf(" (%d decisions)", n)
}

// percent is "25%", or blank when there is nothing to divide by.
func percent(n, of int) string {
	if of == 0 {
		return ""
	}
	return fmt.Sprintf("%3.0f%%", 100*float64(n)/float64(of))
}
