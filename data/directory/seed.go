// Package directory turns the national bodies shipped with the program into
// contacts, and adds them to a data folder once.
package directory

import (
	"context"
	"fmt"
	"strings"

	shipped "secondopinion/assets/directory"
	"secondopinion/data"
	"secondopinion/data/store"
)

// SettingSeeded records that the national bodies were added, and from
// which version of the data, so that a contact the user deleted does not
// come back.
const SettingSeeded = "directory-seeded"

// Entry is one national body as the UI lists it: the contact to save,
// with the nations it serves and its website kept apart for filtering and
// links.
type Entry struct {
	Key     string
	Nations []data.Nation
	Website string
	Contact data.Contact
}

// Entries returns the national bodies, each checked as a contact would be.
func Entries() ([]Entry, error) {
	f, err := shipped.Load()
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(f.Bodies))
	for _, b := range f.Bodies {
		verified, err := data.ParseDate(firstNonEmpty(b.LastVerified, f.LastVerified))
		if err != nil || verified.IsZero() {
			return nil, fmt.Errorf("national directory data: %s has no last-verified date", b.Key)
		}
		c := data.Contact{
			Role: data.ContactRole(b.Role), Organisation: b.Organisation, Address: b.Address,
			Phone: b.Phone, Email: b.Email, Notes: notes(b, f.Check), LastVerified: verified,
		}
		for _, n := range b.Nations {
			c.Nations = append(c.Nations, data.Nation(n))
		}
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("national directory data: %s: %w", b.Key, err)
		}
		out = append(out, Entry{Key: b.Key, Nations: c.Nations, Website: b.Website, Contact: c})
	}
	return out, nil
}

// Seed returns the national bodies as contacts without ids, ready to save.
func Seed() ([]data.Contact, error) {
	es, err := Entries()
	if err != nil {
		return nil, err
	}
	cs := make([]data.Contact, len(es))
	for i, e := range es {
		cs[i] = e.Contact
	}
	return cs, nil
}

// notes are what the contact's notes say: what the body is for, where it
// applies, its website, and the warning to check.
func notes(b shipped.Body, check string) string {
	var lines []string
	lines = append(lines, b.About)
	if len(b.Nations) > 0 {
		var names []string
		for _, n := range b.Nations {
			names = append(names, data.Nation(n).Label())
		}
		lines = append(lines, "For: "+strings.Join(names, ", ")+".")
	}
	if b.Website != "" {
		lines = append(lines, "Website: "+b.Website)
	}
	if b.Confirm != "" {
		lines = append(lines, "To confirm: "+b.Confirm)
	}
	return strings.Join(append(lines, check), "\n")
}

// SeedIfEmpty adds the national bodies to the directory the first time it
// is called for a data folder, and reports how many it added. Later calls
// add nothing, and a body already in the directory under the same
// organisation name is not added twice. A folder seeded from older data
// is brought up to date by Refresh.
func SeedIfEmpty(ctx context.Context, st *store.Store) (int, error) {
	if !st.Member().Can(store.ChangeDirectory) {
		return 0, nil // on a team's server the directory is a manager's to fill and bring up to date
	}
	done, err := st.Setting(ctx, SettingSeeded)
	if err != nil {
		return 0, err
	}
	if done != "" {
		return Refresh(ctx, st, done)
	}
	return seedBodies(ctx, st, func(shipped.Body) bool { return true })
}

// Refresh brings a folder seeded from the data of date since up to date:
// it adds the bodies shipped after that date, and gives the bodies already
// there the nations they serve and any address, phone or email that was
// missing. It never overwrites a detail the user has filled in, and never
// brings back a body the user deleted. It reports how many it added.
func Refresh(ctx context.Context, st *store.Store, since string) (int, error) {
	f, err := shipped.Load()
	if err != nil || f.LastVerified <= since {
		return 0, err
	}
	es, err := Entries()
	if err != nil {
		return 0, err
	}
	have, err := st.Contacts(ctx)
	if err != nil {
		return 0, err
	}
	byOrg := make(map[string]data.Contact, len(have))
	for _, c := range have {
		byOrg[orgKey(c.Organisation)] = c
	}
	b := &store.Batch{}
	for _, e := range es {
		c, ok := byOrg[orgKey(e.Contact.Organisation)]
		if !ok || !fillIn(&c, e.Contact) {
			continue
		}
		b.Contacts = append(b.Contacts, c)
	}
	if len(b.Contacts) > 0 {
		if err := st.SaveBatch(ctx, b); err != nil {
			return 0, err
		}
	}
	return seedBodies(ctx, st, func(body shipped.Body) bool { return body.Added > since })
}

// fillIn gives c what the shipped entry knows and c lacks; it reports
// whether anything changed.
func fillIn(c *data.Contact, from data.Contact) bool {
	changed := false
	set := func(field *string, value string) {
		if *field == "" && value != "" {
			*field, changed = value, true
		}
	}
	set(&c.Address, from.Address)
	set(&c.Phone, from.Phone)
	set(&c.Email, from.Email)
	if len(c.Nations) == 0 && len(from.Nations) > 0 {
		c.Nations, changed = from.Nations, true
	}
	return changed
}

// seedBodies adds the shipped bodies that want says to add and that are
// not already in the directory by name, then records the data's date.
func seedBodies(ctx context.Context, st *store.Store, want func(shipped.Body) bool) (int, error) {
	f, err := shipped.Load()
	if err != nil {
		return 0, err
	}
	es, err := Entries()
	if err != nil {
		return 0, err
	}
	have, err := st.Contacts(ctx)
	if err != nil {
		return 0, err
	}
	known := make(map[string]bool, len(have))
	for _, c := range have {
		known[orgKey(c.Organisation)] = true
	}
	b := &store.Batch{}
	for i, e := range es {
		if want(f.Bodies[i]) && !known[orgKey(e.Contact.Organisation)] {
			b.Contacts = append(b.Contacts, e.Contact)
		}
	}
	if len(b.Contacts) > 0 {
		if err := st.SaveBatch(ctx, b); err != nil {
			return 0, err
		}
	}
	// Set last: if this fails, the next call finds the bodies by name.
	return len(b.Contacts), st.SetSetting(ctx, SettingSeeded, f.LastVerified)
}

func orgKey(org string) string { return strings.ToLower(strings.TrimSpace(org)) }

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
