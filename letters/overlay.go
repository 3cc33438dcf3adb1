package letters

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// Shaped lines are drawn glyph by glyph. gopdf can only set characters,
// each through the font's own character map, so the glyphs a shaper
// makes (joined Arabic forms, Indic conjuncts and vowel signs) cannot be
// reached through it. Instead the shaped lines of all pages are written
// as a small PDF of their own, which gopdf then imports page by page (its
// ImportPageStream and UseImportedTemplate) and lays over the letter's
// page. In it:
//
//   - each font is a Type 3 font holding only the glyphs the letter uses,
//     each drawn from the font's own outlines. This subsets TrueType and
//     CFF fonts alike, so a CJK font of 20 MB adds only its few glyphs;
//   - each cluster of glyphs (a syllable, a letter with its marks, a
//     ligature) is wrapped in an ActualText span with its characters in
//     the order they were written, so that copying the text, or
//     pdftotext, gives the name back as written, even where a vowel sign
//     is drawn before its consonant. Spans go no wider than a cluster:
//     readers put right-to-left text back in order from where each piece
//     stands on the page, as they do for any PDF, and a span over a whole
//     line would be turned round with it. Each glyph's ToUnicode entry
//     gives the characters of the first cluster it begins as well.

// overlayLine is one shaped line placed on a page.
type overlayLine struct {
	page    int     // from 0
	x, base float64 // the left end and the baseline, from the page's top left, in points
	size    float64
	text    string // in logical order
	line    shapedLine
}

// type3Font is one Type 3 font: up to 256 glyphs of one source font.
type type3Font struct {
	src    *shapeFont
	name   string
	glyphs []font.GID
	text   []string // ToUnicode per code
}

type glyphCode struct {
	font *type3Font
	code byte
}

type overlayWriter struct {
	fonts  []*type3Font
	codes  map[*shapeFont]map[font.GID]glyphCode
	objs   []string // object bodies; object n is objs[n-1]
	fontID map[*type3Font]int
}

func (w *overlayWriter) add(body string) int {
	w.objs = append(w.objs, body)
	return len(w.objs)
}

func (w *overlayWriter) reserve() int { return w.add("") }

func (w *overlayWriter) set(id int, body string) { w.objs[id-1] = body }

func stream(dict, data string) string {
	return fmt.Sprintf("<<%s /Length %d>>\nstream\n%s\nendstream\n", dict, len(data), data)
}

// code gives the glyph its code in one of the source font's Type 3 fonts.
func (w *overlayWriter) code(g placedGlyph) glyphCode {
	m := w.codes[g.font]
	if m == nil {
		m = map[font.GID]glyphCode{}
		w.codes[g.font] = m
	}
	c, ok := m[g.id]
	if !ok {
		var f *type3Font
		for _, t := range w.fonts {
			if t.src == g.font && len(t.glyphs) < 256 {
				f = t
			}
		}
		if f == nil {
			f = &type3Font{src: g.font, name: fmt.Sprintf("T%d", len(w.fonts)+1)}
			w.fonts = append(w.fonts, f)
		}
		c = glyphCode{f, byte(len(f.glyphs))}
		f.glyphs = append(f.glyphs, g.id)
		f.text = append(f.text, "")
		m[g.id] = c
	}
	if c.font.text[c.code] == "" {
		c.font.text[c.code] = g.text
	}
	return c
}

// overlayPDF writes the shaped lines as a PDF of the given number of A4
// pages.
func overlayPDF(lines []overlayLine, pages int) ([]byte, error) {
	w := &overlayWriter{codes: map[*shapeFont]map[font.GID]glyphCode{}, fontID: map[*type3Font]int{}}
	content := make([]strings.Builder, pages)
	for _, l := range lines {
		c := &content[l.page]
		c.WriteString("BT\n")
		var cur *type3Font
		open := false
		for _, g := range l.line.glyphs {
			if g.text != "" {
				if open {
					c.WriteString("EMC\n")
				}
				fmt.Fprintf(c, "/Span <</ActualText %s>> BDC\n", utf16Hex(g.text, true))
				open = true
			}
			gc := w.code(g)
			if gc.font != cur {
				cur = gc.font
				fmt.Fprintf(c, "/%s %s Tf\n", cur.name, num(l.size))
			}
			fmt.Fprintf(c, "1 0 0 1 %s %s Tm <%02X> Tj\n",
				num(l.x+g.x*l.size), num(pageH-l.base+g.y*l.size), gc.code)
		}
		if open {
			c.WriteString("EMC\n")
		}
		c.WriteString("ET\n")
	}

	catalog, pagesID := w.reserve(), w.reserve()
	for _, f := range w.fonts {
		id, err := w.writeFont(f)
		if err != nil {
			return nil, err
		}
		w.fontID[f] = id
	}
	var res strings.Builder
	res.WriteString("<< /Font <<")
	for _, f := range w.fonts {
		fmt.Fprintf(&res, " /%s %d 0 R", f.name, w.fontID[f])
	}
	res.WriteString(" >> >>")
	resID := w.add(res.String())
	var kids []string
	for p := range pages {
		cid := w.add(stream("", content[p].String()))
		pid := w.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %d 0 R /Contents %d 0 R >>",
			pagesID, num(pageW), num(pageH), resID, cid))
		kids = append(kids, fmt.Sprintf("%d 0 R", pid))
	}
	w.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesID))
	w.set(pagesID, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages))
	return w.bytes(catalog), nil
}

