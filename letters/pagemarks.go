package letters

import (
	"fmt"
	"strings"
)

// markPages heads every page after the first with the person's name, the
// date and "Page N of M", so that a page come loose from the others can be
// put back with them. layout leaves room for it (headerSpace).
func markPages(pages [][]run, l Letter, fs *fontSet, m metrics) [][]run {
	if len(pages) < 2 {
		return pages
	}
	name := strings.TrimSpace(l.Person)
	if name == "" && len(l.Signature) > 0 {
		name = strings.TrimSpace(l.Signature[0])
	}
	date := l.Date.Long()
	for i := 1; i < len(pages); i++ {
		right := fmt.Sprintf("Page %d of %d", i+1, len(pages))
		x := pageW - margin - fs.measure(right, false, m.footer)
		marks := []run{{x: x, y: margin, text: right, size: m.footer}}
		// The name and the date are set apart, so that a name written
		// right to left cannot draw the date's digits into its run.
		x = margin
		dated := date // each page's own: ", " is added once per page, not once more every page
		if name != "" {
			marks = append(marks, run{x: x, y: margin, text: name, size: m.footer})
			x += fs.measure(name, false, m.footer)
			if dated != "" {
				dated = ", " + dated
			}
		}
		if dated != "" {
			marks = append(marks, run{x: x, y: margin, text: dated, size: m.footer})
		}
		pages[i] = append(marks, pages[i]...)
	}
	return pages
}
