package app

import (
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/safefile"
	"secondopinion/data/store"
	"secondopinion/letters"
)

// requestScreen is one request: where it stands, the next steps from the
// ladder, its timeline and letters, and help that lies outside it.
type requestScreen struct {
	s       *shell
	req     *requestBrief
	person  data.Person
	next    []process.Action
	actions *fyne.Container
	state   *widget.Label
	steps   *fyne.Container
	letters *fyne.Container
	details *fyne.Container
	reading bool // the whole request and timeline are being read
}

func newRequestScreen(s *shell, requestID string) *requestScreen {
	req, ok := s.cl.request(requestID)
	if !ok {
		req = &requestBrief{ID: requestID}
	}
	rs := &requestScreen{s: s, req: req}
	rs.person, _ = s.cl.person(rs.req.PersonID)
	rs.actions = container.NewVBox()
	rs.state = widget.NewLabel("")
	rs.steps = container.NewVBox()
	rs.letters = container.NewVBox()
	rs.details = container.NewVBox()
	rs.refresh()
	rs.loadLetters()
	s.noteOpened(store.AuditRequest, requestID)
	return rs
}

func (rs *requestScreen) content() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(rs.person.Name, theme.NavigateBackIcon(), rs.onBack)
	back.Importance = widget.LowImportance
	logReply := widget.NewButtonWithIcon("Log a reply", theme.MailReplyIcon(), func() { rs.logStep(data.StepReply) })
	logCall := widget.NewButtonWithIcon("Log a call or meeting", theme.ContentAddIcon(), func() { rs.logStep(data.StepCall) })
	note := widget.NewButtonWithIcon("Add a note", theme.DocumentCreateIcon(), func() { rs.logStep(data.StepNote) })
	header := container.NewVBox(container.NewHBox(back), heading(rs.req.Title()), rs.state)

	left := container.NewVBox(
		widget.NewCard("", "", container.NewVBox(subheading("What next"), rs.actions)),
		subheading("Timeline"),
		container.NewHBox(logReply, logCall, note),
		rs.steps,
	)
	right := container.NewVBox(
		widget.NewCard("", "", container.NewVBox(subheading("Letters"), rs.letters)),
		widget.NewCard("", "", container.NewVBox(subheading("Details"), rs.details, container.NewHBox(
			widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), func() { rs.s.showEditRequest(rs.req.ID) })))),
		signposts(rs.person.Nation),
	)
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(left)), container.NewVScroll(container.NewPadded(right)))
	split.Offset = 0.6
	return container.NewPadded(container.NewBorder(header, nil, nil, nil, split))
}

func (rs *requestScreen) onBack() {
	if rs.s.modeNow().personal() {
		rs.s.showPeople()
		return
	}
	ps := newPeopleScreen(rs.s)
	ps.selected = rs.person.ID
	rs.s.show(ps, navPeople)
}

// refresh recomputes the state, the next actions and the timeline.
func (rs *requestScreen) refresh() {
	st := rs.s.cl.state(rs.req.ID)
	line := rs.person.Name + " · " + st.Label()
	if rs.req.Route() != "" {
		line += " · " + rs.req.Route().Label()
	}
	if m := rs.s.cl.requestMinutes(rs.req.ID); m > 0 {
		line += " · time logged " + minutesText(m)
	}
	rs.state.SetText(line)
	rules := rs.req.forRules()
	rs.next = process.NextActionsFor(rules, rs.s.cl.rulesTimeline(rs.req.ID), rs.s.today(), rs.s.cl.configFor(rules))
	rs.actions.Objects = nil
	for i, a := range rs.next {
		a := a
		b := widget.NewButton(actionTitle(a), func() { rs.s.doAction(rs.req.ID, a) })
		if i == 0 {
			b.Importance = widget.HighImportance
		}
		reason := prose(a.Reason)
		rs.actions.Add(container.NewBorder(nil, nil, container.NewVBox(container.New(&minWidth{w: 300}, b)), nil, reason))
	}
	if len(rs.next) == 0 {
		rs.actions.Add(prose("This request is closed. There is nothing more to do."))
	}
	rs.actions.Refresh()
	rs.showWhole()
}

// showWhole fills in the details and the timeline, once the request and
// its timeline have been read in full; until then, the details the brief
// has.
func (rs *requestScreen) showWhole() {
	if req, steps, ok := rs.s.cl.opened(rs.req.ID); ok {
		rs.fillDetails(req.OutcomeWanted)
		rs.fillTimeline(steps)
		return
	}
	rs.fillDetails("")
	if rs.reading {
		return
	}
	rs.reading = true
	rs.steps.Objects = []fyne.CanvasObject{quiet("Reading the timeline…")}
	rs.steps.Refresh()
	rs.s.readRequest(rs.req.ID, func(data.Request, []data.Step) {
		rs.reading = false
		rs.showWhole()
	}, func(err error) {
		rs.reading = false
		rs.steps.Objects = []fyne.CanvasObject{quiet("The timeline could not be read. Please open the request again.")}
		rs.steps.Refresh()
		rs.s.showError(err)
	})
}

func (rs *requestScreen) fillTimeline(steps []data.Step) {
	rs.steps.Objects = nil
	if len(steps) == 0 {
		rs.steps.Add(quiet("Nothing has happened yet. When a letter goes out, or a reply comes, it shows here."))
	}
	rev := slices.Clone(steps)
	slices.Reverse(rev)
	for i, st := range rev {
		rs.steps.Add(rs.stepCard(st, i == 0))
	}
	rs.steps.Refresh()
}

