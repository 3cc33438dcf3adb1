package letters

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page geometry in points: A4 with 25 mm margins.
const (
	pageW  = 595.28
	pageH  = 841.89
	margin = 70.87 // 25 mm
	footY  = pageH - 42.5
)

// run is one line of text placed on a page; y is the top of the line.
type run struct {
	x, y float64
	text string
	bold bool
	size float64
}

// metrics are the sizes of one style of letter: normal or large print.
type metrics struct {
	body, small           float64 // font sizes
	leading               float64 // line height
	gap                   float64 // space between paragraphs
	hang                  float64 // bullet text indent
	signSpace             float64 // room to sign
	footer                float64 // footer font size
	blockW, toW, contentW float64
}

func metricsFor(large bool) metrics {
	body, footer := 11.0, 9.0
	if large {
		body, footer = 16.0, 16.0
	}
	cw := pageW - 2*margin
	return metrics{
		body: body, small: body, leading: body * 1.45, gap: body * 0.75,
		hang: body * 1.3, signSpace: body * 4, footer: footer,
		blockW: cw * 0.62, toW: cw * 0.8, contentW: cw,
	}
}

// layout places the whole letter, page by page.
type layout struct {
	m     metrics
	f     *fontSet
	pages [][]run
	y     float64

	breakBefore  int  // the body block that starts a new page, or -1
	closingAlone bool // the closing was the first thing on its page
}

// headerSpace is the room at the top of a continuation page for the line
// naming the person, the date and the page.
func (m metrics) headerSpace() float64 { return m.footer*1.45 + m.gap*2 }

func (lo *layout) newPage() {
	lo.pages = append(lo.pages, nil)
	lo.y = margin
	if len(lo.pages) > 1 {
		lo.y += lo.m.headerSpace()
	}
}

// top is where the first line of the current page goes.
func (lo *layout) top() float64 {
	if len(lo.pages) > 1 {
		return margin + lo.m.headerSpace()
	}
	return margin
}

func (lo *layout) bottom() float64 { return pageH - margin }

func (lo *layout) room() float64 { return lo.bottom() - lo.y }

// need starts a new page unless h points still fit.
func (lo *layout) need(h float64) {
	if lo.room() < h && lo.y > lo.top() {
		lo.newPage()
	}
}

func (lo *layout) put(x float64, text string, bold bool) {
	lo.need(lo.m.leading)
	p := len(lo.pages) - 1
	lo.pages[p] = append(lo.pages[p], run{x: x, y: lo.y, text: text, bold: bold, size: lo.m.body})
	lo.y += lo.m.leading
}

// measure is the width of the text in points at the body size.
func (lo *layout) measure(s string, bold bool) float64 {
	return lo.f.measure(s, bold, lo.m.body)
}

// layoutLetter places the letter. The closing, the space to sign and the
// name never stand alone at the top of a page: when they would, the last
// paragraph goes over with them.
func layoutLetter(l Letter, f *fontSet, large bool) [][]run {
	lo := layOut(l, f, large, -1)
	if lo.closingAlone && len(l.Body) > 0 {
		lo = layOut(l, f, large, len(l.Body)-1)
	}
	return lo.pages
}

func layOut(l Letter, f *fontSet, large bool, breakBefore int) *layout {
	lo := &layout{m: metricsFor(large), f: f, breakBefore: breakBefore}
	m := lo.m
	lo.newPage()
	right := pageW - margin

	// The sender's block sits flush right, its lines aligned on the left.
	var from []string
	for _, s := range l.From {
		from = append(from, lo.wrap(s, m.blockW, false)...)
	}
	date := l.Date.Long()
	var widest float64
	for _, s := range append(from, date) {
		widest = max(widest, lo.measure(s, false))
	}
	x := right - widest
	for _, s := range from {
		lo.put(x, s, false)
	}
	if date != "" {
		if len(from) > 0 {
			lo.y += m.gap
		}
		lo.put(x, date, false)
	}
	if len(l.To) > 0 {
		lo.y += m.leading
		for _, s := range l.To {
			for _, w := range lo.wrap(s, m.toW, false) {
				lo.put(margin, w, false)
			}
		}
	}
	lo.y += m.leading
	if l.Subject != "" {
		lo.paragraph(l.Subject, true, 3)
		lo.y += m.gap
	}
	if l.Salutation != "" {
		lo.paragraph(l.Salutation, false, 2)
		lo.y += m.gap
	}
	for i, b := range l.Body {
		if i == lo.breakBefore && lo.y > lo.top() {
			lo.newPage()
		}
		if b.IsList() {
			lo.bullets(b.Items)
		} else if b.Heading {
			lo.need(4 * m.leading) // never a heading alone at the foot of a page
			lo.paragraph(b.Text, true, 2)
		} else {
			lo.paragraph(b.Text, false, 2)
		}
		lo.y += m.gap
	}
	lo.signOff(l)
	return lo
}

