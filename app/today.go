package app

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/process"
)

// todayScreen is what is overdue and due soon across everyone, each with
// its next action.
type todayScreen struct {
	s      *shell
	closed bool // another screen has taken its place
	items  []process.Item
	list   *widget.List
	body   *fyne.Container
	only   *todayFilter
}

// newTodayScreen works out the agenda in the background, on a copy of the
// caseload: with thousands of clients it takes a moment. The last one
// worked out is shown again at once if nothing it was worked out from has
// changed since: with 50,000 people, working it out took a third of a
// second and 75 MB let go after, at every return to Today.
func newTodayScreen(s *shell) *todayScreen {
	t := &todayScreen{s: s, body: container.NewStack(container.NewCenter(note("Working out what is due…")))}
	today := s.today()
	if r := s.reckoned; r != nil && r.from.holdsFor(s.cl, today) {
		t.show(r.items)
		return t
	}
	snap := s.cl.clone()
	background(s, func(ctxT) (*reckoning, error) {
		r := reckon(snap, today)
		releaseSoon()
		return r, nil
	}, func(r *reckoning) {
		if s.index != nil && s.index.generation == r.from.generation {
			r.dues = nil // the index has its own, and follows the changes
		}
		s.reckoned = r
		t.show(r.items)
	})
	return t
}

// reckoning is what Today works out, with what it was worked out from:
// its items, and from them everyone's soonest dates. It is kept for the
// next visit to Today; its items are never changed, only filtered into
// new lists.
//
// The dates are for the Clients index to start from, until it takes them:
// working out the whole agenda again took a quarter of a second with
// 50,000 people, and 70 MB let go after. Today lists one item for each
// request, the soonest, which leaves each person's soonest date and
// whether anything is overdue as they were.
type reckoning struct {
	from  reckonedFrom
	items []process.Item
	dues  map[string]personDue
}

// reckon works Today out from snap on today: a snapshot, or records just
// read that the window does not have yet.
func reckon(snap *caseload, today data.Date) *reckoning {
	defer collectSooner()()
	items := agenda(snap, today)
	return &reckoning{from: reckonedOn(snap, today), items: items, dues: duesOf(items)}
}

// takeDues gives the Clients index the dates if they hold for cl as it
// is now, on today, else nil; either way they are let go.
func (r *reckoning) takeDues(cl *caseload, today data.Date) map[string]personDue {
	if r == nil {
		return nil
	}
	dues := r.dues
	r.dues = nil
	if !r.from.holdsFor(cl, today) {
		return nil
	}
	return dues
}

// show puts the items worked out on the screen, unless it has gone.
func (t *todayScreen) show(items []process.Item) {
	if t.closed {
		return
	}
	t.items = items
	t.body.Objects = []fyne.CanvasObject{t.build()}
	t.body.Refresh()
}

// close lets go of the items, which the window may otherwise keep a while.
func (t *todayScreen) close() {
	t.closed, t.items = true, nil
	if t.only != nil {
		t.only.all = nil
	}
	t.body.Objects = nil
	releaseSoon()
}

// agenda works out what is due, soonest first, one item for each request;
// then what is ready for its next step, person by person, each one's
// newest request first. The items are put in one list once, at its size:
// appended to the dated items, the waiting ones (most of them, with 50,000
// people) made it grow by a copy of them all.
func agenda(cl *caseload, today data.Date) []process.Item {
	// The config once: it copies the directory. The request still in the
	// wizard has its own card, not an item.
	w := waitingList{cl: cl, today: today, cfg: cl.config()}
	var d draft
	if json.Unmarshal([]byte(cl.settings[settingDraft]), &d) == nil {
		w.draft = d.RequestID
	}
	dated, waiting := process.ListAgenda(cl.people, cl.requestList(), (*requestBrief).forRules, cl.timelines(), today, w.cfg,
		process.Listing{Soonest: true, Undated: w.item})
	return w.appendInOrder(dated, waiting)
}

// waitingList finds the requests with nothing owed but a step for the
// user to take: a letter not yet sent, or an answer to act on. They
// follow the dated items, with no date of their own.
type waitingList struct {
	cl    *caseload
	today data.Date
	cfg   process.Config
	draft string // the request still in the wizard
}

