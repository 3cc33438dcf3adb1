package app

import (
	"testing"

	"secondopinion/data"
)

// The letter's list of recipients holds the person's own nation's bodies,
// never a body serving only another nation, and says whom to choose when
// nothing fits for certain.
func TestLetterRecipientsAreThePersonsNation(t *testing.T) {
	s := openOn(t, t.TempDir())
	p := data.Person{ID: "p", Name: "Rhys Evans", Nation: data.Wales}
	r := data.Request{ID: "r", PersonID: "p", Subject: data.SubjectTreatment, Route: data.RouteLocal}
	s.cl.people = []data.Person{p}
	s.cl.placeBrief(briefOfRequest(&r, s.cl.book.writer()))
	s.cl.contacts = []data.Contact{
		{ID: "belfast", Role: data.RoleComplaints, Organisation: "Belfast HSC Trust", Nations: []data.Nation{data.NorthernIreland}},
		{ID: "gwent", Role: data.RoleComplaints, Organisation: "Aneurin Bevan health board", Nations: []data.Nation{data.Wales}},
		{ID: "local", Role: data.RoleComplaints, Organisation: "Cardiff practice"},
	}
	ls := newLetterScreen(s, data.Letter{RequestID: "r", Kind: data.KindComplaint}, r, nil)
	for _, id := range ls.toIDs {
		if id == "belfast" {
			t.Errorf("a Northern Ireland trust is offered for a letter about a person in Wales: %v", ls.toIDs)
		}
	}
	if len(ls.toIDs) != 2 {
		t.Errorf("recipients offered %v, want the Welsh board and the local practice", ls.toIDs)
	}
	if ls.status.Text == "" {
		t.Errorf("two complaints teams fit and none was chosen, but nothing says whom to choose")
	}
}
