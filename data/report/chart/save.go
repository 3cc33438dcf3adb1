package chart

import (
	"errors"
	"image"
	"image/png"
	"io"

	"secondopinion/data/safefile"
)

var errSize = errors.New("a chart needs a width and height of at least one pixel")

// EncodePNG writes the picture as PNG.
func EncodePNG(w io.Writer, img image.Image) error {
	return png.Encode(w, img)
}

// SavePNG writes the picture to path whole or not at all, so a failed
// save never leaves half a picture behind.
func SavePNG(path string, img image.Image) error {
	return safefile.Write(path, "the chart", safefile.Shared, func(w io.Writer) error { return EncodePNG(w, img) })
}
