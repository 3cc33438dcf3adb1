package letters

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"

	noto "secondopinion/assets/fonts"
)

// Names come in every script. Fyne's Noto Sans sets Latin, Greek and
// Cyrillic; the Noto font of each other script is embedded (assets/fonts)
// and parsed only when a letter first needs it; Chinese, Japanese and
// Korean, whose fonts are too large to carry, come from the computer's own
// Noto Sans CJK where it is installed.

// scriptFonts names the embedded font for each script, in the order they
// are tried for characters shared between scripts (a danda, a comma).
var scriptFonts = []struct {
	script *unicode.RangeTable
	stem   string
}{
	{unicode.Arabic, "Arabic"}, {unicode.Hebrew, "Hebrew"},
	{unicode.Devanagari, "Devanagari"}, {unicode.Bengali, "Bengali"},
	{unicode.Gurmukhi, "Gurmukhi"}, {unicode.Gujarati, "Gujarati"},
	{unicode.Oriya, "Oriya"}, {unicode.Tamil, "Tamil"}, {unicode.Telugu, "Telugu"},
	{unicode.Kannada, "Kannada"}, {unicode.Malayalam, "Malayalam"},
	{unicode.Sinhala, "Sinhala"}, {unicode.Thai, "Thai"}, {unicode.Lao, "Lao"},
	{unicode.Khmer, "Khmer"}, {unicode.Myanmar, "Myanmar"},
	{unicode.Ethiopic, "Ethiopic"}, {unicode.Thaana, "Thaana"},
	{unicode.Armenian, "Armenian"}, {unicode.Georgian, "Georgian"},
}

// cjkScripts are the scripts set with the system's CJK font.
var cjkScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo}

// cjkFontPaths are where the common systems keep a CJK font; Noto Sans CJK
// first, as it matches the rest of the letter. A collection holds one font
// per region; the Simplified Chinese one is chosen (cjkPreferred), and its
// Han glyphs serve the traditional characters too.
var cjkFontPaths = []string{
	"/usr/share/fonts/opentype/noto/NotoSansCJK-%s.ttc",   // Debian, Ubuntu: fonts-noto-cjk
	"/usr/share/fonts/noto-cjk/NotoSansCJK-%s.ttc",        // Arch, Fedora
	"/usr/share/fonts/google-noto-cjk/NotoSansCJK-%s.ttc", // older Fedora
	"/System/Library/Fonts/PingFang.ttc",                  // macOS
	`C:\Windows\Fonts\msyh%s.ttc`,                         // Windows: Microsoft YaHei
}

const cjkPreferred = "CJK SC"

// errNoCJKFont says, in words a person can act on, what is missing.
var errNoCJKFont = errors.New("this computer has no font for Chinese, Japanese or Korean writing. " +
	"Please install the Noto Sans CJK fonts (on Debian or Ubuntu, the package fonts-noto-cjk) and try again")

// shapeFont is one parsed font, with the face used to shape and draw it.
// A go-text Face is not safe for concurrent use: every use of face holds
// shapeMu.
type shapeFont struct {
	name string // the PDF's name for it, unique per font
	face *font.Face
	upem float64
}

var shapeMu sync.Mutex

type lazyFont struct {
	once sync.Once
	f    *shapeFont
	err  error
}

// fontCache holds every font parsed so far, by name; regular and bold are
// separate entries.
var fontCache sync.Map // string → *lazyFont

func cachedFont(name string, load func() (*shapeFont, error)) (*shapeFont, error) {
	v, _ := fontCache.LoadOrStore(name, &lazyFont{})
	lf := v.(*lazyFont)
	lf.once.Do(func() {
		lf.f, lf.err = load()
		if lf.f != nil {
			lf.f.name = name
		}
	})
	return lf.f, lf.err
}

func parseFont(data []byte) (*shapeFont, error) {
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return &shapeFont{face: face, upem: float64(face.Upem())}, nil
}

func weightName(bold bool) string {
	if bold {
		return "Bold"
	}
	return "Regular"
}

// latinFont is Fyne's Noto Sans, parsed for shaping.
func latinFont(bold bool) (*shapeFont, error) {
	return cachedFont("NotoSans-"+weightName(bold), func() (*shapeFont, error) {
		fs, err := loadFonts()
		if err != nil {
			return nil, err
		}
		return parseFont(fs.data(bold))
	})
}

func embeddedFont(stem string, bold bool) (*shapeFont, error) {
	name := "NotoSans" + stem + "-" + weightName(bold)
	return cachedFont(name, func() (*shapeFont, error) {
		data, err := noto.Files.ReadFile(name + ".ttf")
		if err != nil {
			return nil, err
		}
		return parseFont(data)
	})
}

// cjkFont is the system's CJK font, or errNoCJKFont. A bold face falls
// back to the regular one where only that is installed.
func cjkFont(bold bool) (*shapeFont, error) {
	f, err := cachedFont("CJK-"+weightName(bold), func() (*shapeFont, error) {
		for _, p := range cjkFontPaths {
			if strings.Contains(p, "%s") {
				w := weightName(bold)
				if strings.HasPrefix(p, `C:\`) {
					w = map[bool]string{true: "bd", false: ""}[bold]
				}
				p = strings.Replace(p, "%s", w, 1)
			} else if bold {
				continue
			}
			if f, err := loadCollection(p); err == nil {
				return f, nil
			}
		}
		return nil, errNoCJKFont
	})
	if err != nil && bold {
		return cjkFont(false)
	}
	return f, err
}

// loadCollection parses the preferred font of a collection, reading the
// others' names only: each holds tens of thousands of glyphs.
func loadCollection(path string) (*shapeFont, error) {
	data, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return nil, err
	}
	lds, err := ot.NewLoaders(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	pick := lds[0]
	for _, ld := range lds {
		if d, _ := font.Describe(ld, nil); strings.Contains(d.Family, cjkPreferred) {
			pick = ld
			break
		}
	}
	ft, err := font.NewFont(pick)
	if err != nil {
		return nil, err
	}
	face := font.NewFace(ft)
	return &shapeFont{face: face, upem: float64(face.Upem())}, nil
}

// has reports whether the font has a glyph for r. The cmap belongs to the
// Font, which is safe for concurrent use, so no lock is needed.
func (f *shapeFont) has(r rune) bool {
	_, ok := f.face.Font.NominalGlyph(r)
	return ok
}

func isCJK(r rune) bool {
	for _, t := range cjkScripts {
		if unicode.Is(t, r) {
			return true
		}
	}
	return false
}

// fontFor is the font that sets r: Noto Sans, else the script's own font,
// else (for characters shared between scripts) the first embedded font
// that has it. It is nil when no font can show r; err says why when the
// reason is a font missing from this computer.
func fontFor(r rune, bold bool) (*shapeFont, error) {
	if f, err := latinFont(bold); err != nil {
		return nil, err
	} else if f.has(r) {
		return f, nil
	}
	if isCJK(r) {
		f, err := cjkFont(bold)
		if err != nil || !f.has(r) {
			return nil, err
		}
		return f, nil
	}
	for _, s := range scriptFonts {
		if unicode.Is(s.script, r) {
			if f, err := embeddedFont(s.stem, bold); err == nil && f.has(r) {
				return f, nil
			}
			return nil, nil
		}
	}
	if unicode.In(r, unicode.Common, unicode.Inherited) {
		for _, s := range scriptFonts {
			if f, err := embeddedFont(s.stem, bold); err == nil && f.has(r) {
				return f, nil
			}
		}
	}
	return nil, nil
}
