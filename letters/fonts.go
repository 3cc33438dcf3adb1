package letters

import (
	"bytes"
	"fmt"
	"sync"

	"fyne.io/fyne/v2/theme"
	"github.com/signintech/gopdf"
	"github.com/signintech/gopdf/fontmaker/core"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The letter fonts are Noto Sans, as shipped in Fyne's theme. They are
// parsed once for the life of the program: parsing per letter would cost
// more than setting the letter itself.

const (
	familyRegular = "NotoSans"
	familyBold    = "NotoSans-Bold"
)

type face struct {
	sfnt *sfnt.Font
	upem float64

	mu      sync.Mutex
	buf     sfnt.Buffer
	advance map[rune]float64 // in ems; 0 for a character the font lacks
}

type fontSet struct {
	regular, bold         *face
	regularData, boldData []byte
	container             *gopdf.FontContainer
	ascent                float64 // baseline below the top of a line, in ems, as gopdf places it
}

func (fs *fontSet) data(bold bool) []byte {
	if bold {
		return fs.boldData
	}
	return fs.regularData
}

var (
	fontsOnce sync.Once
	fonts     *fontSet
	fontsErr  error
)

func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		reg := theme.DefaultTextFont().Content()
		bold := theme.DefaultTextBoldFont().Content()
		fs := &fontSet{container: &gopdf.FontContainer{}, regularData: reg, boldData: bold}
		if fs.regular, fontsErr = newFace(reg); fontsErr != nil {
			return
		}
		if fs.bold, fontsErr = newFace(bold); fontsErr != nil {
			return
		}
		if fontsErr = fs.container.AddTTFFontData(familyRegular, reg); fontsErr != nil {
			return
		}
		if fontsErr = fs.container.AddTTFFontData(familyBold, bold); fontsErr != nil {
			return
		}
		var p core.TTFParser
		if fontsErr = p.ParseByReader(bytes.NewReader(reg)); fontsErr != nil {
			return
		}
		fs.ascent = float64(p.TypoAscender()) / float64(p.UnitsPerEm())
		fonts = fs
	})
	if fontsErr != nil {
		return nil, fmt.Errorf("the letter font could not be loaded: %w", fontsErr)
	}
	return fonts, nil
}

func newFace(data []byte) (*face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return &face{sfnt: f, upem: float64(f.UnitsPerEm()), advance: map[rune]float64{}}, nil
}

// width is the advance of the character in ems, and whether the font has it.
func (f *face) width(r rune) (float64, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if w, ok := f.advance[r]; ok {
		return w, w > 0 || r == ' '
	}
	var w float64
	if gi, err := f.sfnt.GlyphIndex(&f.buf, r); err == nil && gi != 0 {
		adv, err := f.sfnt.GlyphAdvance(&f.buf, gi, fixed.I(int(f.upem)), font.HintingNone)
		if err == nil {
			w = float64(adv) / 64 / f.upem
		}
	}
	f.advance[r] = w
	return w, w > 0 || r == ' '
}

func (f *face) has(r rune) bool {
	_, ok := f.width(r)
	return ok
}

// measure is the width of the text in points at the size.
func (f *face) measure(s string, size float64) float64 {
	var w float64
	for _, r := range s {
		adv, _ := f.width(r)
		w += adv
	}
	return w * size
}

// measure is the width of the text in points at the size: from the
// character widths for text gopdf sets alone, else from the shaped line.
func (fs *fontSet) measure(s string, bold bool, size float64) float64 {
	f := fs.regular
	if bold {
		f = fs.bold
	}
	if fs.isSimple(s, bold) {
		return f.measure(s, size)
	}
	line, err := shapeLine(s, bold)
	if err != nil {
		return f.measure(s, size) // CheckPrintable has reported it
	}
	return line.width * size
}
