package app

import (
	"context"

	"secondopinion/data"
)

// readTimeline hands then a request's whole timeline, with its summaries,
// attachments and letters' ids: the one read already, or one read now in
// the background (the caseload keeps only a digest of each; see
// digest.go). fail hears why it could not be read; nil shows the error.
func (s *shell) readTimeline(requestID string, then func([]data.Step), fail func(error)) {
	if steps, ok := s.cl.timeline(requestID); ok {
		then(steps)
		return
	}
	if fail == nil {
		fail = s.showError
	}
	cl, before, st := s.cl, s.cl.digest(requestID), s.st
	runJob(s, func(ctx context.Context) ([]data.Step, error) { return st.StepsFor(ctx, requestID) },
		func(steps []data.Step) {
			if _, ok := s.cl.requests[requestID]; !ok {
				return // removed meanwhile, or other records opened: nothing to show
			}
			if s.cl != cl || cl.digest(requestID) != before {
				// A step was logged, here or at another desk, or the caseload
				// read again while this was read: it may be missing.
				s.readTimeline(requestID, then, fail)
				return
			}
			cl.full[requestID] = steps
			then(steps)
		}, fail)
}
