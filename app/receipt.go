package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// A receipt for a request made at the surgery is given to the patient by
// hand. Its "Passed to" is whoever the desk routed the request to, never a
// body picked from the directory by role, and it is marked as given only
// when the person at the desk says so, after reading it over.

func isReceipt(l data.Letter) bool { return l.Kind == data.KindReceptionReceipt }

// receiptRow says who the receipt is for and who the request was passed to.
func (ls *letterScreen) receiptRow() fyne.CanvasObject {
	bold := fyne.TextStyle{Bold: true}
	to := ls.recipient().DisplayName()
	if to == "" {
		to = "Nobody chosen: the receipt says the doctor responsible for their care"
	}
	return formRows(widget.NewLabelWithStyle("For", fyne.TextAlignTrailing, bold), widget.NewLabel(ls.person.Name+", given by hand"),
		widget.NewLabelWithStyle("Passed to", fyne.TextAlignTrailing, bold), widget.NewLabel(to))
}

// onMarkGiven asks before the receipt is kept as given.
func (ls *letterScreen) onMarkGiven() {
	msg := "Has the receipt been given to " + ls.person.Name + "? Once marked as given, it is kept as it is now."
	d := dialog.NewConfirm("Mark as given", msg, func(ok bool) {
		if ok {
			ls.markGiven(ls.s.today())
		}
	}, ls.s.win)
	d.SetConfirmText("Mark as given")
	d.SetDismissText("Not yet")
	ls.s.showDialog(d)
}

// markGiven keeps the receipt's whole text as it was given. The desk
// step already holds the date the decision is owed, so no step is added.
func (ls *letterScreen) markGiven(on data.Date) {
	if ls.rec.Sent() {
		return // marked already (asked twice while a save was going)
	}
	l := ls.rec
	l.Body, l.SentOn, l.SentHow = ls.final().EditableText(), on, data.SentByHand
	st := ls.s.st
	saveJob(ls.s, ls, func() { ls.markGiven(on) }, func(ctx context.Context) (data.Letter, error) {
		err := st.SaveLetter(ctx, &l)
		return l, err
	}, func(l data.Letter) {
		ls.s.cl.putLetter(l)
		ls.rec, ls.stored = l, l
		ls.dirty = false
		ls.s.showLetter(l)
	}, ls.s.showError)
}

// receiptActions replaces "Mark as sent" with "Mark as given".
func (ls *letterScreen) receiptActions() {
	ls.sendBtn.SetText("Mark as given…")
	ls.sendBtn.OnTapped = ls.onMarkGiven
}
