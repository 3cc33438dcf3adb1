package app

import (
	"fmt"
	"image"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data/report"
	"secondopinion/data/report/chart"
	"secondopinion/data/safefile"
	"secondopinion/data/store"
)

// reportsScreen is the figures for a period, with the two charts drawn by
// the program, and ways to save them: PNG for the charts, CSV for the
// figures and for the rows (anonymised, for a commissioner, if asked).
// Everything slow runs in the background.
type reportsScreen struct {
	s       *shell
	rng     *dateRange
	rep     *report.Report // nil until worked out
	months  image.Image
	outcome image.Image
	figures *fyne.Container
	charts  *fyne.Container
	anon    *widget.Check
	status  *widget.Label
	exports []*widget.Button
	gen     int
}

// Charts are drawn at twice the size they show, so they stay sharp.
const chartW, chartH = 1120, 520

func (s *shell) showReports() {
	s.showAfterLeaving(func() screen { return newReportsScreen(s) }, navReports)
}

func newReportsScreen(s *shell) *reportsScreen {
	rp := &reportsScreen{s: s, figures: container.NewVBox(), charts: container.NewGridWithRows(2), status: quiet("")}
	rp.rng = newDateRange(s.today(), rp.run)
	rp.anon = widget.NewCheck("Anonymised, to send outside: whole months, every line shared by 5 or more, counts under 5 hidden", nil)
	rp.anon.SetChecked(true)
	rp.run()
	return rp
}

func (rp *reportsScreen) content() fyne.CanvasObject {
	show := widget.NewButtonWithIcon("Show", theme.SearchIcon(), rp.run)
	savePNG := widget.NewButtonWithIcon("Save chart as PNG…", theme.DownloadIcon(), rp.onSaveChart)
	figCSV := widget.NewButtonWithIcon("Export CSV…", theme.DocumentSaveIcon(), func() { rp.onExport(false) })
	rowsCSV := widget.NewButtonWithIcon("Export rows CSV…", theme.DocumentSaveIcon(), func() { rp.onExport(true) })
	rp.exports = []*widget.Button{savePNG, figCSV, rowsCSV}
	rp.enable(rp.rep != nil)
	top := container.NewVBox(heading("Reports"),
		quiet("Requests opened in a period: how they were asked, what for, and how they stand now."),
		rp.rng.content(rp.s.today(), show))
	bottom := container.NewVBox(widget.NewSeparator(), container.NewHBox(savePNG, figCSV, rowsCSV), rp.anon, rp.status)
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(rp.figures)),
		container.NewPadded(rp.charts)) // each chart takes half the height, scaled to fit
	split.Offset = 0.42
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, split))
}

func (rp *reportsScreen) enable(on bool) {
	for _, b := range rp.exports {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

type drawnReport struct {
	r               report.Report
	months, outcome image.Image
}

// run works out the report and draws its charts in the background.
func (rp *reportsScreen) run() {
	from, to, ok := rp.rng.dates()
	if !ok {
		return
	}
	rp.gen++
	gen, st, today := rp.gen, rp.s.st, rp.s.today()
	rp.status.SetText("Working out the figures…")
	background(rp.s, func(ctx ctxT) (drawnReport, error) {
		r, err := report.FromStore(ctx, st, from, to, today)
		if err != nil {
			return drawnReport{}, err
		}
		m, err := chart.RequestsPerMonth(r, chartW, chartH)
		if err != nil {
			return drawnReport{}, err
		}
		o, err := chart.Outcomes(r, chartW, chartH)
		return drawnReport{r, m, o}, err
	}, func(d drawnReport) {
		if gen != rp.gen {
			return
		}
		rp.rep, rp.months, rp.outcome = &d.r, d.months, d.outcome
		rp.status.SetText("")
		rp.enable(true)
		rp.fill()
	})
}

// close lets go of the figures, a row for each request of the period, and
// the charts, which the window may otherwise keep a while; figures still
// being worked out are dropped.
func (rp *reportsScreen) close() {
	rp.gen++
	rp.rep, rp.months, rp.outcome = nil, nil, nil
	if rp.charts != nil {
		rp.charts.Objects = nil
	}
}

// fill shows the figures and the charts.
func (rp *reportsScreen) fill() {
	r := rp.rep
	rows := []fyne.CanvasObject{}
	add := func(label, value string) {
		rows = append(rows, widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), widget.NewLabel(value))
	}
	add("Requests opened", thousands(r.Opened))
	add("Median days to a decision", r.Median())
	add(fmt.Sprintf("Refusals answered within %d days", r.ReplyDays), thousands(r.RefusedInTime))
	add(fmt.Sprintf("Refusals answered later than %d days", r.ReplyDays), thousands(r.RefusedLate))
	add("Refusals with no reasons given", thousands(r.RefusedNoReasons))
	add("Overdue now", plural(r.OverdueRequests, "request", "requests"))
	add("Time logged", minutesText(r.Minutes))
	rp.figures.Objects = []fyne.CanvasObject{subheading(r.Period()), formRows(rows...)}
	for _, sec := range []struct {
		title string
		cs    []report.Count
	}{{"Outcomes", r.Outcomes}, {"By route", r.ByRoute}, {"By reason", r.ByReason}, {"By subject", r.BySubject},
		{"Who asked", r.ByAskedBy}, {"How they asked", r.ByAskedHow}, {"By nation", r.ByNation}} {
		rp.figures.Add(subheading(sec.title))
		rp.figures.Add(countRows(sec.cs, r.Opened))
	}
	rp.figures.Refresh()
	rp.charts.Objects = []fyne.CanvasObject{chartImage(rp.months), chartImage(rp.outcome)}
	rp.charts.Refresh()
}

func countRows(cs []report.Count, total int) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, c := range cs {
		if c.N == 0 {
			continue
		}
		share := ""
		if total > 0 {
			share = fmt.Sprintf("  (%d%%)", (c.N*100+total/2)/total)
		}
		objs = append(objs, widget.NewLabelWithStyle(c.Label, fyne.TextAlignTrailing, fyne.TextStyle{}), widget.NewLabel(thousands(c.N)+share))
	}
	if len(objs) == 0 {
		return quiet("None in this period.")
	}
	return formRows(objs...)
}

