package store

import (
	"cmp"
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
	err := row.Scan(personFields(&p)...)
	return p, err
}

// personFields are where a person's columns go, in personCols order.
func personFields(p *data.Person) []any {
	return []any{&p.ID, &p.Name, dateField{&p.DateOfBirth}, &p.Address, &p.Phone, &p.Email, &p.NHSNumber,
		&p.Nation, &p.Notes, dateField{&p.ConsentOn}, &p.ConsentScope, linesField{&p.Flags},
		&p.Pronouns, &p.Title, &p.NHSName, &p.Relationship, dateField{&p.AnonymisedOn}, timeField{&p.CreatedAt}, timeField{&p.UpdatedAt}, &p.Version}
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
	var version int // set once saved: a retried save must send the version it read
	err := s.inTx(ctx, func(tx txn) (err error) {
		version, err = s.saveRecord(ctx, tx, "people", saved.ID, savePersonSQL[s.d],
			s.sealed("people", personCols, personArgs(saved)))
		return err
	})
	if err == nil {
		saved.Version = version
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
	// Sorted here, not by the database: it cannot sort sealed names, and a
	// team's server sorting 50,000 people only delays the first row.
	// Their texts are kept as long as one another, so they share blocks.
	return queryListSorted(ctx, s, "people", personCols, personFields, &textBlocks{}, nameKeyOf, nameKey.compare, selectPersonSQL)
}

type nameKey struct{ name, id string }

func nameKeyOf(p *data.Person) nameKey { return nameKey{p.Name, p.ID} }

func (a nameKey) compare(b nameKey) int {
	return cmp.Or(compareNoCase(a.name, b.name), strings.Compare(a.id, b.id))
}

// DeletePerson deletes a person with their requests, letters and steps.
func (s *Store) DeletePerson(ctx context.Context, id string) error {
	return s.deleteByID(ctx, "people", id)
}
