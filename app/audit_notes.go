package app

import (
	"context"

	"secondopinion/data/store"
)

// The window notes in the audit log what only it knows: a person's or a
// request's page opened, a letter printed, a copy or a report exported.
// Changes note themselves in the store, with the change.

// noteAudit notes an action on a record in the background. The page is
// already open, or the file written, by then: a note that cannot be
// written (a full disk) does not stop the person's work, and the next
// save says what is wrong. Records that can only be read take no note.
//
// Each note waits for the one asked for before it, so that the log keeps
// the order things were done in: written side by side, a person's page
// could be logged as opened after the request opened from it.
func (s *shell) noteAudit(action, kind, id string) {
	st := s.st
	if st == nil || st.ReadOnly() {
		return
	}
	before, written := s.lastNote, make(chan struct{})
	s.lastNote = written
	s.jobs.wg.Add(1)
	go func() {
		defer s.jobs.wg.Done()
		defer close(written)
		if before != nil {
			<-before
		}
		st.Note(context.Background(), action, kind, id)
	}()
}

// noteOpened notes a page opened, once while it stays the last one opened:
// redrawing the same person's page is not opening it again.
func (s *shell) noteOpened(kind, id string) {
	if s.lastOpened == kind+" "+id {
		return
	}
	s.lastOpened = kind + " " + id
	s.noteAudit(store.AuditOpened, kind, id)
}
