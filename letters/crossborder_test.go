package letters

import (
	"testing"

	"secondopinion/data"
	"secondopinion/data/directory"
)

// A directory an advocate near two borders might hold: every national
// body shipped with the program, and for each nation its own GP, hospital
// consultant, PALS, complaints team, medical director, records team and
// commissioner. No letter, of any kind, for a person of any nation, may be
// addressed to a body that serves only another nation.
func TestNoLetterIsAddressedAcrossABorder(t *testing.T) {
	es, err := directory.Entries()
	if err != nil {
		t.Fatal(err)
	}
	var contacts []data.Contact
	for _, e := range es {
		c := e.Contact
		c.ID = "national-" + e.Key
		contacts = append(contacts, c)
	}
	local := map[data.Nation]string{
		data.England:         "Leicester",
		data.Wales:           "Cardiff and Vale",
		data.Scotland:        "Lothian",
		data.NorthernIreland: "Belfast",
	}
	roles := []data.ContactRole{data.RoleGP, data.RoleClinician, data.RolePALS, data.RoleComplaints,
		data.RoleMedicalDirector, data.RoleRecords, data.RoleCommissioner, data.RoleAdvocacy}
	for _, n := range data.Nations {
		for _, r := range roles {
			org := local[n] + " hospital"
			switch r {
			case data.RoleGP:
				org = local[n] + " surgery"
			case data.RoleCommissioner:
				org = local[n] + " commissioner"
			case data.RoleAdvocacy:
				org = local[n] + " advocacy"
			}
			contacts = append(contacts, data.Contact{ID: string(n) + "-" + string(r), Role: r, Organisation: org,
				Nations: []data.Nation{n}, RefusalPolicy: r == data.RoleMedicalDirector})
		}
	}
	byID := map[string]data.Contact{}
	for _, c := range contacts {
		byID[c.ID] = c
	}
	for _, n := range data.Nations {
		for _, own := range []data.ContactRole{data.RoleClinician, data.RoleGP} {
			req := data.Request{ID: "r", RecipientID: string(n) + "-" + string(own)}
			for _, kind := range data.LetterKinds {
				got := ChooseRecipient(kind, req, n, contacts)
				if got.ID == "" {
					if got.Note == "" {
						t.Errorf("%s in %s: nobody chosen and nothing said", kind, n)
					}
					continue
				}
				c := byID[got.ID]
				if !c.ServesOnly(n) {
					t.Errorf("%s for a person in %s (own %s) goes to %s, which serves %v", kind, n, own, c.DisplayName(), c.Nations)
				}
			}
		}
		// The nation's own ombudsman and advocacy body are found.
		f := data.FactsFor(n)
		if got := byID[RecipientFor(data.KindOmbudsman, data.Request{}, n, contacts)]; got.Organisation != f.Ombudsman {
			t.Errorf("ombudsman in %s: %q, want %q", n, got.Organisation, f.Ombudsman)
		}
		if got := RecipientFor(data.KindAdvocacy, data.Request{}, n, contacts); got == "" || !byID[got].ServesOnly(n) {
			t.Errorf("advocacy in %s: %q", n, got)
		}
	}
}

// Each letter kind that goes to the provider goes to the provider of the
// request, not to the first body listed with the role.
func TestProviderLettersGoToTheRequestsProvider(t *testing.T) {
	dr := data.Contact{ID: "dr", Role: data.RoleClinician, Organisation: "Royal Gwent Hospital", Nations: []data.Nation{data.Wales}}
	first := data.Contact{ID: "first", Role: data.RolePALS, Organisation: "Morriston Hospital", Nations: []data.Nation{data.Wales}}
	own := data.Contact{ID: "own", Role: data.RolePALS, Organisation: "Royal Gwent Hospital", Nations: []data.Nation{data.Wales}}
	firstMD := data.Contact{ID: "md1", Role: data.RoleMedicalDirector, Organisation: "Morriston Hospital"}
	ownMD := data.Contact{ID: "md2", Role: data.RoleMedicalDirector, Organisation: "Royal Gwent Hospital"}
	contacts := []data.Contact{first, firstMD, dr, own, ownMD}
	req := data.Request{RecipientID: "dr"}
	if got := RecipientFor(data.KindPALS, req, data.Wales, contacts); got != "own" {
		t.Errorf("PALS letter to %q, want the hospital's own", got)
	}
	if got := RecipientFor(data.KindAppeal, req, data.Wales, contacts); got != "md2" {
		t.Errorf("appeal to %q, want the hospital's own medical director", got)
	}
	// The PALS letter never goes to the refusing doctor.
	if got := RecipientFor(data.KindPALS, req, data.Wales, []data.Contact{dr}); got == "dr" {
		t.Errorf("the PALS letter went to the doctor")
	}
}
