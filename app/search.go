package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// searchWords splits what was typed into the folded words to look for.
func searchWords(q string) []string { return strings.Fields(fold(q)) }

// matchesAll reports whether hay (already folded) holds every word.
func matchesAll(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// searchContacts lists the indexes of the contacts matching every word of
// q, by name, organisation, role or address.
func searchContacts(contacts []data.Contact, q string, into []int) []int {
	words := searchWords(q)
	into = into[:0]
	for i, c := range contacts {
		if matchesAll(fold(c.DisplayName()+" "+c.Role.Label()+" "+c.Address), words) {
			into = append(into, i)
		}
	}
	return into
}

// plainRow is a one-line list row that shortens with an ellipsis.
func plainRow() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