// stepCard is one step; only the latest says what is owed, since later
// steps have dealt with what earlier ones set.
func (rs *requestScreen) stepCard(st data.Step, latest bool) fyne.CanvasObject {
	title := st.Kind.Label()
	if st.Kind == data.StepLetterSent {
		if k, ok := letters.KindByID(st.LetterKind); ok {
			title = "Sent: " + k.Title
		}
	}
	if st.Outcome != data.OutcomeNone {
		title += ": " + st.Outcome.Label()
	}
	if st.Minutes > 0 {
		title += "  ·  " + minutesText(st.Minutes)
	}
	box := container.NewVBox(widget.NewLabelWithStyle(st.On.Long()+"  ·  "+title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if st.Summary != "" {
		box.Add(prose(st.Summary))
	}
	if !st.DueOn.IsZero() && latest && rs.s.cl.state(rs.req.ID).Open() {
		what := st.DueWhat
		if what == "" {
			what = "Follow up"
		}
		line := what + " by " + st.DueOn.Long()
		if st.DueOn.Before(rs.s.today()) {
			line += ": now overdue"
		}
		box.Add(quiet(line))
	}
	if st.Attachment != "" {
		id := st.ID
		box.Add(container.NewHBox(widget.NewButtonWithIcon("Open the attached reply", theme.FileIcon(), func() {
			rs.s.openAttachment(id)
		})))
	}
	box.Add(rs.stepButtons(st))
	return widget.NewCard("", "", box)
}

// fillDetails shows what the request is about; what it asks for comes
// from the whole request, "" until that is read.
func (rs *requestScreen) fillDetails(outcomeWanted string) {
	r := rs.req
	rows := []fyne.CanvasObject{}
	add := func(label, value string) {
		if value == "" {
			return
		}
		rows = append(rows, widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), prose(value))
	}
	add("About", r.Subject().Label())
	add("Condition", r.Condition)
	add("Treatment", r.Treatment)
	add("Route", labelOf(r.Route()))
	if c, ok := rs.s.cl.contact(r.RecipientID); ok {
		add("Writing to", c.DisplayName())
	}
	add("Asking for", outcomeWanted)
	rs.details.Objects = []fyne.CanvasObject{formRows(rows...)}
	rs.details.Refresh()
}

// loadLetters reads the request's letters in the background.
func (rs *requestScreen) loadLetters() {
	st, id := rs.s.st, rs.req.ID
	background(rs.s, func(ctx ctxT) ([]data.Letter, error) { return st.LettersFor(ctx, id) }, func(ls []data.Letter) {
		rs.s.cl.letters[id] = ls
		rs.fillLetters()
	})
}

func (rs *requestScreen) fillLetters() {
	rs.letters.Objects = nil
	ls := rs.s.cl.letters[rs.req.ID]
	if len(ls) == 0 {
		rs.letters.Add(quiet("No letters yet. The first button under What next starts one."))
	}
	for _, l := range ls {
		l := l
		title := l.Kind
		if k, ok := letters.KindByID(l.Kind); ok {
			title = k.Title
		}
		state := "Not sent yet"
		if l.Sent() {
			state = "Sent " + l.SentOn.Long() + ", " + lowerFirst(l.SentHow.Label())
		}
		open := widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() { rs.s.showLetter(l) })
		rs.letters.Add(container.NewBorder(nil, nil, nil, container.NewCenter(open),
			container.NewVBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), quiet(state))))
	}
	rs.letters.Refresh()
}

// signposts are the other processes and urgent help this one is not, as
// they are in the person's own nation.
func signposts(n data.Nation) fyne.CanvasObject {
	f := data.FactsFor(n)
	return widget.NewCard("", "", container.NewVBox(subheading("Other help"),
		prose(f.CrisisHelp), widget.NewSeparator(),
		prose(f.UrgentReview), widget.NewSeparator(),
		prose(f.MentalHealthAct+" That is a different process from this one."),
	))
}

// openAttachment writes a step's attached reply into the data folder (the
// copy in the database stays the one that counts) and opens it.
func (s *shell) openAttachment(stepID string) {
	st := s.st
	background(s, func(ctx ctxT) (string, error) {
		name, content, err := st.AttachedFile(ctx, stepID)
		if err != nil {
			return "", err
		}
		dir := filepath.Join(st.Dir(), openedFolder)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", &data.UserError{Message: "A folder to open the reply from could not be made inside the data folder.", Err: err}
		}
		path := filepath.Join(dir, stepID[:8]+"-"+filepath.Base(name))
		return path, safefile.WriteBytes(path, "the attached reply", safefile.Private, content)
	}, func(path string) {
		s.noteAudit(store.AuditOpened, "attached file", stepID)
		s.openInViewer(path, nil)
	})
}

// minWidth gives its content at least w of width: buttons that line up.
type minWidth struct{ w float32 }

func (m *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(max(s.Width, m.w), s.Height)
}

func (m *minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// recordsChanged shows the request as read again; one deleted meanwhile
// goes back to its person's list.
func (rs *requestScreen) recordsChanged() {
	req, ok := rs.s.cl.request(rs.req.ID)
	if !ok {
		rs.s.showPeople()
		return
	}
	rs.req = req
	rs.person, _ = rs.s.cl.person(req.PersonID)
	rs.refresh()
	rs.loadLetters()
}
