package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// dateRange is a pair of dates, either left empty for an open end, with a
// few quick choices; the log and the reports share it.
type dateRange struct {
	from, to *field
	onChange func()
}

func newDateRange(today data.Date, onChange func()) *dateRange {
	r := &dateRange{onChange: onChange}
	r.from = newField("From", "From", "", checkDate)
	r.to = newField("To", "To", "", checkDate)
	r.from.entry.SetPlaceHolder("first request")
	r.to.entry.SetPlaceHolder("today")
	first := data.MustDate(today.Year(), today.Month(), 1)
	r.set(first.AddMonths(-11), monthEnd(first))
	r.from.entry.OnSubmitted = func(string) { r.changed() }
	r.to.entry.OnSubmitted = func(string) { r.changed() }
	return r
}

func (r *dateRange) set(from, to data.Date) {
	r.from.set(from.UK())
	r.to.set(to.UK())
}

func (r *dateRange) changed() {
	if r.onChange != nil {
		r.onChange()
	}
}

// dates are the two ends, and whether both read as dates.
func (r *dateRange) dates() (from, to data.Date, ok bool) {
	if !r.from.validate() || !r.to.validate() {
		return from, to, false
	}
	from, _ = data.ParseDate(r.from.text())
	to, _ = data.ParseDate(r.to.text())
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		r.to.setProblem("This is before the first date.")
		return from, to, false
	}
	return from, to, true
}

func (r *dateRange) content(today data.Date, show *widget.Button) fyne.CanvasObject {
	quick := func(label string, from, to data.Date) *widget.Button {
		b := widget.NewButton(label, func() { r.set(from, to); r.changed() })
		b.Importance = widget.LowImportance
		return b
	}
	first := data.MustDate(today.Year(), today.Month(), 1)
	sized := func(f *field) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(130, f.entry.MinSize().Height), f.entry)
	}
	return container.NewVBox(
		container.NewHBox(r.from.label, sized(r.from), r.to.label, sized(r.to), show,
			quick("This month", first, monthEnd(first)), quick("Last 12 months", first.AddMonths(-11), monthEnd(first)),
			quick("Everything", data.Date{}, data.Date{})),
		container.NewHBox(r.from.msg, r.to.msg))
}

// monthEnd is the last day of the month that starts on first. The quick
// periods are whole months, so that an anonymised export (whole months
// only, so no day can be worked out) works from them as they are.
func monthEnd(first data.Date) data.Date { return first.AddMonths(1).AddDays(-1) }
