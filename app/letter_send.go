package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/safefile"
	"secondopinion/data/store"
	"secondopinion/letters"
)

// fileName is a calm, readable name for the letter's PDF.
func (ls *letterScreen) fileName() string {
	k, _ := letters.KindByID(ls.rec.Kind)
	name := ls.person.Name + " - " + k.Title + " - " + ls.s.today().String()
	name = regexp.MustCompile(`[^\p{L}\p{N} ,'()-]+`).ReplaceAllString(name, "")
	return strings.TrimSpace(name) + ".pdf"
}

// onSavePDF sets the PDF first, and only then asks where to save it: a
// letter the font cannot print is refused with the reason before any
// file is created, so no empty file is ever left behind.
func (ls *letterScreen) onSavePDF() {
	l, large := ls.final(), ls.rec.LargePrint
	background(ls.s, func(ctx context.Context) ([]byte, error) {
		pdf, err := letters.RenderPDF(l, letters.PDFOptions{LargePrint: large})
		return pdf, pdfError(err)
	}, ls.askWhereToSave)
}

func (ls *letterScreen) askWhereToSave(pdf []byte) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ls.s.showError(err)
			return
		}
		if w != nil {
			ls.savePDFTo(w, pdf)
		}
	}, ls.s.win)
	d.SetFileName(ls.fileName())
	d.Resize(fitDialog(ls.s, fyne.NewSize(900, 600)))
	d.Show()
}

// savePDFTo writes the PDF where the person chose.
func (ls *letterScreen) savePDFTo(w fyne.URIWriteCloser, pdf []byte) {
	backgroundErr(ls.s, func(ctx context.Context) error { return writePrivately(w, pdf) },
		func() {
			ls.notePrinted()
			ls.pdfSaved(w.URI().Name())
		})
}

// notePrinted notes the letter as printed: the letter when it is saved,
// or else the request it is written for.
func (ls *letterScreen) notePrinted() {
	if ls.rec.ID != "" {
		ls.s.noteAudit(store.AuditPrinted, store.AuditLetter, ls.rec.ID)
		return
	}
	ls.s.noteAudit(store.AuditPrinted, store.AuditRequest, ls.rec.RequestID)
}

// writePrivately saves a letter where the person chose. A file on disk is
// written whole and readable by its owner only, as it holds health
// details; anywhere else goes through the writer Fyne gave.
func writePrivately(w fyne.URIWriteCloser, content []byte) error {
	if w.URI().Scheme() == "file" {
		w.Close()
		path := w.URI().Path()
		err := safefile.WriteBytes(path, "the letter", safefile.Private, content)
		if fi, serr := os.Stat(path); err != nil && serr == nil && fi.Size() == 0 {
			os.Remove(path) // the empty file the dialog made, never a letter
		}
		return err
	}
	defer w.Close()
	if _, err := w.Write(content); err != nil {
		return &data.UserError{Message: "The PDF could not be saved there. Please try another folder.", Err: err}
	}
	return nil
}

// onOpenViewer writes the PDF into the data folder and opens it in the
// computer's own viewer, from which it can be printed.
func (ls *letterScreen) onOpenViewer() {
	l, large := ls.final(), ls.rec.LargePrint
	path := filepath.Join(ls.s.st.Dir(), "letters", ls.fileName())
	background(ls.s, func(ctx context.Context) (string, error) {
		pdf, err := letters.RenderPDF(l, letters.PDFOptions{LargePrint: large})
		if err != nil {
			return "", pdfError(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return "", &data.UserError{Message: "The letters folder could not be created inside the data folder.", Err: err}
		}
		return path, safefile.WriteBytes(path, "the letter", safefile.Private, pdf)
	}, func(path string) {
		ls.notePrinted()
		ls.s.openInViewer(path, func() { ls.status.SetText("Opened in your PDF viewer, from where you can print it.") })
	})
}

// onMarkSent asks when and how the letter went, then saves it as sent with
// its "letter sent" step and the date a reply is owed, in one go.
func (ls *letterScreen) onMarkSent() {
	if ls.rec.RecipientID == "" {
		ls.s.showError(&data.UserError{Message: "Please choose who the letter goes to first."})
		return
	}
	on := newField("On", "Sent on", "", checkRequiredDate)
	on.set(ls.s.today().UK())
	how := widget.NewRadioGroup(enumLabels(data.SentHows), nil)
	how.SetSelected(data.SentByPost.Label())
	minutes := newField("Minutes", "Minutes spent", "Optional: time spent on this letter.", checkMinutes)
	rows := []fyne.CanvasObject{on.label, on.cell(),
		widget.NewLabelWithStyle("How", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), how}
	if m := ls.s.modeNow(); m == modeAdvocate || m == modeSurgery {
		rows = append(rows, minutes.label, minutes.cell())
	}
	body := container.NewVBox(
		prose("Once it is marked as sent, the letter is kept as it went out, and the date a reply is owed goes on Today. "+
			"Their time to answer runs from when they receive it: a posted letter is taken to arrive 2 working days after posting, unless you later note the day it arrived."),
		formRows(rows...))
	d := dialog.NewCustomConfirm("Mark as sent", "Mark as sent", "Not yet", dialogBody(ls.s, body), func(ok bool) {
		if !ok {
			return
		}
		if !on.validate() || !minutes.validate() {
			ls.onMarkSent()
			return
		}
		date, _ := data.ParseDate(on.text())
		n := 0
		fmt.Sscan(strings.TrimSpace(minutes.text()), &n)
		ls.markSent(date, enumFor(how.Selected, data.SentHows), n)
	}, ls.s.win)
	d.Resize(fitDialog(ls.s, fyne.NewSize(560, 360)))
	ls.s.showDialog(d)
}

// markSent saves the letter as sent, with the due date from the rules.
func (ls *letterScreen) markSent(on data.Date, how data.SentHow, minutes int) {
	if ls.rec.Sent() {
		return // marked already (asked twice while a save was going): one step, not two
	}
	l := ls.rec
	// The whole text is kept as it went out, edited or not, so that the
	// copy on file never changes with later records.
	l.Body, l.SentOn, l.SentHow = ls.final().EditableText(), on, how
	to := ls.recipient()
	step := data.Step{RequestID: l.RequestID, On: on, Kind: data.StepLetterSent, LetterKind: l.Kind, Minutes: minutes, SentHow: how,
		Summary: "To " + to.DisplayName() + ", " + lowerFirst(how.Label()) + "."}
	cfg := ls.s.cl.configFor(ls.req)
	cfg.Recipient = to
	step.DueOn, step.DueWhat = process.DueAfter(ls.s.cl.rulesTimeline(l.RequestID), step, ls.person.Nation, cfg)
	st := ls.s.st
	type sent struct {
		l    data.Letter
		step data.Step
	}
	saveJob(ls.s, ls, func() { ls.markSent(on, how, minutes) }, func(ctx context.Context) (sent, error) {
		err := st.MarkSent(ctx, &l, &step)
		return sent{l, step}, err
	}, func(r sent) {
		ls.s.cl.putLetter(r.l)
		ls.s.cl.addStep(r.step)
		ls.rec, ls.stored = r.l, r.l
		ls.s.showRequest(r.l.RequestID)
	}, ls.s.showError)
}
