package directory

import (
	"strings"
	"testing"

	"secondopinion/data"
	"secondopinion/data/store"
)

func TestEntries(t *testing.T) {
	es, err := Entries()
	if err != nil {
		t.Fatal(err)
	}
	ombudsmen := map[data.Nation]Entry{}
	advocacy := map[data.Nation]bool{}
	keys := map[string]bool{}
	for _, e := range es {
		c := e.Contact
		if keys[e.Key] {
			t.Errorf("key %q twice", e.Key)
		}
		keys[e.Key] = true
		if c.LastVerified != data.MustDate(2026, 11, 21) && c.LastVerified != data.MustDate(2026, 12, 2) {
			t.Errorf("%s: last verified %s", e.Key, c.LastVerified)
		}
		if !strings.HasSuffix(c.Notes, "\nCheck before use: details change.") {
			t.Errorf("%s: notes lack the warning: %q", e.Key, c.Notes)
		}
		if e.Website != "" && !strings.Contains(c.Notes, "Website: "+e.Website) {
			t.Errorf("%s: website not in the notes", e.Key)
		}
		if len(e.Nations) == 0 {
			t.Errorf("%s: serves no nation", e.Key)
		}
		for _, n := range e.Nations {
			if data.FactsFor(n).Nation != n {
				t.Errorf("%s: unknown nation %q", e.Key, n)
			}
			switch c.Role {
			case data.RoleOmbudsman:
				ombudsmen[n] = e
			case data.RoleAdvocacy:
				advocacy[n] = true
			}
		}
	}
	for _, n := range data.Nations {
		o, ok := ombudsmen[n]
		f := data.FactsFor(n)
		if !ok || o.Contact.Organisation != f.Ombudsman || o.Website != f.OmbudsmanWebsite {
			t.Errorf("%s: ombudsman %+v does not match the nation's facts (%s, %s)", n, o, f.Ombudsman, f.OmbudsmanWebsite)
		}
		if !advocacy[n] {
			t.Errorf("%s: no advocacy body", n)
		}
	}
	for _, k := range []string{"cqc-soad", "slam-psychosis", "slam-affective", "manchester-affective", "newcastle-affective"} {
		if !keys[k] {
			t.Errorf("missing %s", k)
		}
	}
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestSeedIfEmptyOnce(t *testing.T) {
	st := openStore(t)
	ctx := t.Context()
	seed, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	n, err := SeedIfEmpty(ctx, st)
	if err != nil || n != len(seed) {
		t.Fatalf("first seed added %d, %v; want %d", n, err, len(seed))
	}
	cs, _ := st.Contacts(ctx)
	if len(cs) != len(seed) {
		t.Fatalf("%d contacts after seeding", len(cs))
	}
	if n, err := SeedIfEmpty(ctx, st); err != nil || n != 0 {
		t.Fatalf("second seed added %d, %v", n, err)
	}
	// A body the user deleted stays deleted.
	if err := st.DeleteContact(ctx, cs[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := SeedIfEmpty(ctx, st); n != 0 {
		t.Errorf("seeding again after a delete added %d", n)
	}
	if v, _ := st.Setting(ctx, SettingSeeded); v != "2026-12-02" {
		t.Errorf("setting %q", v)
	}
	back, _ := st.Contacts(ctx)
	for _, c := range back {
		if c.LastVerified.IsZero() || c.ID == "" {
			t.Errorf("saved without its date or id: %+v", c)
		}
	}
}

// A folder that already holds some of the bodies (as the demo's does)
// gets only the rest.
func TestSeedSkipsBodiesAlreadyThere(t *testing.T) {
	st := openStore(t)
	ctx := t.Context()
	seed, _ := Seed()
	for _, c := range seed[:2] {
		if err := st.SaveContact(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := st.Contacts(ctx)
	n, err := SeedIfEmpty(ctx, st)
	if err != nil || n != len(seed)-2 {
		t.Fatalf("added %d, %v; want %d", n, err, len(seed)-2)
	}
	after, _ := st.Contacts(ctx)
	if len(after) != len(before)+n {
		t.Errorf("%d contacts, want %d", len(after), len(before)+n)
	}
	orgs := map[string]int{}
	for _, c := range after {
		orgs[c.Organisation]++
	}
	for _, c := range seed {
		if orgs[c.Organisation] != 1 {
			t.Errorf("%q is there %d times", c.Organisation, orgs[c.Organisation])
		}
	}
}

// A folder seeded from the first data (21 November 2026) gains the bodies
// shipped since, and its bodies gain their nations and missing details,
// without losing what the user changed or getting back what they deleted.
func TestRefreshFromOlderData(t *testing.T) {
	st := openStore(t)
	ctx := t.Context()
	psow := data.Contact{Role: data.RoleOmbudsman, Organisation: "Public Services Ombudsman for Wales", Phone: "01656 000000"}
	nipso := data.Contact{Role: data.RoleOmbudsman, Organisation: "Northern Ireland Public Services Ombudsman"}
	for _, c := range []*data.Contact{&psow, &nipso} {
		if err := st.SaveContact(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	// PASS was seeded then and deleted by the user.
	if err := st.SetSetting(ctx, SettingSeeded, "2026-11-21"); err != nil {
		t.Fatal(err)
	}
	added, err := SeedIfEmpty(ctx, st)
	if err != nil || added == 0 {
		t.Fatalf("refresh added %d, %v", added, err)
	}
	got := map[string]data.Contact{}
	all, _ := st.Contacts(ctx)
	for _, c := range all {
		got[c.Organisation] = c
	}
	if _, ok := got["Information Commissioner's Office"]; !ok {
		t.Errorf("the ICO, shipped since, was not added")
	}
	if _, ok := got["Patient Advice and Support Service (PASS)"]; ok {
		t.Errorf("a body from the first data came back after being deleted")
	}
	w := got[psow.Organisation]
	if w.Phone != "01656 000000" || !strings.Contains(w.Address, "Pencoed") || !w.ServesOnly(data.Wales) || w.Serves(data.England) {
		t.Errorf("PSOW after refresh: %+v", w)
	}
	if n := got[nipso.Organisation]; !n.ServesOnly(data.NorthernIreland) || !strings.Contains(n.Address, "BT1 6HN") {
		t.Errorf("NIPSO after refresh: %+v", n)
	}
	if v, _ := st.Setting(ctx, SettingSeeded); v != "2026-12-02" {
		t.Errorf("setting %q after refresh", v)
	}
	if again, _ := SeedIfEmpty(ctx, st); again != 0 {
		t.Errorf("a second refresh added %d", again)
	}
}
