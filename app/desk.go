package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// deskScreen is "Log a request" at a GP surgery's desk: who asked, how,
// their reason in their words, what they want and who it goes to. Saving
// records the request and its first step, with the date a decision is
// owed, and opens the receipt to look over before giving it.
type deskScreen struct {
	s        *shell
	cl       *caseload // the records the form was started on
	find     *entry
	matches  *fyne.Container
	who      *widget.Label
	personID string
	adding   bool
	newBox   *fyne.Container
	name     *field
	born     *field
	nhs      *field
	nation   *widget.Select
	askedBy  *widget.RadioGroup
	askedHow *widget.RadioGroup
	reason   *field
	category *widget.Select
	subject  *widget.Select
	about    *field
	route    *widget.Select
	want     *field
	routeTo  *widget.Select
	toIDs    []string
	addRoute *widget.Button
	newBtn   *widget.Button
	saved    bool // the request is stored: nothing left to keep
	problem  *widget.Label
	saveBtn  *widget.Button
}

// deskAskers are who may ask at the desk.
var deskAskers = []data.AskedBy{data.AskedBySelf, data.AskedByCarer}

// showDesk opens the desk form, carrying on with what was typed before
// the person moved away (to the directory, say) on the same records.
func (s *shell) showDesk() {
	d := s.deskDraft
	if d == nil || d.cl != s.cl {
		d = newDeskScreen(s)
	}
	d.fillRouteTo() // someone may have been added to the directory meanwhile
	s.show(d, navDesk)
}

func newDeskScreen(s *shell) *deskScreen {
	d := &deskScreen{s: s, cl: s.cl}
	d.find = newEntry()
	d.find.SetPlaceHolder("Type a name or date of birth")
	d.find.OnChanged = d.onFind
	d.matches = container.NewVBox()
	d.who = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.name = newField("Name", "Full name", "", checkRequired("Their name"))
	d.born = newField("DateOfBirth", "Date of birth", "", checkBirth)
	d.nhs = newField("NHSNumber", "NHS number", "Optional. 10 digits, on any letter from the NHS. In Scotland, the CHI number; in Northern Ireland, the Health and Care Number.", data.CheckNHSNumber)
	d.nation = widget.NewSelect(enumLabels(data.Nations), nil)
	d.nation.SetSelected(data.England.Label())
	d.newBox = container.NewVBox(fieldRows(d.name, d.born, d.nhs),
		formRows(widget.NewLabelWithStyle("Lives in", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), d.nation))
	d.newBox.Hide()
	d.newBtn = widget.NewButtonWithIcon("Someone new", theme.ContentAddIcon(), d.onAddNew)
	d.askedBy = widget.NewRadioGroup(enumLabels(deskAskers), nil)
	d.askedBy.Horizontal = true
	d.askedBy.SetSelected(data.AskedBySelf.Label())
	d.askedHow = widget.NewRadioGroup(enumLabels(data.AskedHows), nil)
	d.askedHow.Horizontal = true
	d.askedHow.SetSelected(data.AskedVerbally.Label())
	d.reason = newTextField("Reason", "Their reason", "In their own words, as they said it.", 3)
	d.reason.check = checkRequired("Their reason")
	d.category = widget.NewSelect(enumLabels(data.ReasonCategories), nil)
	d.category.PlaceHolder = "Choose the closest"
	d.subject = widget.NewSelect(enumLabels(data.Subjects), nil)
	d.subject.SetSelected(data.SubjectDiagnosis.Label())
	d.about = newField("Condition", "About", "The condition or treatment, if they said. Optional.", checkLength(data.LimitLine))
	d.route = widget.NewSelect(enumLabels(data.Routes), nil)
	d.route.SetSelected(data.RouteLocal.Label())
	d.want = newField("OutcomeWanted", "What they want", "Optional, in their words.", checkLength(data.LimitNotes))
	d.routeTo = widget.NewSelect(nil, nil)
	d.addRoute = widget.NewButtonWithIcon("Add who decides…", theme.ContentAddIcon(), d.onAddRoute)
	d.fillRouteTo()
	d.problem = problemLabel("")
	d.saveBtn = widget.NewButtonWithIcon("Save and make the receipt", theme.DocumentSaveIcon(), d.onSave)
	d.saveBtn.Importance = widget.HighImportance
	d.onFind("")
	return d
}

