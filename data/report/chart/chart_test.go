package chart

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/report"
)

var today = data.MustDate(2026, 11, 21)

func demoReport(clients int, from data.Date) report.Report {
	b := demo.Build(clients, 3, today)
	return report.Build(b.People, b.Requests, b.Steps, from, data.Date{}, today)
}

// keep writes the picture where a person can look at it when
// CHART_OUT names a folder.
func keep(t *testing.T, name string, img image.Image) {
	if dir := os.Getenv("CHART_OUT"); dir != "" {
		if err := SavePNG(filepath.Join(dir, name), img); err != nil {
			t.Fatal(err)
		}
	}
}

func TestChartsDraw(t *testing.T) {
	r := demoReport(300, data.MustDate(2025, 12, 1))
	cases := []struct {
		name string
		draw func() (*image.RGBA, error)
		w, h int
	}{
		{"months.png", func() (*image.RGBA, error) { return RequestsPerMonth(r, 800, 450) }, 800, 450},
		{"months-2x.png", func() (*image.RGBA, error) { return RequestsPerMonth(r, 1600, 900) }, 1600, 900},
		{"outcomes.png", func() (*image.RGBA, error) { return Outcomes(r, 800, 450) }, 800, 450},
		{"both.png", func() (*image.RGBA, error) { return Both(r, 1000) }, 1000, 1124},
	}
	for _, tc := range cases {
		img, err := tc.draw()
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
			t.Errorf("%s is %v", tc.name, b)
		}
		if inked(img) < 0.02 {
			t.Errorf("%s is nearly blank", tc.name)
		}
		keep(t, tc.name, img)
	}
}

// inked is the share of pixels that are not background.
func inked(img *image.RGBA) float64 {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.RGBAAt(x, y) != background {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

func TestLongAndEmptyPeriods(t *testing.T) {
	long := demoReport(200, data.Date{})
	long.Months = nil
	start := data.MustDate(2020, 1, 1)
	for m := start; m.Before(today); m = m.AddMonths(1) {
		long.Months = append(long.Months, report.Month{Start: m, N: m.Year() - 2019 + int(m.Month())})
	}
	img, err := RequestsPerMonth(long, 800, 450)
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "months-long.png", img)

	empty := report.Build(nil, nil, nil, today, today, today)
	for name, draw := range map[string]func(report.Report, int, int) (*image.RGBA, error){
		"months-empty.png": RequestsPerMonth, "outcomes-empty.png": Outcomes} {
		img, err := draw(empty, 800, 450)
		if err != nil {
			t.Fatal(err)
		}
		keep(t, name, img)
	}
	if _, err := Outcomes(empty, 0, 10); err == nil {
		t.Error("a chart with no width drew")
	}
}

func TestSavePNG(t *testing.T) {
	img, err := Outcomes(demoReport(50, data.Date{}), 400, 225)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.png")
	if err := SavePNG(path, img); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	back, err := png.Decode(bytes.NewReader(b))
	if err != nil || back.Bounds() != img.Bounds() {
		t.Fatalf("saved PNG reads back as %v, %v", back.Bounds(), err)
	}
	if err := SavePNG(filepath.Join(t.TempDir(), "no", "such", "folder.png"), img); err == nil {
		t.Error("saving into a missing folder succeeded")
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct{ max, top, step int }{
		{0, 1, 1}, {1, 1, 1}, {5, 5, 1}, {6, 6, 2}, {9, 10, 2}, {11, 15, 5}, {26, 30, 10}, {51, 60, 20},
		{101, 150, 50}, {499, 500, 100}, {1234, 1500, 500},
	}
	for _, tc := range tests {
		if top, step := niceScale(tc.max); top != tc.top || step != tc.step {
			t.Errorf("niceScale(%d) = %d, %d; want %d, %d", tc.max, top, step, tc.top, tc.step)
		}
	}
}
