package app

import (
	"context"
	"encoding/json"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// wizard is the guided new request: one question a page, Back and Next,
// and everything saved at every step so that closing loses nothing.
type wizard struct {
	s     *shell
	step  int
	req   data.Request
	pages []wizardPage

	progress  *stepBar
	stepLabel *widget.Label
	resumed   *fyne.Container
	body      *fyne.Container
	scroll    *container.Scroll
	back      *widget.Button
	next      *widget.Button

	who  *personPicker
	what *aboutPage
	ask  *raisedPage
	path *routePage
	bg   *backgroundPage
	prob *textPage
	side *textPage
	why  *reasonPage
	want *outcomePage
	to   *contactPicker
}

// wizardPage is one step: its title, its widgets, and how it puts its
// answers into the request.
type wizardPage interface {
	title() string
	content() fyne.CanvasObject
	// collect copies the answers into the request; false keeps the
	// person on the page, with the messages beside the fields.
	collect(req *data.Request) bool
	fields() []*field
}

// draft is where the wizard was, kept in settings between runs.
type draft struct {
	Step      int    `json:"step"`
	PersonID  string `json:"person,omitempty"`
	RequestID string `json:"request,omitempty"`
}

func newWizard(s *shell, personID string) *wizard {
	w := &wizard{s: s}
	w.req = data.Request{PersonID: personID}
	resumed := false
	// Carry on with the draft, unless this is a request for someone else:
	// that draft then stays among their requests, not lost.
	if d, ok := draftOf(s.cl); ok && (personID == "" || personID == d.PersonID) {
		w.step, w.req = d.Step, data.Request{PersonID: d.PersonID}
		// Read in full by startWizard. Should it not be, the answers start
		// again as a new request, and the draft stays among the person's.
		if r, ok := s.cl.wholeRequest(d.RequestID); ok {
			w.req = r
		}
		resumed = true
	}
	w.who = newPersonPicker(s, w.req.PersonID)
	w.what = newAboutPage(s)
	w.ask = newRaisedPage(s)
	w.path = newRoutePage(s)
	w.bg = newBackgroundPage(s)
	w.prob = newTextPage("Problems", "What problems does it cause?",
		s.voice("What does the illness stop you doing, day to day? Work, sleep, looking after yourself or others, getting out.",
			"What does the illness stop them doing, day to day? Work, sleep, looking after themselves or others, getting out."),
		"Problems in daily life")
	w.side = newTextPage("SideEffects", "Any side effects?",
		s.voice("If a medication or treatment has caused side effects, describe them and how they affect you. Leave it blank if there are none.",
			"If a medication or treatment has caused side effects, describe them and how they affect them. Leave it blank if there are none."),
		"Side effects")
	w.why = newReasonPage(s)
	w.want = newOutcomePage(s)
	w.to = newContactPicker(s)
	w.pages = []wizardPage{w.who, w.what, w.ask, w.path, w.bg, w.prob, w.side, w.why, w.want, w.to}
	for _, p := range w.pages[1:] {
		if l, ok := p.(interface{ load(data.Request) }); ok {
			l.load(w.req)
		}
	}
	w.step = min(max(w.step, 0), len(w.pages)-1)

	w.progress = newStepBar()
	w.stepLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.body = container.NewStack()
	w.back = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), w.onBack)
	w.next = widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), w.onNext)
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.next.Importance = widget.HighImportance
	w.resumed = container.NewHBox()
	if resumed {
		w.resumed.Add(note("Carrying on from where you left off."))
		w.resumed.Add(widget.NewButton("Start a fresh request instead", w.onStartAgain))
	}
	w.onPageShown()
	return w
}

// draftOf is where the wizard was left, if anywhere.
func draftOf(cl *caseload) (draft, bool) {
	var d draft
	v := cl.settings[settingDraft]
	if v == "" || json.Unmarshal([]byte(v), &d) != nil {
		return d, false
	}
	return d, true
}

func (w *wizard) content() fyne.CanvasObject {
	w.showStep()
	top := container.NewVBox(heading("New request"), w.resumed, w.stepLabel, w.progress)
	nav := container.NewHBox(w.back, widget.NewLabel(""), w.next)
	saved := quiet("Saved as you go: you can close the program at any point.")
	bottom := container.NewBorder(widget.NewSeparator(), nil, nil, nav, saved)
	w.scroll = container.NewVScroll(w.body)
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, w.scroll))
}

// total counts the pages plus the letter at the end.
func (w *wizard) total() int { return len(w.pages) + 1 }

func (w *wizard) showStep() {
	p := w.pages[w.step]
	w.stepLabel.SetText(fmt.Sprintf("Step %d of %d: %s", w.step+1, w.total(), p.title()))
	w.progress.set(float32(w.step+1) / float32(w.total()))
	w.body.Objects = []fyne.CanvasObject{container.New(&maxWidth{w: 720}, p.content())}
	w.body.Refresh()
	if w.scroll != nil {
		w.scroll.ScrollToTop() // each page opens at its first question
	}
	if w.step == 0 {
		w.back.Disable()
	} else {
		w.back.Enable()
	}
	if w.step == len(w.pages)-1 {
		w.next.SetText("Write the letter")
	} else {
		w.next.SetText("Next")
	}
}

