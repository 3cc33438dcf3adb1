package subject

import "context"

// Holdings counts what is held about one person: what erasing them takes,
// and what their copy holds.
type Holdings struct {
	Requests, Letters, Steps, Files int
}

// Count reads one person's requests and counts their letters, steps and
// attached files.
func Count(ctx context.Context, src Source, personID string) (Holdings, error) {
	var h Holdings
	reqs, err := src.RequestsFor(ctx, personID)
	if err != nil {
		return h, err
	}
	h.Requests = len(reqs)
	for _, r := range reqs {
		ls, err := src.LettersFor(ctx, r.ID)
		if err != nil {
			return h, err
		}
		ss, err := src.StepsFor(ctx, r.ID)
		if err != nil {
			return h, err
		}
		h.Letters += len(ls)
		h.Steps += len(ss)
		for _, s := range ss {
			if s.Attachment != "" {
				h.Files++
			}
		}
	}
	return h, nil
}
