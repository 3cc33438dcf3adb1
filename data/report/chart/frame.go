package chart

import (
	"image"
	"math"
)

// Charts are designed at 800 by 450 and scaled from there.
const designW, designH = 800.0, 450.0

func scaleFor(w, h int) float64 {
	return math.Max(0.25, math.Min(float64(w)/designW, float64(h)/designH))
}

// start makes a blank chart and its text faces.
func start(w, h int) (*canvas, *faces, error) {
	if w < 1 || h < 1 {
		return nil, nil, errSize
	}
	scale := scaleFor(w, h)
	fs, err := newFaces(scale)
	if err != nil {
		return nil, nil, err
	}
	return newCanvas(w, h, scale), fs, nil
}

// frame draws the title and the line under it, and returns the space left
// for the chart itself.
func (c *canvas) frame(fs *faces, title, subtitle string) image.Rectangle {
	margin := c.px(24)
	y := margin + ascent(fs.title)
	c.text(fs.title, title, margin, y, ink, alignLeft)
	y += ascent(fs.body) * 1.7
	c.text(fs.body, subtitle, margin, y, muted, alignLeft)
	y += c.px(16)
	b := c.img.Bounds()
	return image.Rect(int(margin), int(y), b.Max.X-int(margin), b.Max.Y-int(margin))
}

// everyNth is how many bars go between labels so that labels of width
// need never overlap in slots of width slot.
func everyNth(n int, need, slot float64) int {
	k := 1
	for float64(k)*slot < need && k < n {
		k++
	}
	for _, nice := range []int{1, 2, 3, 4, 6, 12, 24} { // whole quarters, halves, years
		if nice >= k {
			return nice
		}
	}
	return k
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