func (w *wizard) onBack() {
	if w.step == 0 {
		return
	}
	w.step--
	w.showStep()
	w.saveDraft()
}

// onNext saves the page's answers, then moves on; the last page opens the letter.
func (w *wizard) onNext() {
	p := w.pages[w.step]
	req := w.req
	if !p.collect(&req) {
		return
	}
	st := w.s.st
	person, newPerson := w.who.pending()
	contact, newContact := w.to.pending()
	firstPage, lastPage := w.step == 0, w.step == len(w.pages)-1
	w.next.Disable()
	saveJob(w.s, nil, nil, func(ctx context.Context) (saved wizardSave, err error) {
		// A new person or contact is saved with the request, in one
		// transaction, so a failed save leaves no stray copy behind.
		t := store.Together{Request: &req}
		if firstPage && newPerson {
			t.Person, saved.person = &person, &person
		}
		if lastPage && newContact {
			t.Contact, saved.contact = &contact, &contact
		}
		switch {
		case req.Subject != "": // a request can be saved once its subject is known
			err = st.SaveTogether(ctx, t)
		case t.Person != nil:
			err = st.SavePerson(ctx, t.Person)
			req.PersonID = person.ID
		}
		if err != nil {
			return wizardSave{}, err
		}
		saved.req = req
		return saved, nil
	}, func(saved wizardSave) {
		w.next.Enable()
		w.req = saved.req
		if saved.person != nil {
			w.s.cl.putPerson(*saved.person)
			w.who.saved(*saved.person)
		}
		if saved.contact != nil {
			w.s.cl.putContact(*saved.contact)
			w.to.saved(*saved.contact)
		}
		if w.req.ID != "" {
			w.s.cl.putRequest(w.req)
		}
		if lastPage {
			w.finish()
			return
		}
		w.step++
		w.onPageShown()
		w.showStep()
		w.saveDraft()
	}, func(err error) {
		w.next.Enable() // a failed save leaves the page as it was, to try again
		w.s.showError(showProblems(err, p.fields()...))
	})
}

// leave keeps what is typed on the page, as far as it can be saved, so
// that moving elsewhere or closing loses nothing.
func (w *wizard) leave(done func()) {
	req := w.req
	p := w.pages[w.step]
	if w.step == 0 || !p.collect(&req) || req.ID == "" {
		done()
		return
	}
	st := w.s.st
	saveJob(w.s, nil, nil, func(ctx context.Context) (data.Request, error) {
		err := st.SaveRequest(ctx, &req)
		return req, err
	}, func(r data.Request) {
		w.req = r
		w.s.cl.putRequest(r)
		done()
	}, func(err error) {
		// A page that cannot be saved stays on screen with what was typed;
		// the person is told why (asking to close again closes anyway).
		w.s.showError(showProblems(err, p.fields()...))
	})
}

type wizardSave struct {
	req     data.Request
	person  *data.Person
	contact *data.Contact
}

// onPageShown lets a page adapt to earlier answers: the routes name the
// person's nation's funding request; the recipients suit the first letter.
func (w *wizard) onPageShown() {
	person, _ := w.s.cl.person(w.req.PersonID)
	w.path.setNation(person.Nation)
	w.to.suggest(w.firstLetter(), person.Nation)
}

// firstLetter is the letter the ladder suggests for a fresh request. At a
// surgery the first thing the patient gets is the receipt for their request.
func (w *wizard) firstLetter() string {
	if w.s.modeNow() == modeSurgery {
		return data.KindReceptionReceipt
	}
	for _, a := range process.NextActions(w.req, nil, w.s.today()) {
		if a.Letter != "" {
			return a.Letter
		}
	}
	if w.req.Subject == data.SubjectDiagnosis {
		return data.KindReviewDiagnosis
	}
	return data.KindReviewTreatment
}

// saveDraft remembers the page and the records so far.
func (w *wizard) saveDraft() {
	b, _ := json.Marshal(draft{Step: w.step, PersonID: w.req.PersonID, RequestID: w.req.ID})
	w.s.setSetting(settingDraft, string(b), nil)
}

// finish clears the draft and opens the first letter, first asking
// someone writing for another person for their own name and address,
// which the letter is signed with.
func (w *wizard) finish() {
	w.s.setSetting(settingDraft, "", nil)
	open := func() { w.s.showNewLetter(w.req.ID, w.firstLetter()) }
	if m := w.s.modeNow(); m.onBehalf() && m != modeSurgery && writerMissing(w.s.cl.sender) {
		w.s.askWriter(open, open)
		return
	}
	open()
}

func (w *wizard) onStartAgain() {
	w.s.setSetting(settingDraft, "", func() { w.s.startWizard("") })
}
