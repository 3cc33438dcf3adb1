package app

import (
	"context"

	"secondopinion/data"
)

// readRequest hands then a request in full with its whole timeline (its
// summaries, attachments and letters' ids): those read already, or read
// now in the background. The caseload keeps only a brief of each request
// and a digest of each timeline (request_brief.go, digest.go). fail hears
// why they could not be read; nil shows the error.
func (s *shell) readRequest(requestID string, then func(data.Request, []data.Step), fail func(error)) {
	if fail == nil {
		fail = s.showError
	}
	if req, steps, ok := s.cl.opened(requestID); ok {
		then(req, steps)
		return
	}
	cl, brief, before, st := s.cl, s.cl.requests[requestID], s.cl.digest(requestID), s.st
	type read struct {
		req   data.Request
		steps []data.Step
	}
	runJob(s, func(ctx context.Context) (read, error) {
		r, err := st.Request(ctx, requestID)
		if err != nil {
			return read{}, err
		}
		steps, err := st.StepsFor(ctx, requestID)
		return read{r, steps}, err
	}, func(got read) {
		if _, ok := s.cl.requests[requestID]; !ok {
			return // removed meanwhile, or other records opened: nothing to show
		}
		if s.cl != cl || cl.requests[requestID] != brief || cl.digest(requestID) != before {
			// The request was saved or a step logged, here or at another
			// desk, or the caseload read again while this was read: what
			// was read may be behind.
			s.readRequest(requestID, then, fail)
			return
		}
		if got.steps == nil {
			got.steps = []data.Step{} // read, and empty: not to be read again
		}
		cl.keepOpen(got.req, got.steps)
		then(got.req, got.steps)
	}, func(err error) {
		if _, ok := s.cl.requests[requestID]; !ok {
			return // removed meanwhile: the screens have moved on already
		}
		fail(err)
	})
}

// openRead reads a request in full with its timeline, then calls open,
// unless the person has moved to another screen meanwhile: nothing opens
// over where they went. fail is as for readRequest.
func (s *shell) openRead(requestID string, open func(data.Request, []data.Step), fail func(error)) {
	from := s.current
	s.readRequest(requestID, func(req data.Request, steps []data.Step) {
		if s.current == from {
			open(req, steps)
		}
	}, fail)
}