// paragraph sets text ragged right, keeping at least keep lines together
// at the foot of a page so no line is left alone there.
func (lo *layout) paragraph(text string, bold bool, keep int) {
	var ls []string
	for _, line := range strings.Split(text, "\n") {
		ls = append(ls, lo.wrap(line, lo.m.contentW, bold)...)
	}
	lo.need(float64(min(keep, len(ls))) * lo.m.leading)
	for i, s := range ls {
		if i == len(ls)-2 {
			lo.need(2 * lo.m.leading) // no last line alone at the top of a page
		}
		lo.put(margin, s, bold)
	}
}

func (lo *layout) bullets(items []string) {
	m := lo.m
	textX := margin + m.hang
	for i, it := range items {
		ls := lo.wrap(it, m.contentW-m.hang, false)
		lo.need(float64(min(2, len(ls))) * m.leading)
		p := len(lo.pages) - 1
		lo.pages[p] = append(lo.pages[p], run{x: margin + m.body*0.2, y: lo.y, text: "•", size: m.body})
		for _, s := range ls {
			lo.put(textX, s, false)
		}
		if i < len(items)-1 {
			lo.y += m.gap * 0.35
		}
	}
}

// signOff keeps the closing, the space to sign and the name together.
func (lo *layout) signOff(l Letter) {
	m := lo.m
	h := m.leading*float64(1+len(l.Signature)) + m.signSpace
	lo.need(h)
	lo.closingAlone = len(lo.pages) > 1 && len(lo.pages[len(lo.pages)-1]) == 0
	if l.Closing != "" {
		lo.put(margin, l.Closing, false)
	}
	lo.y += m.signSpace
	for _, s := range l.Signature {
		for _, w := range lo.wrap(s, m.contentW, false) {
			lo.put(margin, w, false)
		}
	}
}

// wrap breaks text into lines no wider than width, measuring each word.
// A word longer than a line is broken between characters: never lost,
// never past the margin.
func (lo *layout) wrap(text string, width float64, bold bool) []string {
	words := units(strings.Fields(strings.ReplaceAll(text, "\t", " ")))
	if len(words) == 0 {
		return nil
	}
	measure := func(s string) float64 { return lo.measure(s, bold) }
	space := measure(" ")
	var out []string
	var line string
	var lineW float64
	for _, w := range words {
		ww := measure(w)
		switch {
		case line == "" && ww <= width:
			line, lineW = w, ww
		case line != "" && lineW+space+ww <= width:
			line += " " + w
			lineW += space + ww
		case ww <= width:
			out = append(out, line)
			line, lineW = w, ww
		default:
			if line != "" {
				out = append(out, line)
			}
			pieces := breakWord(w, width, measure)
			out = append(out, pieces[:len(pieces)-1]...)
			line = pieces[len(pieces)-1]
			lineW = measure(line)
		}
	}
	return append(out, line)
}

// units joins words that read badly apart at a line end: a number and
// its unit or the next group of digits ("800 mg", "485 777 3456"), a day,
// month and year, and a title and a name.
func units(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		u := words[i]
		for i+1 < len(words) && keepTogether(words[i], words[i+1]) {
			i++
			u += " " + words[i]
		}
		out = append(out, u)
	}
	return out
}

func keepTogether(a, b string) bool {
	b = strings.TrimRight(b, ".,;:)")
	switch {
	case isTitle(a):
		return true
	case allDigits(a) && len(a) <= 4:
		return allDigits(b) || isMonth(b) || len([]rune(b)) <= 3
	case isMonth(a):
		return allDigits(b) && len(b) == 4
	}
	return false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isMonth(s string) bool {
	switch s {
	case "January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December":
		return true
	}
	return false
}

// breakWord cuts a word into pieces that each fit the width (at least one
// character a piece, so even an impossibly narrow width makes progress).
func breakWord(w string, width float64, measure func(string) float64) []string {
	var out []string
	for w != "" {
		end := 0
		prev := rune(-1)
		for i, r := range w {
			if i > 0 && breakable(prev, r) {
				if measure(w[:i]) > width {
					break
				}
				end = i
			}
			prev = r
		}
		if measure(w) <= width {
			end = len(w)
		}
		if end == 0 {
			_, end = utf8.DecodeRuneInString(w)
		}
		out = append(out, w[:end])
		w = w[end:]
	}
	return out
}

// breakable reports whether a word may be cut between a and b: never
// before a vowel sign or other mark, nor after a virama or a joiner, which
// bind the letters of one syllable together.
func breakable(a, b rune) bool {
	if unicode.Is(unicode.M, b) {
		return false
	}
	switch a {
	case 0x200c, 0x200d, 0x094d, 0x09cd, 0x0a4d, 0x0acd, 0x0b4d, 0x0bcd, 0x0c4d, 0x0ccd, 0x0d4d, 0x0dca, 0x1039, 0x17d2:
		return false
	}
	return true
}
