//go:build ignore

// icon_gen draws the program's icon: two overlapping pages on a calm teal
// tile, the front one ticked. Run: go run assets/icon_gen.go
package main

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/vector"
)

const size = 512

func main() {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	// Tile: a rounded square with a vertical teal gradient.
	tile := roundRect(24, 24, 488, 488, 96)
	grad := image.NewRGBA(img.Bounds())
	for y := 0; y < size; y++ {
		t := float64(y) / size
		c := color.RGBA{uint8(22 + 10*t), uint8(128 - 40*t), uint8(140 - 30*t), 255}
		for x := 0; x < size; x++ {
			grad.Set(x, y, c)
		}
	}
	fill(img, tile, grad)
	// The back page, tilted, pale.
	back := rotated(page(150, 110, 250, 310, 22), -0.16, 256, 256)
	fill(img, back, image.NewUniform(color.RGBA{200, 232, 230, 255}))
	// The front page, white.
	front := page(196, 150, 250, 310, 22)
	fill(img, shifted(front, 6, 10), image.NewUniform(color.RGBA{0, 0, 0, 50}))
	fill(img, front, image.White)
	// Lines of text on the front page.
	ink := image.NewUniform(color.RGBA{170, 190, 195, 255})
	for i, w := range []float32{170, 150, 170, 110} {
		fill(img, roundRect(236, 206+float32(i)*38, 236+w, 222+float32(i)*38, 8), ink)
	}
	// A warm tick in a circle, bottom right of the front page.
	fill(img, circle(400, 404, 72), image.NewUniform(color.RGBA{244, 162, 54, 255}))
	fill(img, tick(400, 404), image.White)

	f, err := os.Create("assets/icon.png")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		panic(err)
	}
}

type pt struct{ x, y float32 }

func fill(dst *image.RGBA, path []pt, src image.Image) {
	r := vector.NewRasterizer(size, size)
	r.MoveTo(path[0].x, path[0].y)
	for _, p := range path[1:] {
		r.LineTo(p.x, p.y)
	}
	r.ClosePath()
	r.Draw(dst, dst.Bounds(), src, image.Point{})
}

func roundRect(x0, y0, x1, y1, rad float32) []pt {
	var p []pt
	corners := []struct{ cx, cy, a float32 }{{x1 - rad, y0 + rad, -90}, {x1 - rad, y1 - rad, 0}, {x0 + rad, y1 - rad, 90}, {x0 + rad, y0 + rad, 180}}
	for _, c := range corners {
		for i := 0; i <= 12; i++ {
			a := float64(c.a+float32(i)*7.5) * math.Pi / 180
			p = append(p, pt{c.cx + rad*float32(math.Cos(a)), c.cy + rad*float32(math.Sin(a))})
		}
	}
	return p
}

// page is a rectangle with its top-right corner folded.
func page(x, y, w, h, fold float32) []pt {
	return []pt{{x, y}, {x + w - fold*2, y}, {x + w, y + fold*2}, {x + w, y + h}, {x, y + h}}
}

func rotated(path []pt, angle float64, cx, cy float32) []pt {
	s, c := float32(math.Sin(angle)), float32(math.Cos(angle))
	out := make([]pt, len(path))
	for i, p := range path {
		dx, dy := p.x-cx, p.y-cy
		out[i] = pt{cx + dx*c - dy*s, cy + dx*s + dy*c}
	}
	return out
}

func shifted(path []pt, dx, dy float32) []pt {
	out := make([]pt, len(path))
	for i, p := range path {
		out[i] = pt{p.x + dx, p.y + dy}
	}
	return out
}

func circle(cx, cy, r float32) []pt {
	var p []pt
	for i := 0; i < 72; i++ {
		a := float64(i) * 2 * math.Pi / 72
		p = append(p, pt{cx + r*float32(math.Cos(a)), cy + r*float32(math.Sin(a))})
	}
	return p
}

func tick(cx, cy float32) []pt {
	return []pt{{cx - 38, cy + 2}, {cx - 24, cy - 12}, {cx - 8, cy + 6}, {cx + 28, cy - 32}, {cx + 42, cy - 18}, {cx - 8, cy + 34}}
}
