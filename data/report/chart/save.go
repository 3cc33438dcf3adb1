package chart

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"

	"secondopinion/data"
)

var errSize = errors.New("a chart needs a width and height of at least one pixel")

// EncodePNG writes the picture as PNG.
func EncodePNG(w io.Writer, img image.Image) error {
	return png.Encode(w, img)
}

// SavePNG writes the picture to path whole or not at all, so a failed
// save never leaves half a picture behind.
func SavePNG(path string, img image.Image) error {
	fail := func(err error) error {
		return &data.UserError{Message: fmt.Sprintf("could not save the chart as %s: %v", path, err), Err: err}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".chart-*.png")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if err := EncodePNG(tmp, img); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}
