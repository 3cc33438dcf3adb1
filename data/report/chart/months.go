package chart

import (
	"image"
	"strconv"

	"secondopinion/data/report"
)

// RequestsPerMonth draws the requests opened in each month of the report
// as a bar chart, with a title, the period, and labelled axes.
func RequestsPerMonth(r report.Report, width, height int) (*image.RGBA, error) {
	c, fs, err := start(width, height)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	plot := c.frame(fs, "Requests opened per month", r.Period())

	max := 0
	for _, m := range r.Months {
		max = maxInt(max, m.N)
	}
	if len(r.Months) == 0 {
		c.text(fs.body, "No requests in this period", float64(plot.Min.X+plot.Max.X)/2,
			float64(plot.Min.Y+plot.Max.Y)/2, muted, alignCentre)
		return c.img, nil
	}
	// Room on the left for the marks and the axis title, below for the
	// month and year and the axis title.
	lineH := ascent(fs.small) * 1.45
	topN, step := niceScale(max)
	markW := measure(fs.small, strconv.Itoa(topN))
	left := float64(plot.Min.X) + c.px(22) + markW + c.px(8)
	bottom := float64(plot.Max.Y) - 2*lineH - c.px(28)
	top := float64(plot.Min.Y) + c.px(18)
	right := float64(plot.Max.X)
	y := func(v int) float64 { return bottom - (bottom-top)*float64(v)/float64(topN) }

	c.textUp(fs.small, "Requests", float64(plot.Min.X)+c.px(8), (top+bottom)/2, muted)
	for v := 0; v <= topN; v += step {
		if v > 0 {
			c.hline(left, right, y(v), grid)
		}
		c.text(fs.small, strconv.Itoa(v), left-c.px(8), y(v)+ascent(fs.small)/2.6, muted, alignRight)
	}

	slot := (right - left) / float64(len(r.Months))
	barW := slot * 0.68
	labelEvery := everyNth(len(r.Months), measure(fs.small, "Mmm")+c.px(10), slot)
	showValues := measure(fs.small, strconv.Itoa(max)) < slot-c.px(2)
	yearShown := 0
	for i, m := range r.Months {
		x0 := left + slot*float64(i) + (slot-barW)/2
		if m.N > 0 {
			c.rect(x0, y(m.N), x0+barW, bottom, barBlue, c.px(3), roundTop)
		}
		mid := x0 + barW/2
		if showValues && m.N > 0 {
			c.text(fs.small, strconv.Itoa(m.N), mid, y(m.N)-c.px(5), ink, alignCentre)
		}
		if i%labelEvery == 0 {
			c.text(fs.small, m.Start.Month().String()[:3], mid, bottom+c.px(6)+ascent(fs.small), muted, alignCentre)
			if m.Start.Year() != yearShown { // the year under its first labelled month
				c.text(fs.small, strconv.Itoa(m.Start.Year()), mid, bottom+c.px(6)+ascent(fs.small)+lineH, muted, alignCentre)
				yearShown = m.Start.Year()
			}
		}
	}
	c.hline(left, right, bottom, axis)
	if max == 0 {
		c.text(fs.body, "No requests opened in this period", (left+right)/2, (top+bottom)/2, muted, alignCentre)
	}
	c.text(fs.small, "Month opened", (left+right)/2, float64(plot.Max.Y)-c.px(4), muted, alignCentre)
	return c.img, nil
}
