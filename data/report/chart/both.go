package chart

import (
	"image"
	"image/draw"

	"secondopinion/data/report"
)

// Both draws the two charts one above the other in a single picture of
// the given width: what the report command saves.
func Both(r report.Report, width int) (*image.RGBA, error) {
	h := width * 9 / 16
	months, err := RequestsPerMonth(r, width, h)
	if err != nil {
		return nil, err
	}
	outcomes, err := Outcomes(r, width, h)
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, width, 2*h))
	draw.Draw(img, months.Bounds(), months, image.Point{}, draw.Src)
	draw.Draw(img, outcomes.Bounds().Add(image.Pt(0, h)), outcomes, image.Point{}, draw.Src)
	return img, nil
}
