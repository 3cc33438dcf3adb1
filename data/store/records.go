package store

import (
	"context"
	"strconv"

	"secondopinion/data"
)

// Records is the whole caseload, as the agenda, reports and lists need it.
type Records struct {
	People   []data.Person
	Requests []data.Request
	Steps    []data.Step // grouped by request, oldest first within each
	Contacts []data.Contact
}

// LoadAll reads every person, request, step and contact.
func (s *Store) LoadAll(ctx context.Context) (Records, error) {
	var r Records
	var err error
	if r.People, err = s.People(ctx); err != nil {
		return Records{}, err
	}
	if r.Requests, err = s.Requests(ctx); err != nil {
		return Records{}, err
	}
	if r.Steps, err = s.AllSteps(ctx); err != nil {
		return Records{}, err
	}
	if r.Contacts, err = s.Contacts(ctx); err != nil {
		return Records{}, err
	}
	return r, nil
}

// ChaseDays is the user's chase period in days, or 0 when it was never set
// (the rules then use their default).
func (s *Store) ChaseDays(ctx context.Context) int {
	v, err := s.Setting(ctx, SettingChaseDays)
	if err != nil {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0
	}
	return n
}
