package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/process"
	storepkg "secondopinion/data/store"
	"secondopinion/letters"
)

// openedFolder is where an attached reply is written, inside the data
// folder, so the computer's own viewer can open it.
const openedFolder = storepkg.OpenedFolder // erasing a person removes their copies there

// stepForm is the dialog that logs a reply, a call, a meeting, a note or
// the close of a request.
type stepForm struct {
	rs       *requestScreen
	kind     data.StepKind
	kindPick *widget.Select
	outcome  *widget.RadioGroup
	outMsg   *widget.Label
	noReason *widget.Check // a refusal that came without its reasons
	setAside string        // an answer chosen for a kind that has none, brought back with one
	on       *field
	summary  *field
	minutes  *field
	answers  *widget.Select // which letter a reply answers
	// The labels of the answer and of the letter answered, hidden with
	// their rows when what happened has no answer (a note) or answers no
	// letter (anything but a reply).
	answerL, answersL *widget.Label
	answerBox         *fyne.Container // the answer, "no reasons" and its problem: hidden whole, it leaves no gap
	attach            string          // the file chosen to attach, outside the data folder
	attachL           *widget.Label
	dlg               dialog.Dialog
}

var loggable = []data.StepKind{data.StepReply, data.StepCall, data.StepMeeting, data.StepNote, data.StepClosed}

// logStep opens the dialog to log a step of the given kind.
func (rs *requestScreen) logStep(kind data.StepKind) *stepForm {
	f := &stepForm{rs: rs, kind: kind}
	f.build()
	rs.s.showDialog(f.dlg)
	return f
}

func (f *stepForm) build() {
	s := f.rs.s
	f.kindPick = widget.NewSelect(enumLabels(loggable), f.onKind)
	f.outcome = widget.NewRadioGroup(nil, func(string) { setProblem(f.outMsg, ""); f.showNoReasons() })
	f.noReason = widget.NewCheck("They gave no reasons", nil)
	f.noReason.Hide()
	f.outcome.Horizontal = true
	f.outMsg = problemLabel("")
	f.on = newField("On", "Date", "", checkRequiredDate)
	f.on.set(s.today().UK())
	f.summary = newTextField("Summary", "What was said", "In a few words. Optional.", 4)
	f.summary.check = checkLength(data.LimitNotes)
	f.minutes = newField("Minutes", "Minutes spent", "Optional: time you spent on it.", checkMinutes)
	f.answers = widget.NewSelect(nil, nil)
	f.attachL = quiet("No file attached.")
	attach := widget.NewButtonWithIcon("Attach the reply (PDF or photo)…", theme.FileIcon(), f.onAttach)

	save := widget.NewButtonWithIcon("Save", theme.ConfirmIcon(), f.onSave)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })

	f.answerL = widget.NewLabelWithStyle("Their answer", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	f.answersL = widget.NewLabelWithStyle("Answering", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	f.answerBox = container.NewVBox(f.outcome, f.noReason, f.outMsg)
	rows := []fyne.CanvasObject{
		widget.NewLabelWithStyle("What happened", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), f.kindPick,
		f.answerL, f.answerBox,
	}
	if sent := f.sentKinds(); len(sent) > 1 {
		f.answers.Options = sent
		f.answers.SetSelected(sent[len(sent)-1])
		rows = append(rows, f.answersL, f.answers)
	}
	rows = append(rows, f.on.label, f.on.cell(), f.summary.label, f.summary.cell())
	if s.modeNow() == modeAdvocate || s.modeNow() == modeSurgery {
		rows = append(rows, f.minutes.label, f.minutes.cell())
	}
	rows = append(rows, widget.NewLabel(""), container.NewVBox(container.NewHBox(attach), f.attachL))
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, save), nil, nil, dialogBody(s, formRows(rows...)))
	f.dlg = dialog.NewCustomWithoutButtons("Log what happened", body, s.win)
	f.dlg.Resize(fitDialog(s, fyne.NewSize(640, 560)))
	f.kindPick.SetSelected(f.kind.Label())
}

// onKind offers the answers that fit what happened.
func (f *stepForm) onKind(label string) {
	f.kind = enumFor(label, loggable)
	switch f.kind {
	case data.StepReply:
		f.outcome.Options = enumLabels(data.ReplyOutcomes)
	case data.StepCall, data.StepMeeting:
		f.outcome.Options = append([]string{"No answer yet"}, enumLabels(data.ReplyOutcomes[:3])...)
	case data.StepClosed:
		f.outcome.Options = enumLabels([]data.Outcome{data.OutcomeAgreed, data.OutcomeRefused, data.OutcomePartly, data.OutcomeWithdrawn})
	default:
		f.outcome.Options = nil
	}
	// The answer already chosen stays chosen while it still fits, and
	// comes back when the kind is changed back to one it fits.
	if f.outcome.Selected == "" && slices.Contains(f.outcome.Options, f.setAside) {
		f.outcome.Selected, f.setAside = f.setAside, ""
	}
	if f.outcome.Selected != "" && !slices.Contains(f.outcome.Options, f.outcome.Selected) {
		f.outcome.Selected, f.setAside = "", f.outcome.Selected
	}
	f.showNoReasons()
	showIf(len(f.outcome.Options) > 0, f.outcome, f.answerL, f.answerBox)
	showIf(f.kind == data.StepReply, f.answers, f.answersL)
	f.outcome.Refresh()
}

