package letters

import (
	"fmt"
	"sync"

	"fyne.io/fyne/v2/theme"
	"github.com/signintech/gopdf"
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
	regular, bold *face
	container     *gopdf.FontContainer
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
		fs := &fontSet{container: &gopdf.FontContainer{}}
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