// writeFont writes a Type 3 font whose glyph procedures fill the source
// font's outlines, in its units (hence the FontMatrix of 1/unitsPerEm).
func (w *overlayWriter) writeFont(f *type3Font) (int, error) {
	shapeMu.Lock()
	defer shapeMu.Unlock()
	face := f.src.face
	var procs, diffs, widths strings.Builder
	bbox := [4]float32{}
	for code, gid := range f.glyphs {
		adv := face.HorizontalAdvance(gid)
		path, box := outlinePath(face.GlyphData(gid))
		for i := range 2 {
			bbox[i] = min(bbox[i], box[i])
			bbox[i+2] = max(bbox[i+2], box[i+2])
		}
		id := w.add(stream("", fmt.Sprintf("%s 0 %s %s %s %s d1\n%s",
			num32(adv), num32(box[0]), num32(box[1]), num32(box[2]), num32(box[3]), path)))
		fmt.Fprintf(&procs, " /g%d %d 0 R", code, id)
		fmt.Fprintf(&diffs, " /g%d", code)
		fmt.Fprintf(&widths, " %s", num32(adv))
	}
	toUni := w.add(stream("", toUnicodeCMap(f.text)))
	s := 1 / f.src.upem
	return w.add(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [%s %s %s %s] /FontMatrix [%s 0 0 %s 0 0]"+
		" /CharProcs <<%s >> /Encoding << /Type /Encoding /Differences [0%s] >> /FirstChar 0 /LastChar %d"+
		" /Widths [%s ] /Resources << >> /ToUnicode %d 0 R >>",
		num32(bbox[0]), num32(bbox[1]), num32(bbox[2]), num32(bbox[3]), strconv.FormatFloat(s, 'f', 8, 64), strconv.FormatFloat(s, 'f', 8, 64),
		procs.String(), diffs.String(), len(f.glyphs)-1, widths.String(), toUni)), nil
}

// outlinePath is the glyph's outline as PDF path operators, filled with
// the non-zero rule both TrueType and CFF outlines are drawn with, and its
// bounding box. Quadratic curves are raised to cubic ones.
func outlinePath(d font.GlyphData) (string, [4]float32) {
	o, ok := d.(font.GlyphOutline)
	if !ok || len(o.Segments) == 0 {
		return "", [4]float32{}
	}
	var b strings.Builder
	box := [4]float32{o.Segments[0].Args[0].X, o.Segments[0].Args[0].Y, o.Segments[0].Args[0].X, o.Segments[0].Args[0].Y}
	grow := func(pts ...ot.SegmentPoint) {
		for _, p := range pts {
			box[0], box[1] = min(box[0], p.X), min(box[1], p.Y)
			box[2], box[3] = max(box[2], p.X), max(box[3], p.Y)
		}
	}
	var last ot.SegmentPoint
	for _, seg := range o.Segments {
		a := seg.Args
		switch seg.Op {
		case ot.SegmentOpMoveTo:
			fmt.Fprintf(&b, "%s %s m\n", num32(a[0].X), num32(a[0].Y))
			last = a[0]
		case ot.SegmentOpLineTo:
			fmt.Fprintf(&b, "%s %s l\n", num32(a[0].X), num32(a[0].Y))
			last = a[0]
		case ot.SegmentOpQuadTo:
			c1 := ot.SegmentPoint{X: last.X + 2*(a[0].X-last.X)/3, Y: last.Y + 2*(a[0].Y-last.Y)/3}
			c2 := ot.SegmentPoint{X: a[1].X + 2*(a[0].X-a[1].X)/3, Y: a[1].Y + 2*(a[0].Y-a[1].Y)/3}
			fmt.Fprintf(&b, "%s %s %s %s %s %s c\n", num32(c1.X), num32(c1.Y), num32(c2.X), num32(c2.Y), num32(a[1].X), num32(a[1].Y))
			last = a[1]
		case ot.SegmentOpCubeTo:
			fmt.Fprintf(&b, "%s %s %s %s %s %s c\n", num32(a[0].X), num32(a[0].Y), num32(a[1].X), num32(a[1].Y), num32(a[2].X), num32(a[2].Y))
			last = a[2]
		}
		grow(seg.ArgsSlice()...)
	}
	b.WriteString("f\n")
	return b.String(), box
}

// toUnicodeCMap maps each code to the characters its glyph stands for.
func toUnicodeCMap(text []string) string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n")
	var codes []int
	for c, t := range text {
		if t != "" {
			codes = append(codes, c)
		}
	}
	sort.Ints(codes)
	for len(codes) > 0 {
		n := min(len(codes), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, c := range codes[:n] {
			fmt.Fprintf(&b, "<%02X> %s\n", c, utf16Hex(text[c], false))
		}
		b.WriteString("endbfchar\n")
		codes = codes[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
}

// utf16Hex is a PDF hex string of the text in UTF-16BE, with the byte
// order mark a text string needs (ActualText) or without (a CMap).
func utf16Hex(s string, bom bool) string {
	var b strings.Builder
	b.WriteString("<")
	if bom {
		b.WriteString("FEFF")
	}
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func num32(v float32) string {
	s := strconv.FormatFloat(float64(v), 'f', 2, 32)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// bytes lays the objects out with their cross-reference table.
func (w *overlayWriter) bytes(root int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(w.objs))
	for i, o := range w.objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(w.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(w.objs)+1, root, xref)
	return b.Bytes()
}
