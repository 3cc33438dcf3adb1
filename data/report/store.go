package report

import (
	"context"
	"strconv"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// FromStore reads the records and builds the report, with the chase
// period and contacts the agenda uses, so that "overdue" means the same
// on the report as on the agenda. Call it off the UI goroutine: it reads
// every request.
func FromStore(ctx context.Context, st *store.Store, from, to, today data.Date) (Report, error) {
	people, err := st.People(ctx)
	if err != nil {
		return Report{}, err
	}
	requests, err := st.Requests(ctx)
	if err != nil {
		return Report{}, err
	}
	steps, err := st.AllSteps(ctx)
	if err != nil {
		return Report{}, err
	}
	contacts, err := st.Contacts(ctx)
	if err != nil {
		return Report{}, err
	}
	cfg := process.Config{Contacts: make(map[string]data.Contact, len(contacts))}
	for _, c := range contacts {
		cfg.Contacts[c.ID] = c
	}
	if v, err := st.Setting(ctx, store.SettingChaseDays); err == nil {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			cfg.ChaseDays = n
		}
	}
	return BuildWith(people, requests, steps, from, to, today, cfg), nil
}
