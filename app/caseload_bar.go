package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/process"
)

// caseBar is the row of filters over the caseload: state, overdue,
// nation, flag and the order. It narrows the people screen's list.
type caseBar struct {
	p       *peopleScreen
	ix      *caseIndex // nil until it has been prepared
	f       caseFilter
	state   *widget.Select
	nation  *widget.Select
	flag    *widget.Select
	sort    *widget.Select
	overdue *widget.Check
	flags   []string
}

const (
	anyState     = "Any state"
	openState    = "Still open"
	anywhere     = "Any nation"
	anyFlag      = "Any flag"
	sortByName   = "By name"
	sortByDue    = "Next due first"
	preparingMsg = "Preparing the search of notes and letters…"
)

// filterStates are the states the filter offers, in the order of the ladder.
var filterStates = []process.StateKind{process.StateDrafted, process.StateSent, process.StateEscalated,
	process.StateAgreed, process.StateRefused, process.StatePartly, process.StateNoReply, process.StateClosed}

func stateWord(k process.StateKind) string {
	switch k {
	case process.StateDrafted:
		return "Drafted, not sent"
	case process.StateSent:
		return "Awaiting a reply"
	case process.StateEscalated:
		return "Escalated"
	case process.StateAgreed:
		return "Agreed"
	case process.StateRefused:
		return "Refused"
	case process.StatePartly:
		return "Partly agreed"
	case process.StateNoReply:
		return "No reply"
	case process.StateClosed:
		return "Closed"
	}
	return string(k)
}

func newCaseBar(p *peopleScreen) *caseBar {
	b := &caseBar{p: p}
	states := []string{anyState, openState}
	for _, k := range filterStates {
		states = append(states, stateWord(k))
	}
	b.state = widget.NewSelect(states, b.onState)
	b.state.Selected = anyState
	b.nation = widget.NewSelect(append([]string{anywhere}, enumLabels(data.Nations)...), b.onNation)
	b.nation.Selected = anywhere
	b.flags = allFlags(p.s.cl.people)
	b.flag = widget.NewSelect(append([]string{anyFlag}, b.flags...), b.onFlag)
	b.flag.Selected = anyFlag
	if len(b.flags) == 0 {
		b.flag.Disable()
	}
	b.sort = widget.NewSelect([]string{sortByName, sortByDue}, b.onSort)
	b.sort.Selected = sortByName
	b.overdue = widget.NewCheck("Overdue only", b.onOverdue)
	return b
}

// prepare builds the index in the background from a copy of the caseload,
// then filters again with it.
func (b *caseBar) prepare() { b.prepareThen(func() { b.p.onSearch(b.p.search.Text) }) }

// prepareThen builds the index in the background, then calls done. The
// index of the last visit is used again when it is of the same reading of
// the records, and of today: for 50,000 people building it takes seconds
// and 40 MB, and a copy was made, and kept a while, at every visit. It
// follows the caseload's changes as it filters; only the letters' wording,
// which the caseload does not hold, is read again.
func (b *caseBar) prepareThen(done func()) {
	s := b.p.s
	if s.st == nil {
		return
	}
	today, st := s.today(), s.st
	dues := s.reckoned.takeDues(s.cl, today) // the index keeps what it needs of them
	if ix := s.index; ix != nil && ix.generation == s.cl.generation && ix.today == today {
		background(s, func(ctx ctxT) (map[string]string, error) { return editedLetters(ctx, st) }, func(bodies map[string]string) {
			if s.index != ix || ix.generation != s.cl.generation {
				b.prepareThen(done) // the records were read again meanwhile
				return
			}
			ix.takeBodies(s.cl, bodies)
			b.ix = ix
			done()
		})
		return
	}
	snap := s.cl.clone()
	background(s, func(ctx ctxT) (*caseIndex, error) {
		bodies, err := editedLetters(ctx, st)
		if err != nil {
			return nil, err
		}
		ix := buildCaseIndex(snap, bodies, today, dues)
		releaseSoon()
		return ix, nil
	}, func(ix *caseIndex) {
		if ix.generation != s.cl.generation {
			return // the records were read again meanwhile, and a new index is on its way
		}
		b.ix, s.index = ix, ix
		done()
	})
}

func (b *caseBar) content() fyne.CanvasObject {
	return container.NewVBox(
		container.NewGridWithColumns(2, b.state, b.nation),
		container.NewGridWithColumns(2, b.flag, b.sort),
		b.overdue)
}

// apply lists the people to show. Until the index is ready the search
// looks at names and details only, and the other filters wait.
func (b *caseBar) apply(q string, into []int) []int {
	if b.ix == nil {
		return b.p.s.cl.search(q, into)
	}
	return b.ix.filter(b.p.s.cl, q, b.f, into)
}

func (b *caseBar) active() bool { return b.f.active() }

// dueLine is what a person's row says about their next date, if anything.
func (b *caseBar) dueLine(personID string) string {
	if b.ix == nil {
		return ""
	}
	d, _, _ := b.ix.dueOf(personID)
	if d.IsZero() {
		return ""
	}
	return dueText(d, b.p.s.today())
}

func (b *caseBar) changed() { b.p.onSearch(b.p.search.Text) }

func (b *caseBar) onState(label string) {
	b.f.state, b.f.open = "", label == openState
	for _, k := range filterStates {
		if stateWord(k) == label {
			b.f.state = k
		}
	}
	b.changed()
}

func (b *caseBar) onNation(label string) {
	b.f.nation = enumFor(label, data.Nations)
	b.changed()
}

func (b *caseBar) onFlag(label string) {
	b.f.flag = ""
	if label != anyFlag {
		b.f.flag = label
	}
	b.changed()
}

func (b *caseBar) onSort(label string) {
	b.f.byDue = label == sortByDue
	b.changed()
}

func (b *caseBar) onOverdue(on bool) {
	b.f.overdue = on
	b.changed()
}
