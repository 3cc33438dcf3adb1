package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/process"
)

// todayFilter narrows Today as the caseload's filters narrow the
// caseload: overdue only, one nation, one flag.
type todayFilter struct {
	t       *todayScreen
	all     []process.Item // everything due, before filtering
	overdue *widget.Check
	nation  *widget.Select
	flag    *widget.Select
	count   *widget.Label
}

func newTodayFilter(t *todayScreen) *todayFilter {
	f := &todayFilter{t: t, count: quiet("")}
	f.overdue = widget.NewCheck("Overdue only", func(bool) { f.apply() })
	f.nation = widget.NewSelect(append([]string{anywhere}, enumLabels(data.Nations)...), func(string) { f.apply() })
	f.nation.Selected = anywhere
	flags := allFlags(t.s.cl.people)
	f.flag = widget.NewSelect(append([]string{anyFlag}, flags...), func(string) { f.apply() })
	f.flag.Selected = anyFlag
	if len(flags) == 0 {
		f.flag.Disable()
	}
	return f
}

func (f *todayFilter) content() fyne.CanvasObject {
	return container.NewHBox(f.overdue, f.nation, f.flag, f.count)
}

// apply lists the items that pass, in the same order.
func (f *todayFilter) apply() {
	nation := enumFor(f.nation.Selected, data.Nations)
	shown := f.t.items[:0:0]
	for _, it := range f.all {
		if f.overdue.Checked && !it.Overdue {
			continue
		}
		p, _ := f.t.s.cl.person(it.PersonID)
		if f.nation.Selected != anywhere && p.Nation != nation {
			continue
		}
		if f.flag.Selected != anyFlag && !slices.ContainsFunc(p.Flags, func(s string) bool { return strings.EqualFold(s, f.flag.Selected) }) {
			continue
		}
		shown = append(shown, it)
	}
	f.t.items = shown
	f.count.SetText("")
	if len(shown) < len(f.all) {
		f.count.SetText(thousands(len(shown)) + " of " + thousands(len(f.all)))
	}
	if f.t.list != nil {
		f.t.list.Refresh()
	}
}