func (d *deskScreen) content() fyne.CanvasObject {
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	who := container.NewVBox(d.find, d.matches, container.NewHBox(d.who, d.newBtn), d.newBox)
	form := formRows(
		bold("Patient"), who,
		bold("Asked by"), d.askedBy,
		bold("Asked"), d.askedHow,
		d.reason.label, d.reason.cell(),
		bold("Kind of reason"), d.category,
		bold("They want"), d.route,
		bold("About their"), d.subject,
		d.about.label, d.about.cell(),
		d.want.label, d.want.cell(),
		bold("Routed to"), container.NewBorder(nil, nil, nil, d.addRoute, d.routeTo),
	)
	intro := quiet("Every request is recorded, spoken ones too. The receipt tells the patient what happens next and when to expect an answer (the practice's reply time, set in Settings), and you can read it over before giving it.")
	top := container.NewVBox(heading("Log a request"), intro)
	bottom := container.NewVBox(d.problem, container.NewHBox(d.saveBtn))
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil,
		container.NewVScroll(container.New(&maxWidth{w: 860}, form))))
}

func (d *deskScreen) focusSearch() { d.s.win.Canvas().Focus(d.find) }
func (d *deskScreen) save()        { d.onSave() }

// onFind lists the first few people who match, to pick with one tap.
func (d *deskScreen) onFind(q string) {
	d.matches.Objects = nil
	if strings.TrimSpace(q) != "" {
		shown := d.s.cl.search(q, nil)
		for i, at := range shown {
			if i == 5 {
				d.matches.Add(quiet(plural(len(shown)-5, "more match: type more of the name", "more matches: type more of the name")))
				break
			}
			p := d.s.cl.people[at]
			label := p.Name
			if !p.DateOfBirth.IsZero() {
				label += ", born " + p.DateOfBirth.UK()
			}
			b := widget.NewButton(label, func() { d.choose(p) })
			b.Alignment = widget.ButtonAlignLeading
			d.matches.Add(b)
		}
		if len(shown) == 0 {
			d.matches.Add(quiet("Nobody of that name yet: use Someone new."))
		}
	}
	d.matches.Refresh()
	if d.personID == "" && !d.adding {
		d.who.SetText("Nobody chosen yet.")
	}
}

func (d *deskScreen) choose(p data.Person) {
	d.personID, d.adding = p.ID, false
	d.newBox.Hide()
	d.newBtn.Show()
	d.who.SetText(p.Name + personBorn(p))
	d.find.SetText("")
	setProblem(d.problem, "")
}

func personBorn(p data.Person) string {
	if p.DateOfBirth.IsZero() {
		return ""
	}
	return ", born " + p.DateOfBirth.UK()
}

// onAddNew takes the name typed in the search as the new person's.
func (d *deskScreen) onAddNew() {
	d.personID, d.adding = "", true
	if q := strings.TrimSpace(d.find.Text); q != "" && d.name.text() == "" {
		d.name.set(q)
	}
	d.who.SetText("A new patient, added with this request:")
	d.newBtn.Hide()
	d.newBox.Show()
	d.s.win.Canvas().Focus(d.name.entry)
}

// deskRecord is what one save writes.
type deskRecord struct {
	person data.Person
	req    data.Request
	letter data.Letter
	step   data.Step
}

