package app

import (
	"fyne.io/fyne/v2/dialog"
)

// pdfSaved says where the PDF went and, while the letter is not yet marked
// as sent, that saving a copy is not sending it: the request only shows
// the letter, and Today its reply's due date, once it is marked as sent.
func (ls *letterScreen) pdfSaved(name string) {
	if ls.rec.Sent() {
		ls.status.SetText("Saved as " + name + ".")
		return
	}
	// The letter is kept too, so the request lists it as not sent yet
	// rather than saying there are no letters.
	ls.saveThen(func() { ls.offerToMark(name) })
}

func (ls *letterScreen) offerToMark(name string) {
	verb, mark := "sent", "Mark as sent…"
	if isReceipt(ls.rec) {
		verb, mark = "given", "Mark as given…"
	}
	ls.status.SetText("Saved as " + name + ". Not marked as " + verb + " yet.")
	msg := "The PDF is saved as " + name + ". Saving a copy does not record the letter as " + verb +
		": until it is marked as " + verb + ", the request says no letter has gone, and no reply is expected on Today."
	d := dialog.NewConfirm("Saved as PDF", msg, func(now bool) {
		if now {
			ls.sendBtn.OnTapped()
		}
	}, ls.s.win)
	d.SetConfirmText(mark)
	d.SetDismissText("Not yet")
	ls.s.showDialog(d)
}
