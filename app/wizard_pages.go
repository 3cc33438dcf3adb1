package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// Small helpers to map enum values to radio labels and back.
func enumLabels[T interface{ Label() string }](vals []T) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = v.Label()
	}
	return out
}

func enumFor[T interface {
	comparable
	Label() string
}](label string, vals []T) T {
	var zero T
	for _, v := range vals {
		if v.Label() == label {
			return v
		}
	}
	return zero
}

func labelOf[T interface {
	comparable
	Label() string
}](v T) string {
	var zero T
	if v == zero {
		return ""
	}
	return v.Label()
}

func problemLabel(text string) *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	l.SetText(text)
	return l
}

func setProblem(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// aboutPage: what the request is about.
type aboutPage struct {
	s         *shell
	subject   *widget.RadioGroup
	subjMsg   *widget.Label
	condition *field
	treatment *field
	askedHow  *widget.RadioGroup
}

var subjectWords = map[data.Subject]string{
	data.SubjectDiagnosis:  "The diagnosis: what the doctor says is wrong",
	data.SubjectTreatment:  "A treatment, therapy or operation",
	data.SubjectMedication: "A medication",
}

func newAboutPage(s *shell) *aboutPage {
	a := &aboutPage{s: s}
	var labels []string
	for _, sub := range data.Subjects {
		labels = append(labels, subjectWords[sub])
	}
	a.subject = widget.NewRadioGroup(labels, func(string) { setProblem(a.subjMsg, "") })
	a.subjMsg = problemLabel("")
	a.condition = newField("Condition", "Diagnosis or condition", "For example: ME/CFS, bipolar disorder, endometriosis.", checkLength(data.LimitLine))
	a.treatment = newField("Treatment", "Treatment or medication", "Leave blank if it is about the diagnosis only.", checkLength(data.LimitLine))
	a.askedHow = widget.NewRadioGroup(enumLabels(data.AskedHows), nil)
	a.askedHow.Horizontal = true
	return a
}

func (a *aboutPage) title() string { return "What is it about?" }

func (a *aboutPage) load(r data.Request) {
	if w, ok := subjectWords[r.Subject]; ok {
		a.subject.SetSelected(w)
	}
	a.condition.set(r.Condition)
	a.treatment.set(r.Treatment)
	a.askedHow.SetSelected(labelOf(r.AskedHow))
}

func (a *aboutPage) content() fyne.CanvasObject {
	box := container.NewVBox(
		prose(a.s.voice("What would you like another doctor to look at?", "What would they like another doctor to look at?")),
		a.subject, a.subjMsg, fieldRows(a.condition, a.treatment))
	if a.s.modeNow() == modeSurgery {
		box.Add(widget.NewLabelWithStyle("How did they ask?", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(a.askedHow)
		box.Add(quiet("Requests made in person or by phone are recorded too."))
	}
	return box
}

func (a *aboutPage) collect(r *data.Request) bool {
	var sub data.Subject
	for k, w := range subjectWords {
		if w == a.subject.Selected {
			sub = k
		}
	}
	if sub == "" {
		setProblem(a.subjMsg, "Please choose one: the diagnosis, a treatment or a medication.")
		return false
	}
	if !a.condition.validate() || !a.treatment.validate() {
		return false
	}
	r.Subject = sub
	r.Condition = strings.TrimSpace(a.condition.text())
	r.Treatment = strings.TrimSpace(a.treatment.text())
	if hw := enumFor(a.askedHow.Selected, data.AskedHows); hw != "" {
		r.AskedHow = hw
	}
	return true
}

func (a *aboutPage) fields() []*field { return []*field{a.condition, a.treatment} }

// raisedPage: has it been raised with the doctor yet?
type raisedPage struct {
	s      *shell
	raised *widget.RadioGroup
	tried  *field
}

const (
	raisedYes = "Yes, it has been talked about with the doctor"
	raisedNo  = "Not yet"
)

func newRaisedPage(s *shell) *raisedPage {
	p := &raisedPage{s: s}
	p.raised = widget.NewRadioGroup([]string{raisedYes, raisedNo}, nil)
	p.tried = newTextField("AlreadyTried", "What happened", "What was said, and anything already tried with this doctor. Optional.", 4)
	p.tried.check = checkLength(data.LimitText)
	return p
}

func (p *raisedPage) title() string { return "Has it been raised with the doctor?" }

func (p *raisedPage) load(r data.Request) {
	if r.RaisedWithDoctor {
		p.raised.SetSelected(raisedYes)
	} else if r.Subject != "" {
		p.raised.SetSelected(raisedNo)
	}
	p.tried.set(r.AlreadyTried)
}

func (p *raisedPage) content() fyne.CanvasObject {
	return container.NewVBox(
		prose("Often the simplest first step is to tell the doctor what worries "+p.s.voice("you", "them")+
			", and give any new information. It may settle it, and if not, a letter can say it was tried."),
		p.raised, fieldRows(p.tried))
}

func (p *raisedPage) collect(r *data.Request) bool {
	if !p.tried.validate() {
		return false
	}
	r.RaisedWithDoctor = p.raised.Selected == raisedYes
	r.AlreadyTried = strings.TrimSpace(p.tried.text())
	return true
}

func (p *raisedPage) fields() []*field { return []*field{p.tried} }

// routePage: which route fits, in plain words, with what a second opinion
// can and cannot do. Each choice has its explanation under it.
type routePage struct {
	s      *shell
	radios []*widget.RadioGroup
	msg    *widget.Label
	nation data.Nation
	chosen data.Route
}

func newRoutePage(s *shell) *routePage {
	p := &routePage{s: s, nation: data.England}
	for _, r := range data.Routes {
		r := r
		p.radios = append(p.radios, widget.NewRadioGroup([]string{r.Label()}, func(sel string) {
			if sel != "" {
				p.choose(r)
			}
		}))
	}
	p.msg = problemLabel("")
	return p
}

// choose keeps one route chosen across the three single-choice groups.
func (p *routePage) choose(r data.Route) {
	p.chosen = r
	setProblem(p.msg, "")
	for i, rg := range p.radios {
		if data.Routes[i] != r && rg.Selected != "" {
			rg.SetSelected("")
		}
	}
	for i, rg := range p.radios {
		if data.Routes[i] == r && rg.Selected == "" {
			rg.SetSelected(r.Label())
		}
	}
}

func (p *routePage) setNation(n data.Nation) {
	if n != "" {
		p.nation = n
	}
}

func (p *routePage) title() string { return "Which route fits?" }

func (p *routePage) load(r data.Request) {
	if r.Route != "" {
		p.choose(r.Route)
	}
}

func (p *routePage) content() fyne.CanvasObject {
	f := data.FactsFor(p.nation)
	explain := []string{
		"Ask the same doctor to look again. Good when something may have been missed, or things have changed.",
		"Ask to see another doctor, in the same team or another local one. This is the usual way to get a second opinion from " + f.Service + ".",
		outOfAreaText(f),
	}
	box := container.NewVBox(prose("There are three ways to go about it. Choose the one that fits best."))
	for i, rg := range p.radios {
		box.Add(rg)
		box.Add(container.NewPadded(container.NewBorder(nil, nil, widget.NewLabel("  "), nil, prose(explain[i]))))
	}
	box.Add(p.msg)
	box.Add(widget.NewCard("", "", container.NewVBox(
		subheading("What a second opinion can and cannot do"),
		prose("• It is another doctor's view of the diagnosis or the treatment. It can confirm what you were told, or suggest something different."),
		prose("• It may agree with the first doctor, and the first doctor does not have to follow it."),
		prose("• There is no legal right to a second opinion from "+f.Service+". But doctors must respect a patient's wish to seek one, and should take the request seriously."),
	)))
	return box
}

// outOfAreaText explains the funded route in the person's nation: who
// may ask, by what request to which body, and the test it must meet (each
// nation's own; only England's is "exceptional").
func outOfAreaText(f data.NationFacts) string {
	request := article(f.FundingRequestNamed())
	choose := ""
	if f.RightToChoose {
		choose = " In England, on a GP referral for a first outpatient appointment, the patient has a legal right to choose another provider's team, with no funding request (not for urgent care, for a condition already being treated, or for someone detained under the Mental Health Act)."
	}
	return "A specialist " + f.OutsideArea + ". " + upperFirst(f.Service) + " must agree to pay, so only " + article(f.FundingMadeBy) +
		" can ask, through " + request + " to the " + f.CommissionerShort + ". It has to show " + f.FundingTest +
		"." + choose + " If unsure, start with a local second opinion."
}

func article(s string) string {
	if s == "" {
		return "a funding request"
	}
	if strings.ContainsRune("aeiouAEIOU", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

func (p *routePage) collect(r *data.Request) bool {
	if p.chosen == "" {
		setProblem(p.msg, "Please choose a route. If you are not sure, a local second opinion is the usual start.")
		return false
	}
	r.Route = p.chosen
	return true
}

func (p *routePage) fields() []*field { return nil }

// backgroundPage: the history the letter draws on; all optional.
type backgroundPage struct {
	s                                 *shell
	since, admissions, tried, current *field
}

func newBackgroundPage(s *shell) *backgroundPage {
	p := &backgroundPage{s: s}
	p.since = newField("UnwellSince", "Unwell since", "For example: since 2019, or for three years.", checkLength(data.LimitText))
	p.admissions = newTextField("Admissions", "Hospital stays", "Any admissions, with rough dates.", 2)
	p.tried = newTextField("MedicationsTried", "Medication tried", "What has been tried before, and what happened.", 3)
	p.current = newTextField("CurrentMedication", "Medication now", "Names and doses, if you know them.", 2)
	for _, f := range []*field{p.admissions, p.tried, p.current} {
		f.check = checkLength(data.LimitText)
	}
	return p
}

func (p *backgroundPage) title() string { return "The background" }

func (p *backgroundPage) load(r data.Request) {
	p.since.set(r.UnwellSince)
	p.admissions.set(r.Admissions)
	p.tried.set(r.MedicationsTried)
	p.current.set(r.CurrentMedication)
}

func (p *backgroundPage) content() fyne.CanvasObject {
	return container.NewVBox(
		prose("A little history helps the doctor see the whole picture. Everything here is optional: "+
			"write as much or as little as you like, and leave out anything you would rather not share."),
		fieldRows(p.since, p.admissions, p.tried, p.current))
}

func (p *backgroundPage) collect(r *data.Request) bool {
	for _, f := range p.fields() {
		if !f.validate() {
			return false
		}
	}
	r.UnwellSince = strings.TrimSpace(p.since.text())
	r.Admissions = strings.TrimSpace(p.admissions.text())
	r.MedicationsTried = strings.TrimSpace(p.tried.text())
	r.CurrentMedication = strings.TrimSpace(p.current.text())
	return true
}

func (p *backgroundPage) fields() []*field {
	return []*field{p.since, p.admissions, p.tried, p.current}
}

// textPage is a page with one question and one box of free text.
type textPage struct {
	key, heading, intro string
	text                *field
}

func newTextPage(key, heading, intro, label string) *textPage {
	p := &textPage{key: key, heading: heading, intro: intro}
	p.text = newTextField(key, label, "Optional.", 8)
	p.text.check = checkLength(data.LimitText)
	return p
}

func (p *textPage) title() string { return p.heading }

func (p *textPage) ref(r *data.Request) *string {
	if p.key == "Problems" {
		return &r.Problems
	}
	return &r.SideEffects
}

func (p *textPage) load(r data.Request) { p.text.set(*p.ref(&r)) }

func (p *textPage) content() fyne.CanvasObject {
	return container.NewVBox(prose(p.intro), fieldRows(p.text))
}

func (p *textPage) collect(r *data.Request) bool {
	if !p.text.validate() {
		return false
	}
	*p.ref(r) = strings.TrimSpace(p.text.text())
	return true
}

func (p *textPage) fields() []*field { return []*field{p.text} }

// reasonPage: why they disagree, or think the treatment is not working.
type reasonPage struct {
	s      *shell
	kind   *widget.Select
	reason *field
}

func newReasonPage(s *shell) *reasonPage {
	p := &reasonPage{s: s}
	p.kind = widget.NewSelect(enumLabels(data.ReasonCategories), nil)
	p.kind.PlaceHolder = "Choose the closest"
	p.reason = newTextField("Reason", "In your own words", "", 8)
	p.reason.check = checkLength(data.LimitText)
	return p
}

func (p *reasonPage) title() string { return "The reasons" }

func (p *reasonPage) load(r data.Request) {
	p.kind.SetSelected(labelOf(r.ReasonCategory))
	p.reason.set(r.Reason)
}

func (p *reasonPage) content() fyne.CanvasObject {
	return container.NewVBox(
		prose(p.s.voice("Why would you like another view? For example: the diagnosis doesn't fit your symptoms, "+
			"the treatment isn't helping, or the side effects are too much.",
			"Why would they like another view? For example: the diagnosis doesn't fit their symptoms, "+
				"the treatment isn't helping, or the side effects are too much.")),
		quiet("It helps to say that you respect the doctor's view: the letter will, too."),
		formRows(widget.NewLabelWithStyle("Mainly", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), p.kind,
			p.reason.label, p.reason.cell()))
}

func (p *reasonPage) collect(r *data.Request) bool {
	if !p.reason.validate() {
		return false
	}
	r.ReasonCategory = enumFor(p.kind.Selected, data.ReasonCategories)
	r.Reason = strings.TrimSpace(p.reason.text())
	return true
}

func (p *reasonPage) fields() []*field { return []*field{p.reason} }

// outcomePage: what they are asking for, and how they would like a reply.
type outcomePage struct {
	s     *shell
	want  *field
	reply *widget.RadioGroup
}

func newOutcomePage(s *shell) *outcomePage {
	p := &outcomePage{s: s}
	p.want = newTextField("OutcomeWanted", "What you are asking for",
		"For example: a referral to Dr Okafor's clinic at St Mary's, or a review of the dose.", 4)
	p.want.check = checkLength(data.LimitText)
	p.reply = widget.NewRadioGroup(enumLabels(data.ReplyMethods), nil)
	p.reply.Horizontal = true
	return p
}

func (p *outcomePage) title() string { return "What would you like to happen?" }

func (p *outcomePage) load(r data.Request) {
	p.want.set(r.OutcomeWanted)
	p.reply.SetSelected(labelOf(r.ReplyMethod))
}

func (p *outcomePage) content() fyne.CanvasObject {
	return container.NewVBox(
		prose("Say plainly what you are asking for. A clear request is easier to say yes to."),
		fieldRows(p.want),
		widget.NewLabelWithStyle("How should they reply?", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.reply)
}

func (p *outcomePage) collect(r *data.Request) bool {
	if !p.want.validate() {
		return false
	}
	r.OutcomeWanted = strings.TrimSpace(p.want.text())
	r.ReplyMethod = enumFor(p.reply.Selected, data.ReplyMethods)
	return true
}

func (p *outcomePage) fields() []*field { return []*field{p.want} }