// item is a request's waiting item, if it is waiting on the user.
func (w *waitingList) item(r data.Request, p *data.Person, steps []data.Step) (process.Item, bool) {
	if p == nil || r.ID == w.draft {
		return process.Item{}, false
	}
	st := w.cl.state(r.ID)
	if !waitsOnUs(st.Kind) {
		return process.Item{}, false
	}
	act, ok := process.NextActionFor(r, steps, w.today, w.cl.configOn(w.cfg, r))
	if !ok {
		return process.Item{}, false
	}
	what := st.Label()
	if st.Kind == process.StateDrafted {
		what = "No letter sent yet"
	}
	return process.Item{PersonID: p.ID, PersonName: p.Name, RequestID: r.ID,
		What: what + " · " + r.Title(), NextAction: act}, true
}

// appendInOrder appends the waiting items to list in the order of the
// people, each one's newest request first (and requests made at the same
// moment in the order the person's list has them). Small keys are sorted,
// and each item copied once, into the room list has for them.
func (w *waitingList) appendInOrder(list []process.Item, waiting [][]process.Item) []process.Item {
	type key struct {
		place       int
		created     int64
		at, part, i int
	}
	var keys []key
	for part, items := range waiting {
		keys = slices.Grow(keys, len(items))
		for i := range items {
			it := &items[i]
			place, _ := w.cl.placeOf(it.PersonID)
			keys = append(keys, key{place: place, created: w.cl.requests[it.RequestID].created,
				at: slices.Index(w.cl.byPerson[it.PersonID], it.RequestID), part: part, i: i})
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.place, b.place), cmp.Compare(b.created, a.created), cmp.Compare(a.at, b.at))
	})
	list = slices.Grow(list, len(keys))
	for _, k := range keys {
		list = append(list, waiting[k.part][k.i])
	}
	return list
}

// waitsOnUs reports whether a request in state k may be waiting for the
// user's next step: nothing sent yet, or an answer to act on.
func waitsOnUs(k process.StateKind) bool {
	switch k {
	case process.StateDrafted, process.StateRefused, process.StatePartly, process.StateNoReply:
		return true
	}
	return false
}

func (t *todayScreen) content() fyne.CanvasObject { return t.body }

func (t *todayScreen) build() fyne.CanvasObject {
	today := t.s.today()
	title := heading("Today, " + today.Weekday().String() + " " + today.Long())
	top := container.NewVBox(title)
	if card := t.s.deskCard(); card != nil {
		top.Add(card)
	}
	if card := t.draftCard(); card != nil {
		top.Add(card)
	}
	if len(t.items) == 0 {
		return container.NewPadded(container.NewBorder(top, nil, nil, nil,
			container.NewVBox(container.New(&maxWidth{w: 620}, widget.NewCard("", "", container.NewPadded(t.emptyState()))))))
	}
	overdue := 0
	for _, it := range t.items {
		if it.Overdue {
			overdue++
		}
	}
	top.Add(prose(t.summary(overdue)))
	if m := t.s.modeNow(); m == modeAdvocate || m == modeSurgery { // a caseload to narrow
		t.only = newTodayFilter(t)
		t.only.all = t.items
		top.Add(t.only.content())
	}
	t.list = widget.NewList(func() int { return len(t.items) }, t.newRow, t.updateRow)
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, t.list))
}