func chartImage(img image.Image) fyne.CanvasObject {
	c := canvas.NewImageFromImage(img)
	c.FillMode = canvas.ImageFillContain
	c.ScaleMode = canvas.ImageScaleSmooth
	// Small enough to sit beside the figures on a laptop at the largest
	// text size; Contain lets it grow with the window.
	const minW = 240
	c.SetMinSize(fyne.NewSize(minW, minW*chartH/chartW))
	return c
}

// fileBase is the start of a saved file's name: the period, plainly.
func (rp *reportsScreen) fileBase() string {
	return "Second opinion requests " + strings.NewReplacer("/", "-").Replace(rp.s.today().String())
}

func (rp *reportsScreen) onSaveChart() {
	choose := widget.NewRadioGroup([]string{"Requests per month", "How requests stand"}, nil)
	choose.SetSelected("Requests per month")
	d := dialog.NewCustomConfirm("Save a chart", "Choose where…", "Cancel", choose, func(ok bool) {
		if !ok {
			return
		}
		img, name := rp.months, " - per month.png"
		if choose.Selected != "Requests per month" {
			img, name = rp.outcome, " - outcomes.png"
		}
		rp.saveDialog(rp.fileBase()+name, func(path string) {
			if img != nil {
				rp.saveChart(img, path)
			}
		})
	}, rp.s.win)
	rp.s.showDialog(d)
}

// saveChart writes a chart as PNG in the background, whole or not at all.
func (rp *reportsScreen) saveChart(img image.Image, path string) {
	backgroundErr(rp.s, func(ctxT) error { return chart.SavePNG(path, img) }, func() {
		rp.status.SetText("Chart saved as " + path + ".")
	})
}

func (rp *reportsScreen) onExport(rows bool) {
	name := rp.fileBase() + " - figures.csv"
	if rows {
		name = rp.fileBase() + " - rows.csv"
		if rp.anon.Checked {
			name = rp.fileBase() + " - rows, anonymised.csv"
		}
	}
	rp.saveDialog(name, func(path string) { rp.export(path, rows, rp.anon.Checked) })
}

// export writes the figures, or the rows, as CSV in the background.
func (rp *reportsScreen) export(path string, rows, anonymous bool) {
	if rp.rep == nil {
		return // the screen was left while the file was chosen
	}
	r := *rp.rep
	what, perm := "the figures", safefile.Shared
	if rows && !anonymous {
		what, perm = "the rows", safefile.Private // they name people
	} else if rows {
		what = "the anonymised rows"
	}
	backgroundErr(rp.s, func(ctxT) error {
		return safefile.Write(path, what, perm, func(w io.Writer) error {
			switch {
			case rows:
				return report.WriteRowsCSV(w, r, anonymous)
			case anonymous:
				return report.WriteSafeFiguresCSV(w, r) // counts under 5 hidden
			}
			return report.WriteFiguresCSV(w, r)
		})
	}, func() {
		rp.s.noteAudit(store.AuditExported, store.AuditReport, "")
		rp.status.SetText("Saved as " + path + ".")
	})
}

// saveDialog asks where to save, then hands over the path. The dialog's
// own file is closed at once: the work writes the file whole.
func (rp *reportsScreen) saveDialog(name string, save func(path string)) { saveAs(rp.s, name, save) }

// saveAs asks where to save a file named name, then hands over the path.
// The dialog's own file is closed at once, with nothing written (the safe
// writer, saferepo.go, then touches nothing): the work writes the file
// whole.
func saveAs(s *shell, name string, save func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		save(path)
	}, s.win)
	d.SetFileName(name)
	d.Resize(fitDialog(s, fyne.NewSize(900, 600)))
	d.Show()
}
