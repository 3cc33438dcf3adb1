package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
)

func TestDirectoryMarksNationalBodiesAndDeletesLocalOnes(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir) // Dr B Patel, addressed by one request
	s := openOn(t, dir)
	s.showDirectory()
	d := s.current.(*directoryScreen)

	national, local := -1, -1
	for i, at := range d.shown {
		c := s.cl.contacts[at]
		switch {
		case !c.LastVerified.IsZero() && national < 0:
			national = i
		case c.Name == "Dr B Patel":
			local = i
		}
	}
	if national < 0 || local < 0 {
		t.Fatalf("the directory lacks a national body (%d) or Dr Patel (%d)", national, local)
	}
	d.list.Select(national)
	if !d.verified.Visible() || !strings.Contains(d.verified.Text, "last verified") || !strings.Contains(d.verified.Text, "check") {
		t.Errorf("a national body shows %q (visible %v)", d.verified.Text, d.verified.Visible())
	}
	d.list.Select(local)
	if d.verified.Visible() {
		t.Errorf("a contact the user added is marked as verified: %q", d.verified.Text)
	}

	patel := d.form.contact
	test.Tap(d.delBtn)
	if len(s.dialogs) != 1 {
		t.Fatalf("Delete did not ask first")
	}
	s.dialogs[0].Hide() // Keep
	if _, err := s.st.Contact(ctx, patel.ID); err != nil {
		t.Fatalf("keeping the contact deleted it: %v", err)
	}
	d.delete(patel.ID) // as Delete in the dialog does
	settle(t, s)
	if _, err := s.st.Contact(ctx, patel.ID); err == nil {
		t.Error("the contact is still stored after deleting it")
	}
	if _, ok := s.cl.contact(patel.ID); ok {
		t.Error("the contact is still listed after deleting it")
	}
	for _, r := range s.cl.requests {
		if r.RecipientID == patel.ID {
			t.Error("a request still points at the deleted contact")
		}
	}
	reqs, _ := s.st.Requests(ctx)
	if len(reqs) != 1 || reqs[0].RecipientID != "" || reqs[0].Subject != data.SubjectDiagnosis {
		t.Errorf("the request after deleting its recipient: %+v", reqs)
	}
}