// showIf shows the objects when shown holds, and hides them otherwise.
func showIf(shown bool, objects ...fyne.CanvasObject) {
	for _, o := range objects {
		if shown {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// refusal reports whether the answer chosen refuses, wholly or in part.
func (f *stepForm) refusal() bool {
	o := f.outcome.Selected
	return f.outcome.Visible() && (o == data.OutcomeRefused.Label() || o == data.OutcomePartly.Label())
}

// showNoReasons offers "no reasons" only with a refusal. Hidden, the tick
// is kept, not cleared, in case the answer is changed back.
func (f *stepForm) showNoReasons() {
	if f.noReason == nil {
		return
	}
	if f.refusal() {
		f.noReason.Show()
	} else {
		f.noReason.Hide()
	}
}

// sentKinds are the titles of the letters sent so far, oldest first, once each.
func (f *stepForm) sentKinds() []string {
	var out []string
	seen := map[string]bool{}
	for _, st := range f.rs.s.cl.rulesTimeline(f.rs.req.ID) {
		if st.Kind != data.StepLetterSent || seen[st.LetterKind] {
			continue
		}
		seen[st.LetterKind] = true
		out = append(out, kindTitle(st.LetterKind))
	}
	return out
}

func kindTitle(kind string) string {
	if k, ok := letters.KindByID(kind); ok {
		return k.Title
	}
	return kind
}

// answered is the kind of the letter a reply answers: the one chosen, or
// the latest sent.
func (f *stepForm) answered() string {
	steps := f.rs.s.cl.rulesTimeline(f.rs.req.ID)
	for i := len(steps) - 1; i >= 0; i-- {
		st := steps[i]
		if st.Kind == data.StepLetterSent && (f.answers.Selected == "" || kindTitle(st.LetterKind) == f.answers.Selected) {
			return st.LetterKind
		}
	}
	return ""
}

func checkMinutes(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if n, err := strconv.Atoi(s); err != nil || n < 0 || n > 24*60 {
		return "Please give a number of minutes, like 20."
	}
	return ""
}

func (f *stepForm) onAttach() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			f.rs.s.showError(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		f.attach = r.URI().Path()
		f.attachL.SetText("Attached: " + filepath.Base(f.attach))
	}, f.rs.s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".jpg", ".jpeg", ".png", ".heic", ".PDF", ".JPG", ".JPEG", ".PNG"}))
	d.Resize(fitDialog(f.rs.s, fyne.NewSize(900, 600)))
	d.Show()
}

// step is the step as filled in, and whether it is complete.
func (f *stepForm) step() (data.Step, bool) {
	ok := f.on.validate() && f.summary.validate() && f.minutes.validate()
	st := data.Step{RequestID: f.rs.req.ID, Kind: f.kind, Summary: strings.TrimSpace(f.summary.text())}
	st.On, _ = data.ParseDate(f.on.text())
	st.Minutes, _ = strconv.Atoi(strings.TrimSpace(f.minutes.text()))
	var outs []data.Outcome
	switch f.kind {
	case data.StepReply:
		outs = data.ReplyOutcomes
	case data.StepCall, data.StepMeeting:
		outs = data.ReplyOutcomes[:3]
	case data.StepClosed:
		outs = []data.Outcome{data.OutcomeAgreed, data.OutcomeRefused, data.OutcomePartly, data.OutcomeWithdrawn}
	}
	st.Outcome = enumFor(f.outcome.Selected, outs)
	st.NoReasons = f.refusal() && f.noReason.Checked
	if f.kind == data.StepReply {
		if st.Outcome == data.OutcomeNone {
			setProblem(f.outMsg, "Please choose what they said: agreed, refused, partly agreed or no reply.")
			ok = false
		}
		st.LetterKind = f.answered()
	}
	return st, ok
}

func (f *stepForm) onSave() {
	st, ok := f.step()
	if !ok {
		return
	}
	s, rs := f.rs.s, f.rs
	earlier := s.cl.rulesTimeline(rs.req.ID)
	st.DueOn, st.DueWhat = process.DueAfter(earlier, st, rs.person.Nation, s.cl.configFor(rs.req.forRules()))
	src, store := f.attach, s.st
	backgroundForm(s, []*field{f.on, f.summary, f.minutes}, func(ctx context.Context) (data.Step, error) {
		if src == "" {
			return st, store.AddStep(ctx, &st)
		}
		content, err := readAttachment(src)
		if err != nil {
			return st, err
		}
		// The reply is kept inside the database with its step, so
		// backups carry it and it never depends on the original file.
		return st, store.AddStepWithFile(ctx, &st, src, content)
	}, func(st data.Step) {
		s.cl.addStep(st)
		f.dlg.Hide()
		rs.refresh()
	})
}

// readAttachment reads the chosen reply, refusing one too large to keep.
func readAttachment(src string) ([]byte, error) {
	info, err := os.Stat(src)
	if err == nil && info.Size() > storepkg.LimitAttachment {
		return nil, &data.UserError{Message: fmt.Sprintf("This file is too large to attach (%d MB; the most is %d MB). "+
			"Please attach a smaller copy.", info.Size()>>20, storepkg.LimitAttachment>>20)}
	}
	content, err := os.ReadFile(src)
	if err != nil {
		return nil, &data.UserError{Message: "The file could not be opened. It may have been moved; please choose it again.", Err: err}
	}
	return content, nil
}
