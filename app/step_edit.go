package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/process"
)

// stepEdit is the dialog that corrects a step on the timeline: its date,
// the answer given, the summary and the time spent. What kind of step it
// is stays as it was.
type stepEdit struct {
	rs      *requestScreen
	step    data.Step
	outs    []data.Outcome
	outcome *widget.RadioGroup
	on      *field
	summary *field
	minutes *field
	// received is the day a sent letter arrived, when known: their time to
	// answer runs from it (nil for steps that are not letters sent).
	received *field
	dlg      dialog.Dialog
}

// outcomesFor are the answers a step of this kind can record.
func outcomesFor(kind data.StepKind) []data.Outcome {
	switch kind {
	case data.StepReply:
		return data.ReplyOutcomes
	case data.StepCall, data.StepMeeting:
		return data.ReplyOutcomes[:3]
	case data.StepClosed:
		return []data.Outcome{data.OutcomeAgreed, data.OutcomeRefused, data.OutcomePartly, data.OutcomeWithdrawn}
	}
	return nil
}

// editStep opens the dialog to correct a step.
func (rs *requestScreen) editStep(st data.Step) *stepEdit {
	e := &stepEdit{rs: rs, step: st, outs: outcomesFor(st.Kind)}
	e.outcome = widget.NewRadioGroup(enumLabels(e.outs), nil)
	e.outcome.Horizontal = true
	e.outcome.SetSelected(labelOf(st.Outcome))
	e.on = newField("On", "Date", "", checkRequiredDate)
	e.on.set(st.On.UK())
	e.summary = newTextField("Summary", "What was said", "In a few words. Optional.", 4)
	e.summary.check = checkLength(data.LimitNotes)
	e.summary.set(st.Summary)
	e.minutes = newField("Minutes", "Minutes spent", "Optional: time you spent on it.", checkMinutes)
	if st.Minutes > 0 {
		e.minutes.set(strconv.Itoa(st.Minutes))
	}

	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	rows := []fyne.CanvasObject{bold("What happened"), widget.NewLabel(stepTitle(st))}
	if len(e.outs) > 0 {
		rows = append(rows, bold("Their answer"), e.outcome)
	}
	rows = append(rows, e.on.label, e.on.cell())
	if st.Kind == data.StepLetterSent {
		e.received = newField("ReceivedOn", "They received it on", "Optional. Their time to answer runs from this day; "+
			"without it, a posted letter is taken to arrive 2 working days after posting.", checkDate)
		if !st.ReceivedOn.IsZero() {
			e.received.set(st.ReceivedOn.UK())
		}
		rows = append(rows, e.received.label, e.received.cell())
	}
	rows = append(rows, e.summary.label, e.summary.cell(), e.minutes.label, e.minutes.cell())
	save := widget.NewButtonWithIcon("Save", theme.ConfirmIcon(), e.onSave)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { e.dlg.Hide() })
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, save), nil, nil, formRows(rows...))
	e.dlg = dialog.NewCustomWithoutButtons("Correct this step", body, rs.s.win)
	e.dlg.Resize(fitDialog(rs.s, fyne.NewSize(640, 420)))
	rs.s.showDialog(e.dlg)
	return e
}

// stepTitle names a step as the timeline does.
func stepTitle(st data.Step) string {
	if st.Kind == data.StepLetterSent {
		return "Sent: " + kindTitle(st.LetterKind)
	}
	return st.Kind.Label()
}

func (e *stepEdit) onSave() {
	fields := []*field{e.on, e.summary, e.minutes}
	if e.received != nil {
		fields = append(fields, e.received)
	}
	for _, f := range fields {
		if !f.validate() {
			return
		}
	}
	s, rs := e.rs.s, e.rs
	st := e.step
	st.On, _ = data.ParseDate(e.on.text())
	st.Summary = strings.TrimSpace(e.summary.text())
	st.Minutes, _ = strconv.Atoi(strings.TrimSpace(e.minutes.text()))
	if len(e.outs) > 0 {
		st.Outcome = enumFor(e.outcome.Selected, e.outs)
	}
	if e.received != nil {
		st.ReceivedOn, _ = data.ParseDate(strings.TrimSpace(e.received.text()))
	}
	if st.On != e.step.On || st.Outcome != e.step.Outcome || st.ReceivedOn != e.step.ReceivedOn { // what is owed follows from when, and what was said
		earlier := slices.DeleteFunc(s.cl.rulesTimeline(rs.req.ID), func(x data.Step) bool {
			return x.ID == st.ID || x.On.After(st.On)
		})
		st.DueOn, st.DueWhat = process.DueAfter(earlier, st, rs.person.Nation, s.cl.configFor(rs.req.forRules()))
	}
	store := s.st
	backgroundForm(s, fields, func(ctx context.Context) (data.Step, error) {
		return st, store.UpdateStep(ctx, st)
	}, func(st data.Step) {
		s.cl.removeStep(st)
		s.cl.addStep(st)
		e.dlg.Hide()
		rs.refresh()
	})
}

// confirmDeleteStep asks, then takes a step off the timeline. A letter
// the step recorded as sent is kept; so is any attached reply.
func (rs *requestScreen) confirmDeleteStep(st data.Step) dialog.Dialog {
	msg := "Take \u201c" + stepTitle(st) + "\u201d of " + st.On.Long() + " off the timeline? This cannot be undone."
	if st.Kind == data.StepLetterSent {
		msg += "\n\nThe letter itself is kept, and can still be opened under Letters."
	}
	if st.Attachment != "" {
		msg += "\n\nThe reply attached to it (" + st.Attachment + ") is deleted with it."
	}
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Delete this step?", "Delete", "Keep it", container.NewPadded(label), func(ok bool) {
		if ok {
			rs.deleteStep(st)
		}
	}, rs.s.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fitDialog(rs.s, fyne.NewSize(520, 260)))
	rs.s.showDialog(d)
	return d
}

func (rs *requestScreen) deleteStep(st data.Step) {
	store := rs.s.st
	backgroundErr(rs.s, func(ctx context.Context) error { return store.DeleteStep(ctx, st.ID) }, func() {
		rs.s.cl.removeStep(st)
		rs.refresh()
	})
}

// stepButtons correct or remove a step logged by mistake.
func (rs *requestScreen) stepButtons(st data.Step) fyne.CanvasObject {
	edit := widget.NewButtonWithIcon("Correct", theme.DocumentCreateIcon(), func() { rs.editStep(st) })
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { rs.confirmDeleteStep(st) })
	edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
	return container.NewHBox(layout.NewSpacer(), edit, del)
}
