package report

import (
	"bytes"
	"strings"
	"testing"

	"secondopinion/data"
)

func TestText(t *testing.T) {
	f := newFixture(t)
	r := f.build(day(t, "1/1/2026"), day(t, "31/12/2026"))
	var buf bytes.Buffer
	if err := WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"Second opinion requests: Opened 1 January 2026 to 31 December 2026\n",
		"As on 21 November 2026\n",
		"Requests opened                              9\n",
		"Median days to a decision                    8.5 (4 decisions)\n",
		"Refusals answered within 14 days             2\n",
		"Refusals answered after 14 days              1\n",
		"Overdue now (requests)                       3\n",
		"Time logged                                  5 h 50 min\n",
		"  Agreed                                         2   22%\n",
		"  Out-of-area specialist (funding request)       1   11%\n",
		"  Jan 2026                                       2\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "Ann Lee") {
		t.Error("the figures name a person")
	}
}

func TestPeriodWords(t *testing.T) {
	d := data.MustDate(2026, 3, 1)
	tests := []struct {
		from, to data.Date
		want     string
	}{
		{data.Date{}, data.Date{}, "All requests"},
		{d, data.Date{}, "Opened from 1 March 2026"},
		{data.Date{}, d, "Opened up to 1 March 2026"},
		{d, d, "Opened on 1 March 2026"},
		{d, d.AddDays(1), "Opened 1 March 2026 to 2 March 2026"},
	}
	for _, tc := range tests {
		if got := (Report{From: tc.from, To: tc.to}).Period(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	if got := (Report{}).Median(); got != "none yet" {
		t.Errorf("median of nothing: %q", got)
	}
}
