package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

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