// value reads the form; it reports false, saying why, when it is not complete.
func (d *deskScreen) value() (deskRecord, bool) {
	var r deskRecord
	ok := d.reason.validate() && d.about.validate() && d.want.validate()
	switch {
	case d.adding:
		if !d.name.validate() || !d.born.validate() {
			ok = false
		}
		if !d.nhs.validate() {
			ok = false
		}
		r.person = data.Person{Name: strings.TrimSpace(d.name.text()), Nation: enumFor(d.nation.Selected, data.Nations),
			NHSNumber: strings.TrimSpace(d.nhs.text())}
		r.person.DateOfBirth, _ = data.ParseDate(d.born.text())
	case d.personID != "":
		r.person, _ = d.s.cl.person(d.personID)
	default:
		setProblem(d.problem, "Please find the patient, or choose Someone new.")
		return r, false
	}
	if d.routeTo.SelectedIndex() < 0 {
		setProblem(d.problem, "Please choose who the request is routed to.")
		return r, false
	}
	if !ok {
		setProblem(d.problem, "Please check the fields marked above.")
		return r, false
	}
	setProblem(d.problem, "")
	today := d.s.today()
	r.req = data.Request{PersonID: r.person.ID, Subject: enumFor(d.subject.Selected, data.Subjects),
		Route: enumFor(d.route.Selected, data.Routes), AskedBy: enumFor(d.askedBy.Selected, deskAskers),
		AskedHow: enumFor(d.askedHow.Selected, data.AskedHows), ReasonCategory: enumFor(d.category.Selected, data.ReasonCategories),
		RecipientID: d.toIDs[d.routeTo.SelectedIndex()], Reason: strings.TrimSpace(d.reason.text()),
		OutcomeWanted: strings.TrimSpace(d.want.text()), RaisedWithDoctor: false}
	about := strings.TrimSpace(d.about.text())
	if r.req.Subject == data.SubjectDiagnosis {
		r.req.Condition = about
	} else {
		r.req.Treatment = about
	}
	if r.req.ReasonCategory == "" {
		r.req.ReasonCategory = data.ReasonOther
	}
	to, _ := d.s.cl.contact(r.req.RecipientID)
	// The receipt is saved unsent: it is read over, corrected if need be,
	// and marked as given only when the person at the desk says so. The
	// step records the request itself, with the decision it is owed.
	r.letter = data.Letter{Kind: data.KindReceptionReceipt, RecipientID: r.req.RecipientID}
	r.step = data.Step{On: today, Kind: data.StepLetterSent, LetterKind: data.KindReceptionReceipt,
		Summary: "Asked at the desk, " + strings.ToLower(r.req.AskedHow.Label()) + ". Routed to " + to.DisplayName() + "."}
	cfg := d.s.cl.config()
	cfg.Recipient = to
	r.step.DueOn, r.step.DueWhat = process.DueAfter(nil, r.step, r.person.Nation, cfg)
	return r, true
}

// onSave saves the request, first asking for the practice's details if
// the receipt would otherwise go out without them.
func (d *deskScreen) onSave() {
	rec, ok := d.value()
	if !ok {
		return
	}
	if practiceMissing(d.s.cl.sender) {
		d.s.askPractice(d.onSave)
		return
	}
	st := d.s.st
	fields := []*field{d.name, d.born, d.nhs, d.reason, d.about, d.want}
	backgroundForm(d.s, fields, func(ctx context.Context) (deskRecord, error) {
		// The person, request, receipt and its step are saved together:
		// a failure leaves nothing behind, so trying again is safe.
		t := store.Together{Request: &rec.req, Letter: &rec.letter, Step: &rec.step}
		if rec.person.ID == "" {
			t.Person = &rec.person
		}
		return rec, st.SaveTogether(ctx, t)
	}, func(rec deskRecord) {
		if d.adding {
			d.s.cl.putPerson(rec.person)
		}
		d.s.cl.putRequest(rec.req)
		d.s.cl.putLetter(rec.letter)
		d.s.cl.addStep(rec.step)
		d.saved, d.s.deskDraft = true, nil // the next visit starts a fresh form
		// The receipt, to read over, print and mark as given.
		d.s.showLetter(rec.letter)
	})
}

// deskCard puts "Log a request" first on Today at a surgery.
func (s *shell) deskCard() fyne.CanvasObject {
	if s.modeNow() != modeSurgery {
		return nil
	}
	log := widget.NewButtonWithIcon("Log a request", theme.ContentAddIcon(), s.showDesk)
	log.Importance = widget.HighImportance
	return widget.NewCard("", "", container.NewBorder(nil, nil, nil, log,
		prose("A patient asking for a review or a second opinion, at the desk or by phone? Log it here: it takes a minute, and gives them a receipt.")))
}

// leave keeps a started form for the next visit to the desk, so that
// looking something up elsewhere never throws away what was typed.
func (d *deskScreen) leave(done func()) {
	if d.started() && !d.saved {
		d.s.deskDraft = d
	}
	done()
}

// started reports whether anything has been typed or chosen yet.
func (d *deskScreen) started() bool {
	if d.personID != "" || d.adding || d.routeTo.SelectedIndex() >= 0 || d.category.Selected != "" {
		return true
	}
	for _, f := range []*field{d.reason, d.about, d.want} {
		if strings.TrimSpace(f.text()) != "" {
			return true
		}
	}
	return strings.TrimSpace(d.find.Text) != ""
}