func (t *todayScreen) summary(overdue int) string {
	due, ready := 0, 0
	for _, it := range t.items {
		switch {
		case it.Date.IsZero():
			ready++
		case !it.Overdue:
			due++
		}
	}
	if overdue == 0 && due == 0 {
		return fmt.Sprintf("Nothing is due. %s ready for the next step.", plural(ready, "request is", "requests are"))
	}
	switch {
	case overdue == 0:
		return fmt.Sprintf("Nothing is overdue. %s coming up: here they are, soonest first.", plural(due, "thing is", "things are"))
	case due == 0:
		return fmt.Sprintf("%s overdue. Each has a suggested next step.", plural(overdue, "thing is", "things are"))
	}
	return fmt.Sprintf("%s overdue and %s coming up. Each has a suggested next step.", plural(overdue, "thing is", "things are"), thousands(due))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// thousands writes a count the way people read it: 10,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// emptyState says what to do first, or that all is well.
func (t *todayScreen) emptyState() fyne.CanvasObject {
	start := widget.NewButtonWithIcon("Start a new request", theme.ContentAddIcon(), t.s.onNewRequest)
	start.Importance = widget.HighImportance
	if len(t.s.cl.requests) == 0 {
		return container.NewVBox(
			subheading("Nothing to do yet"),
			prose("Start by telling the program about the request: who it is for, and what it is about. "+
				"It takes about ten minutes, and you can stop at any point: everything is saved as you go."),
			container.NewHBox(start),
		)
	}
	people := widget.NewButton("See "+lowerFirst(t.s.modeNow().peopleWord()), t.s.showPeople)
	return container.NewVBox(
		subheading("Nothing is due or overdue"),
		prose("When a letter goes out, the date a reply is owed appears here, and so does anything that needs chasing."),
		container.NewHBox(start, people),
	)
}

// draftCard offers to carry on with an unfinished request.
func (t *todayScreen) draftCard() fyne.CanvasObject {
	if t.s.cl.settings[settingDraft] == "" {
		return nil
	}
	carry := widget.NewButtonWithIcon("Carry on", theme.NavigateNextIcon(), t.s.onNewRequest)
	carry.Importance = widget.HighImportance
	return widget.NewCard("", "", container.NewBorder(nil, nil, nil, carry,
		prose("You have a request you haven't finished. It's saved just as you left it.")))
}

func (t *todayScreen) newRow() fyne.CanvasObject {
	date := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who.Truncation = fyne.TextTruncateEllipsis
	what := widget.NewLabel("")
	what.Truncation = fyne.TextTruncateEllipsis
	act := widget.NewButton("", nil)
	act.Importance = widget.HighImportance
	open := widget.NewButton("Open", nil)
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(dueWidth(), date.MinSize().Height), date),
		container.NewCenter(container.NewHBox(act, open)), container.NewVBox(who, what))
}

func (t *todayScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(t.items) {
		return // closed, and drawn once more on the way out
	}
	it := t.items[i]
	row := o.(*fyne.Container)
	body := row.Objects[0].(*fyne.Container)
	date := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	btns := row.Objects[2].(*fyne.Container).Objects[0].(*fyne.Container)
	who, what := body.Objects[0].(*widget.Label), body.Objects[1].(*widget.Label)
	act, open := btns.Objects[0].(*widget.Button), btns.Objects[1].(*widget.Button)

	date.SetText(dueText(it.Date, t.s.today()))
	date.Importance = widget.MediumImportance
	if it.Overdue {
		date.Importance = widget.WarningImportance // noticeable, not alarming
	}
	date.Refresh()
	who.SetText(it.PersonName)
	what.SetText(it.What)
	if it.NextAction.Letter == "" && it.NextAction.Log == "" {
		act.Hide()
	} else {
		act.SetText(actionTitle(it.NextAction))
		act.OnTapped = func() { t.s.doAction(it.RequestID, it.NextAction) }
		act.Show()
	}
	open.OnTapped = func() { t.s.showRequest(it.RequestID) }
}

// dueText is a date said the way a person would: "Overdue: 3 days".
func dueText(d, today data.Date) string {
	if d.IsZero() {
		return "Next step"
	}
	n := today.DaysUntil(d)
	switch {
	case n < -1:
		return fmt.Sprintf("%d days overdue", -n)
	case n == -1:
		return "1 day overdue"
	case n == 0:
		return "Due today"
	case n == 1:
		return "Due tomorrow"
	case n < 14:
		return "Due " + d.Weekday().String()[:3] + " " + d.Long()[:len(d.Long())-5]
	}
	return "Due " + d.Long()
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// recordsChanged works the agenda out again from the caseload read again.
func (t *todayScreen) recordsChanged() {
	snap, today := t.s.cl.clone(), t.s.today()
	background(t.s, func(ctxT) ([]process.Item, error) { return agenda(snap, today), nil }, t.show)
}
