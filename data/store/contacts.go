package store

import (
	"context"

	"secondopinion/data"
)

var contactCols = []string{"id", "name", "role", "organisation", "address", "email", "phone", "notes",
	"last_verified", "funding_review_days", "nations", "refusal_policy", "created_at", "updated_at", "version"}

var (
	saveContactSQL   = forEach(func(d dialect) string { return d.upsertSQL("contacts", contactCols) })
	selectContactSQL = "SELECT " + joinCols(contactCols) + " FROM contacts"
)

func scanContact(row scanner) (data.Contact, error) {
	var c data.Contact
	err := row.Scan(&c.ID, &c.Name, &c.Role, &c.Organisation, &c.Address, &c.Email, &c.Phone, &c.Notes,
		dateField{&c.LastVerified}, &c.FundingReviewDays, nationsField{&c.Nations}, &c.RefusalPolicy, timeField{&c.CreatedAt}, timeField{&c.UpdatedAt}, &c.Version)
	return c, err
}

func contactArgs(c data.Contact) []any {
	return []any{c.ID, c.Name, string(c.Role), c.Organisation, c.Address, c.Email, c.Phone, c.Notes,
		c.LastVerified.String(), c.FundingReviewDays, joinNations(c.Nations), c.RefusalPolicy, formatTime(c.CreatedAt), formatTime(c.UpdatedAt), c.Version}
}

// SaveContact validates and saves a contact, giving a new one its id.
func (s *Store) SaveContact(ctx context.Context, c *data.Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	saved := *c
	s.stamp(&saved.ID, &saved.CreatedAt, &saved.UpdatedAt)
	var version int // set once saved: a retried save must send the version it read
	err := s.inTx(ctx, func(tx txn) (err error) {
		version, err = s.saveRecord(ctx, tx, "contacts", saved.ID, saveContactSQL[s.d],
			s.sealed("contacts", contactCols, contactArgs(saved)))
		return err
	})
	if err == nil {
		saved.Version = version
		*c = saved
	}
	return err
}

// Contact returns one contact.
func (s *Store) Contact(ctx context.Context, id string) (data.Contact, error) {
	return queryOne(ctx, s.db, opened(s, "contacts", contactCols, scanContact), selectContactSQL+" WHERE id = ?", id)
}

// Contacts returns every contact, by organisation and name.
func (s *Store) Contacts(ctx context.Context) ([]data.Contact, error) {
	list, err := queryList(ctx, s.db, opened(s, "contacts", contactCols, scanContact), selectContactSQL+
		" ORDER BY lower(organisation), lower(name), id")
	if err == nil && s.Protected() { // SQLite sorted the sealed names
		sortNoCase(list, func(c data.Contact) []string { return []string{c.Organisation, c.Name, c.ID} })
	}
	return list, err
}

// DeleteContact deletes a contact; requests and letters addressed to it keep
// their text but lose the link.
func (s *Store) DeleteContact(ctx context.Context, id string) error {
	return s.deleteByID(ctx, "contacts", id)
}
