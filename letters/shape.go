package letters

import (
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// Text in Latin, Greek and Cyrillic is set by gopdf as it always was: one
// character, one glyph, left to right. Any other line is shaped with
// go-text's HarfBuzz port, which joins Arabic letters, places Indic vowel
// signs and forms conjuncts, and is put in visual order (right to left
// runs reversed) before it is drawn glyph by glyph (see overlay.go).

// placedGlyph is one glyph at its place on a line, in ems from the start
// of the line and the baseline (y up).
type placedGlyph struct {
	font *shapeFont
	id   font.GID
	x, y float64
	adv  float64
	text string // the characters this glyph begins; "" for the rest of a cluster
}

type shapedLine struct {
	glyphs []placedGlyph
	width  float64 // in ems
}

// simpleRune is a character gopdf sets well on its own: Latin, Greek,
// Cyrillic and common punctuation, with no combining mark to place.
func simpleRune(r rune) bool {
	switch {
	case r < 0x0300:
		return true
	case r < 0x0370:
		return false // combining marks
	case r < 0x0483:
		return true // Greek, Cyrillic
	case r < 0x048a:
		return false // Cyrillic combining marks
	case r < 0x0530:
		return true
	case r >= 0x1e00 && r < 0x2000:
		return true // Latin and Greek extended
	case r >= 0x2010 && r < 0x2028, r >= 0x2030 && r < 0x205f:
		return true // dashes, quotes, bullets
	case r >= 0x20a0 && r < 0x20c0, r >= 0x2100 && r < 0x2150:
		return true // currency, letterlike symbols
	}
	return false
}

// isSimple reports whether gopdf can set the text without shaping.
func (fs *fontSet) isSimple(s string, bold bool) bool {
	f := fs.regular
	if bold {
		f = fs.bold
	}
	for _, r := range s {
		if !simpleRune(r) || !f.has(r) && r != '\t' {
			return false
		}
	}
	return true
}

// fontmap chooses the font of each character for the segmenter.
type fontmap struct {
	bold  bool
	fonts map[*font.Face]*shapeFont
	err   error
}

func (m *fontmap) ResolveFace(r rune) *font.Face {
	f, err := fontFor(r, m.bold)
	if f == nil {
		if err != nil && m.err == nil {
			m.err = err
		}
		f, _ = latinFont(m.bold) // CheckPrintable has said so already
	}
	m.fonts[f.face] = f
	return f.face
}

var (
	shaper    shaping.HarfbuzzShaper
	segmenter shaping.Segmenter
)

// shapeLine shapes one line of text and orders it for display, with the
// letter's left-to-right paragraph direction.
func shapeLine(text string, bold bool) (shapedLine, error) {
	runes := []rune(text)
	if len(runes) == 0 {
		return shapedLine{}, nil
	}
	if _, err := latinFont(bold); err != nil {
		return shapedLine{}, err
	}
	fm := &fontmap{bold: bold, fonts: map[*font.Face]*shapeFont{}}
	shapeMu.Lock()
	defer shapeMu.Unlock()
	inputs := segmenter.Split(shaping.Input{Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR}, fm)
	if fm.err != nil {
		return shapedLine{}, fm.err
	}
	type shaped struct {
		out   shaping.Output
		font  *shapeFont
		rtl   bool
		weak  bool // no strong left-to-right letter: digits, spaces, marks
		start int
	}
	runs := make([]shaped, 0, len(inputs))
	for _, in := range inputs {
		f := fm.fonts[in.Face]
		in.Size = fixed.I(int(f.upem)) // so advances come out in font units
		runs = append(runs, shaped{
			out:  shaper.Shape(in),
			font: f,
			rtl:  in.Direction.Progression() == di.TowardTopLeft,
			weak: !hasStrongLTR(runes[in.RunStart:in.RunEnd]),
		})
	}
	// The bidi algorithm's runs come in logical order. In a left-to-right
	// paragraph each stretch of right-to-left runs, with the numbers and
	// neutrals inside it, is shown in reverse order.
	for i := 0; i < len(runs); i++ {
		if !runs[i].rtl {
			continue
		}
		end := i
		for j := i + 1; j < len(runs) && (runs[j].rtl || runs[j].weak); j++ {
			if runs[j].rtl {
				end = j
			}
		}
		for a, b := i, end; a < b; a, b = a+1, b-1 {
			runs[a], runs[b] = runs[b], runs[a]
		}
		i = end
	}
	var line shapedLine
	for _, r := range runs {
		scale := 1 / (64 * r.font.upem)
		seen := map[int]bool{}
		for _, g := range r.out.Glyphs {
			pg := placedGlyph{
				font: r.font, id: g.GlyphID,
				x:   line.width + float64(g.XOffset)*scale,
				y:   float64(g.YOffset) * scale,
				adv: float64(g.XAdvance) * scale,
			}
			if !seen[g.ClusterIndex] {
				seen[g.ClusterIndex] = true
				pg.text = string(runes[g.ClusterIndex : g.ClusterIndex+g.RuneCount])
			}
			line.glyphs = append(line.glyphs, pg)
			line.width += pg.adv
		}
	}
	return line, nil
}

func hasStrongLTR(rs []rune) bool {
	for _, r := range rs {
		if p, _ := bidi.LookupRune(r); p.Class() == bidi.L {
			return true
		}
	}
	return false
}
