package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"secondopinion/data/process"
)

// onePerRequest keeps, of the agenda's items (soonest first), the most
// pressing one for each request: Today shows a request once, by the date
// that matters most, rather than the same person several times over.
func onePerRequest(items []process.Item) []process.Item {
	seen := make(map[string]bool, len(items))
	out := items[:0]
	for _, it := range items {
		if seen[it.RequestID] {
			continue
		}
		seen[it.RequestID] = true
		out = append(out, it)
	}
	return out
}

// longestDueTexts are the widest things a date on Today can say.
var longestDueTexts = []string{"999 days overdue", "Due Wed 30 September", "Due 30 September 2099", "Due tomorrow", "Next step"}

// dueWidth is room for any date at the text size in use, so that no date
// runs into the name beside it, at the largest text size too.
func dueWidth() float32 {
	var w float32
	for _, s := range longestDueTexts {
		w = max(w, fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	return w + 2*theme.InnerPadding()
}
