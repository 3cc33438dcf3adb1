package chart

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// canvas is a white picture with the few drawing operations charts need.
type canvas struct {
	img   *image.RGBA
	scale float64
}

func newCanvas(w, h int, scale float64) *canvas {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, draw.Src)
	return &canvas{img: img, scale: scale}
}

// px turns a length in design pixels into real ones.
func (c *canvas) px(v float64) float64 { return v * c.scale }

// rect fills an axis-aligned rectangle, its corners on the side given
// rounded by radius: bars have soft ends, lines do not.
func (c *canvas) rect(x0, y0, x1, y1 float64, col color.Color, radius float64, end side) {
	if x1 <= x0 || y1 <= y0 {
		return
	}
	ox, oy := int(math.Floor(x0)), int(math.Floor(y0))
	w, h := int(math.Ceil(x1))-ox, int(math.Ceil(y1))-oy
	ax, ay, bx, by := float32(x0-float64(ox)), float32(y0-float64(oy)), float32(x1-float64(ox)), float32(y1-float64(oy))
	r := float32(min(radius, (x1-x0)/2, (y1-y0)/2))
	z := vector.NewRasterizer(w, h)
	switch {
	case r <= 0.5:
		z.MoveTo(ax, ay)
		z.LineTo(bx, ay)
		z.LineTo(bx, by)
		z.LineTo(ax, by)
	case end == roundTop:
		z.MoveTo(ax, by)
		z.LineTo(ax, ay+r)
		z.QuadTo(ax, ay, ax+r, ay)
		z.LineTo(bx-r, ay)
		z.QuadTo(bx, ay, bx, ay+r)
		z.LineTo(bx, by)
	default: // right
		z.MoveTo(ax, ay)
		z.LineTo(bx-r, ay)
		z.QuadTo(bx, ay, bx, ay+r)
		z.LineTo(bx, by-r)
		z.QuadTo(bx, by, bx-r, by)
		z.LineTo(ax, by)
	}
	z.ClosePath()
	z.Draw(c.img, image.Rect(ox, oy, ox+w, oy+h), image.NewUniform(col), image.Point{})
}

type side int

const (
	roundTop side = iota
	roundRight
)

// hline draws a crisp horizontal line one design pixel thick.
func (c *canvas) hline(x0, x1, y float64, col color.Color) {
	y = math.Round(y)
	c.rect(x0, y, x1, y+math.Max(1, math.Round(c.px(1))), col, 0, roundTop)
}

// vline draws a crisp vertical line one design pixel thick.
func (c *canvas) vline(x, y0, y1 float64, col color.Color) {
	x = math.Round(x)
	c.rect(x, y0, x+math.Max(1, math.Round(c.px(1))), y1, col, 0, roundTop)
}

type align int

const (
	alignLeft align = iota
	alignCentre
	alignRight
)

// text draws s with its baseline at y; x is its left edge, centre or right
// edge as a says.
func (c *canvas) text(f font.Face, s string, x, y float64, col color.Color, a align) {
	w := measure(f, s)
	switch a {
	case alignCentre:
		x -= w / 2
	case alignRight:
		x -= w
	}
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.I(int(math.Round(y)))}}
	d.DrawString(s)
}

// textUp draws s turned a quarter to the left, reading upwards, centred on
// (x, y): the label of a vertical axis.
func (c *canvas) textUp(f font.Face, s string, x, y float64, col color.Color) {
	m := f.Metrics()
	w := int(math.Ceil(measure(f, s)))
	h := (m.Ascent + m.Descent).Ceil()
	flat := image.NewRGBA(image.Rect(0, 0, w, h))
	d := font.Drawer{Dst: flat, Src: image.NewUniform(col), Face: f, Dot: fixed.Point26_6{Y: m.Ascent}}
	d.DrawString(s)
	up := image.NewRGBA(image.Rect(0, 0, h, w))
	for sy := 0; sy < h; sy++ {
		for sx := 0; sx < w; sx++ {
			up.SetRGBA(sy, w-1-sx, flat.RGBAAt(sx, sy))
		}
	}
	at := image.Pt(int(math.Round(x))-h/2, int(math.Round(y))-w/2)
	draw.Draw(c.img, up.Bounds().Add(at), up, image.Point{}, draw.Over)
}

func measure(f font.Face, s string) float64 {
	return float64(font.MeasureString(f, s)) / 64
}

// ascent is how far a face rises above its baseline, for placing text.
func ascent(f font.Face) float64 { return float64(f.Metrics().Ascent) / 64 }
