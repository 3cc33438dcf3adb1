package chart

import (
	"fmt"
	"sync"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

// The charts use Noto Sans from Fyne's theme, so they match the window
// and the letters, and the program ships no font of its own. The fonts are
// parsed once; faces are made per chart, since a face is not safe to share
// between goroutines.
var (
	fontsOnce             sync.Once
	regularFont, boldFont *opentype.Font
	fontsErr              error
)

func loadFonts() error {
	fontsOnce.Do(func() {
		if regularFont, fontsErr = opentype.Parse(theme.DefaultTextFont().Content()); fontsErr != nil {
			return
		}
		boldFont, fontsErr = opentype.Parse(theme.DefaultTextBoldFont().Content())
	})
	if fontsErr != nil {
		return fmt.Errorf("the chart font could not be loaded: %w", fontsErr)
	}
	return nil
}

// faces are the text styles of one chart, sized for its scale.
type faces struct {
	title, body, small font.Face
}

func newFaces(scale float64) (*faces, error) {
	if err := loadFonts(); err != nil {
		return nil, err
	}
	mk := func(f *opentype.Font, px float64) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: px * scale, DPI: 72, Hinting: font.HintingFull})
	}
	var fs faces
	var err error
	if fs.title, err = mk(boldFont, 20); err != nil {
		return nil, err
	}
	if fs.body, err = mk(regularFont, 14); err != nil {
		return nil, err
	}
	if fs.small, err = mk(regularFont, 12.5); err != nil {
		return nil, err
	}
	return &fs, nil
}

func (fs *faces) Close() {
	fs.title.Close()
	fs.body.Close()
	fs.small.Close()
}
