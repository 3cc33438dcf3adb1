package report

import (
	"context"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// FromStore reads the records and builds the report, with the chase
// period and contacts the agenda uses, so that "overdue" means the same
// on the report as on the agenda. Call it off the UI goroutine: it reads
// every request.
func FromStore(ctx context.Context, st *store.Store, from, to, today data.Date) (Report, error) {
	all, err := st.LoadAll(ctx)
	if err != nil {
		return Report{}, err
	}
	cfg := process.ConfigFor(all.Contacts, st.ChaseDays(ctx))
	return BuildWith(all.People, all.Requests, all.Steps, from, to, today, cfg), nil
}
