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
	var head []string
	for _, s := range []string{name, l.Date.Long()} {
		if s != "" {
			head = append(head, s)
		}
	}
	left := strings.Join(head, ", ")
	for i := 1; i < len(pages); i++ {
		right := fmt.Sprintf("Page %d of %d", i+1, len(pages))
		x := pageW - margin - fs.measure(right, false, m.footer)
		marks := []run{{x: x, y: margin, text: right, size: m.footer}}
		if left != "" {
			marks = append(marks, run{x: margin, y: margin, text: left, size: m.footer})
		}
		pages[i] = append(marks, pages[i]...)
	}
	return pages
}
