package chart

import (
	"fmt"
	"image"
	"strconv"

	"secondopinion/data/report"
)

// Outcomes draws how the report's requests stand, one bar per outcome,
// each in its own colour, with the count and share beside it.
func Outcomes(r report.Report, width, height int) (*image.RGBA, error) {
	c, fs, err := start(width, height)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	plot := c.frame(fs, "How requests stand", r.Period()+": the latest answer on each")

	max, labelW := 0, 0.0
	for _, o := range r.Outcomes {
		max = maxInt(max, o.N)
		labelW = max2(labelW, measure(fs.body, o.Label))
	}
	if len(r.Outcomes) == 0 {
		return c.img, nil
	}
	topN, step := niceScale(max)
	lineH := ascent(fs.small) * 1.45
	left := float64(plot.Min.X) + labelW + c.px(12)
	right := float64(plot.Max.X) - measure(fs.small, "0000 (100%)") - c.px(8)
	top := float64(plot.Min.Y)
	bottom := float64(plot.Max.Y) - lineH - c.px(26)
	x := func(v int) float64 { return left + (right-left)*float64(v)/float64(topN) }

	for v := 0; v <= topN; v += step {
		if v > 0 {
			c.vline(x(v), top, bottom, grid)
		}
		c.text(fs.small, strconv.Itoa(v), x(v), bottom+c.px(6)+ascent(fs.small), muted, alignCentre)
	}
	slot := (bottom - top) / float64(len(r.Outcomes))
	barH := min(slot*0.66, c.px(34))
	for i, o := range r.Outcomes {
		y0 := top + slot*float64(i) + (slot-barH)/2
		mid := y0 + barH/2
		c.text(fs.body, o.Label, left-c.px(12), mid+ascent(fs.body)/2.6, ink, alignRight)
		if o.N > 0 {
			c.rect(left, y0, x(o.N), y0+barH, outcomeColour[report.Outcome(o.Key)], c.px(3), roundRight)
		}
		c.text(fs.small, share(o.N, r.Opened), x(o.N)+c.px(8), mid+ascent(fs.small)/2.6, ink, alignLeft)
	}
	c.vline(left, top, bottom, axis)
	if max == 0 {
		c.text(fs.body, "No requests opened in this period", (left+right)/2, (top+bottom)/2, muted, alignCentre)
	}
	c.text(fs.small, "Requests", (left+right)/2, float64(plot.Max.Y)-c.px(4), muted, alignCentre)
	return c.img, nil
}

// share is "12 (25%)", or the count alone when there is nothing to divide by.
func share(n, of int) string {
	if of == 0 {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d (%.0f%%)", n, 100*float64(n)/float64(of))
}

func max2(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
