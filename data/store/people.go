package store

import (
	"context"
	"strings"

	"secondopinion/data"
)

var personCols = []string{"id", "name", "date_of_birth", "address", "phone", "email", "nhs_number",
	"nation", "notes", "consent_on", "consent_scope", "flags", "pronouns", "title", "nhs_name", "relationship",
	"anonymised_on", "created_at", "updated_at", "version"}

var (
	savePersonSQL   = forEach(func(d dialect) string { return d.upsertSQL("people", personCols) })
	selectPersonSQL = "SELECT " + joinCols(personCols) + " FROM people"
)

func scanPerson(row scanner) (data.Person, error) {
	var p data.Person
	err := row.Scan(&p.ID, &p.Name, dateField{&p.DateOfBirth}, &p.Address, &p.Phone, &p.Email, &p.NHSNumber,
		&p.Nation, &p.Notes, dateField{&p.ConsentOn}, &p.ConsentScope, linesField{&p.Flags},
		&p.Pronouns, &p.Title, &p.NHSName, &p.Relationship, dateField{&p.AnonymisedOn}, timeField{&p.CreatedAt}, timeField{&p.UpdatedAt}, &p.Version)
	return p, err
}

func personArgs(p data.Person) []any {
	return []any{p.ID, p.Name, p.DateOfBirth.String(), p.Address, p.Phone, p.Email, p.NHSNumber,
		string(p.Nation), p.Notes, p.ConsentOn.String(), p.ConsentScope, strings.Join(p.Flags, "\n"),
		string(p.Pronouns), string(p.Title), p.NHSName, p.Relationship, p.AnonymisedOn.String(), formatTime(p.CreatedAt), formatTime(p.UpdatedAt), p.Version}
}

// SavePerson validates and saves a person, giving a new one its id.
func (s *Store) SavePerson(ctx context.Context, p *data.Person) error {
	p.NHSNumber = data.NormaliseNHSNumber(p.NHSNumber)
	if err := p.Validate(); err != nil {
		return err
	}
	saved := *p
	s.stamp(&saved.ID, &saved.CreatedAt, &saved.UpdatedAt)
	err := s.inTx(ctx, func(tx txn) (err error) {
		saved.Version, err = s.saveRecord(ctx, tx, "people", saved.ID, savePersonSQL[s.d],
			s.sealed("people", personCols, personArgs(saved)))
		return err
	})
	if err == nil {
		*p = saved
	}
	return err
}

// Person returns one person.
func (s *Store) Person(ctx context.Context, id string) (data.Person, error) {
	return queryOne(ctx, s.db, opened(s, "people", personCols, scanPerson), selectPersonSQL+" WHERE id = ?", id)
}

// People returns everyone, by name.
func (s *Store) People(ctx context.Context) ([]data.Person, error) {
	list, err := queryList(ctx, s.db, opened(s, "people", personCols, scanPerson), selectPersonSQL+" ORDER BY lower(name), id")
	if err == nil && s.Protected() { // SQLite sorted the sealed names
		sortNoCase(list, func(p data.Person) []string { return []string{p.Name, p.ID} })
	}
	return list, err
}

// DeletePerson deletes a person with their requests, letters and steps.
func (s *Store) DeletePerson(ctx context.Context, id string) error {
	return s.deleteByID(ctx, "people", id)
}
