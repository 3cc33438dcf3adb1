package app

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/report"
)

// trendLog is every request opened in a period, one line each: when, the
// kind of reason, how it was asked, the route, who it went to and where it
// stands, so that a surgery or an advocate can see trends. A row opens
// its request.
type trendLog struct {
	s     *shell
	rng   *dateRange
	rows  []report.Row
	table *widget.Table
	count *widget.Label
	gen   int
}

var logColumns = []struct {
	title string
	width float32
}{{"Opened", 110}, {"Person", 190}, {"Kind of reason", 220}, {"Asked", 90}, {"Route", 200},
	{"Routed to", 220}, {"Where it stands", 200}, {"Days to decision", 130}}

func (s *shell) showLog() { s.showAfterLeaving(func() screen { return newTrendLog(s) }, navLog) }

func newTrendLog(s *shell) *trendLog {
	t := &trendLog{s: s, count: quiet("Reading the requests…")}
	t.rng = newDateRange(s.today(), t.load)
	t.table = widget.NewTableWithHeaders(func() (int, int) { return len(t.rows), len(logColumns) }, t.newCell, t.updateCell)
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(logColumns[id.Col].title)
		}
	}
	for i, c := range logColumns {
		t.table.SetColumnWidth(i, c.width)
	}
	t.table.OnSelected = t.onSelected
	t.load()
	return t
}

func (t *trendLog) content() fyne.CanvasObject {
	show := widget.NewButtonWithIcon("Show", theme.SearchIcon(), t.load)
	top := container.NewVBox(heading("Request log"),
		quiet("Every request opened in the period, with its reason and how it stands. Choose a line to open the request."),
		t.rng.content(t.s.today(), show), t.count)
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, t.table))
}

// load works out the rows in the background, on a copy of the caseload.
func (t *trendLog) load() {
	from, to, ok := t.rng.dates()
	if !ok {
		return
	}
	t.gen++
	gen, snap, today := t.gen, t.s.cl.clone(), t.s.today()
	background(t.s, func(ctxT) (report.Report, error) {
		r := buildReport(snap, from, to, today)
		// Newest first: the desk and the advocate look at what came in lately.
		slices.SortStableFunc(r.Rows, func(a, b report.Row) int { return b.Opened.Compare(a.Opened) })
		return r, nil
	}, func(r report.Report) {
		if gen != t.gen {
			return // a later range was asked for
		}
		t.rows = r.Rows
		t.count.SetText(plural(len(t.rows), "request", "requests") + " · " + r.Period())
		t.table.UnselectAll()
		t.table.Refresh()
		t.table.ScrollToTop()
	})
}

// buildReport is report.BuildWith over an in-memory copy of the caseload.
func buildReport(cl *caseload, from, to, today data.Date) report.Report {
	reqs := make([]data.Request, 0, len(cl.requests))
	var steps []data.Step
	for id, r := range cl.requests {
		reqs = append(reqs, r.forRules())
		steps = cl.digest(id).timeline(id, steps)
	}
	return report.BuildWith(cl.people, reqs, steps, from, to, today, cl.config())
}

func (t *trendLog) newCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (t *trendLog) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(t.rows) {
		return // closed, and drawn once more on the way out
	}
	o.(*widget.Label).SetText(t.cell(t.rows[id.Row], id.Col))
}

// close lets go of the rows, one for each request of the period, which the
// window may otherwise keep a while; a log still being worked out is dropped.
func (t *trendLog) close() {
	t.gen++
	t.rows = nil
}

// cell is one value of the log, as people read it.
func (t *trendLog) cell(r report.Row, col int) string {
	switch col {
	case 0:
		return r.Opened.UK()
	case 1:
		return r.PersonName
	case 2:
		return labelOf(r.Reason)
	case 3:
		if r.AskedHow == data.AskedVerbally {
			return "Verbally"
		}
		return labelOf(r.AskedHow)
	case 4:
		return labelOf(r.Route)
	case 5:
		// The request may have gone since the log was made.
		if req, ok := t.s.cl.request(r.RequestID); ok {
			if c, ok := t.s.cl.contact(req.RecipientID); ok {
				return c.DisplayName()
			}
		}
		return ""
	case 6:
		return r.State.Label()
	case 7:
		if r.Decided {
			return strconv.Itoa(r.DaysToDecision)
		}
	}
	return ""
}

func (t *trendLog) onSelected(id widget.TableCellID) {
	if id.Row >= 0 && id.Row < len(t.rows) {
		t.s.showRequest(t.rows[id.Row].RequestID)
	}
}
