package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// verifiedText is what the directory says about a national body shipped
// with the program: when its details were last checked, and to check
// them again before relying on them. Contacts the user added say nothing.
func verifiedText(c data.Contact) string {
	if c.LastVerified.IsZero() {
		return ""
	}
	return "A national body listed by the program, last verified " + c.LastVerified.Long() +
		". Details change: please check the address, phone and email before use."
}

// showVerified fills in the note above the form for the chosen contact.
func (d *directoryScreen) showVerified(c data.Contact) {
	text := verifiedText(c)
	d.verified.SetText(text)
	if text == "" {
		d.verified.Hide()
	} else {
		d.verified.Show()
	}
	if c.ID == "" {
		d.delBtn.Disable()
	} else {
		d.delBtn.Enable()
	}
}

func newVerifiedLabel() *widget.Label {
	l := prose("")
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}

// onDelete asks first, then deletes the contact being edited. Requests and
// letters addressed to it keep their text but lose the link.
func (d *directoryScreen) onDelete() {
	c := d.form.contact
	if c.ID == "" {
		return
	}
	msg := "This takes " + c.DisplayName() + " out of the directory. It cannot be undone."
	if n := d.s.cl.requestsTo(c.ID); n > 0 {
		msg += fmt.Sprintf(" %s addressed to them: they keep the name in their letters, but you will need to choose someone new to write to.",
			plural(n, "request is", "requests are"))
	}
	cf := dialog.NewConfirm("Delete "+c.DisplayName()+"?", msg, func(ok bool) {
		if ok {
			d.delete(c.ID)
		}
	}, d.s.win)
	cf.SetConfirmText("Delete")
	cf.SetDismissText("Keep")
	d.s.showDialog(cf)
}

func (d *directoryScreen) delete(id string) {
	st := d.s.st
	backgroundErr(d.s, func(ctx context.Context) error { return st.DeleteContact(ctx, id) }, func() {
		d.s.cl.dropContact(id)
		d.list.UnselectAll()
		d.onAdd()
		d.saved.SetText("Deleted.")
		d.filter(d.search.Text)
		d.list.Refresh()
	})
}

// requestsTo counts the requests addressed to a contact.
func (c *caseload) requestsTo(contactID string) int {
	n := 0
	for _, r := range c.requests {
		if r.RecipientID == contactID {
			n++
		}
	}
	return n
}

// dropContact forgets a deleted contact, and the links to it, as the store does.
func (c *caseload) dropContact(id string) {
	for i := range c.contacts {
		if c.contacts[i].ID == id {
			c.contacts = append(c.contacts[:i], c.contacts[i+1:]...)
			break
		}
	}
	for rid, r := range c.requests {
		if r.RecipientID == id {
			unlinked := *r // a new brief: copies being worked on share the old
			unlinked.RecipientID = ""
			c.ownMaps()
			c.requests[rid] = &unlinked
		}
	}
	for rid, r := range c.whole {
		if r.RecipientID == id {
			r.RecipientID = "" // else an edit would save the link again, and be refused
			c.whole[rid] = r
		}
	}
	for rid, ls := range c.letters {
		for i := range ls {
			if ls[i].RecipientID == id {
				c.letters[rid][i].RecipientID = ""
			}
		}
	}
}
