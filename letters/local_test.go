package letters

import (
	"testing"

	"secondopinion/data"
	"secondopinion/data/directory"
)

// The local bodies the Directory asks for, once, reach the letters meant
// for them: a person's complaint, PALS and records letters go to the teams
// of the organisation caring for them, and a funding challenge to their
// commissioner, in every nation, even with every other nation's local
// bodies in the same directory.
func TestLocalBodiesReceiveTheirLetters(t *testing.T) {
	orgs := map[data.Nation]string{
		data.England:         "Example Hospitals NHS Trust",
		data.Wales:           "Example University Health Board",
		data.Scotland:        "NHS Example",
		data.NorthernIreland: "Example Health and Social Care Trust",
	}
	var contacts []data.Contact
	for _, n := range data.Nations {
		for i, body := range directory.LocalBodies(n) {
			if len(body.Teams) == 0 || body.Kind == "" || body.Help == "" {
				t.Fatalf("%s: an empty local body %+v", n, body)
			}
			org := orgs[n]
			if i == 0 && n == data.England {
				org = "Example Integrated Care Board"
			}
			var entries []directory.LocalEntry
			for _, team := range body.Teams {
				if team.Usual {
					entries = append(entries, directory.LocalEntry{Team: team, Name: team.Name})
				}
			}
			for j, c := range directory.LocalContacts(n, org, "1 Example Road", entries) {
				c.ID = string(n) + "-" + body.Kind + "-" + string(rune('a'+j))
				contacts = append(contacts, c)
			}
		}
		contacts = append(contacts, data.Contact{ID: string(n) + "-doctor", Role: data.RoleClinician, Name: "Dr Example",
			Organisation: orgs[n], Nations: []data.Nation{n}})
	}
	byID := map[string]data.Contact{}
	for _, c := range contacts {
		byID[c.ID] = c
	}
	for _, n := range data.Nations {
		req := data.Request{RecipientID: string(n) + "-doctor"}
		want := map[string]data.ContactRole{
			data.KindComplaint:      data.RoleComplaints,
			data.KindRecordsRequest: data.RoleRecords,
		}
		if n == data.England {
			want[data.KindPALS] = data.RolePALS
		} else {
			want[data.KindPALS] = data.RoleComplaints // no PALS ticked: the concerns or complaints team
		}
		if n != data.NorthernIreland {
			want[data.KindIFRReconsideration] = data.RoleCommissioner
		}
		for kind, role := range want {
			got := byID[RecipientFor(kind, req, n, contacts)]
			if got.Role != role || !got.ServesOnly(n) {
				t.Errorf("%s in %s goes to %q (%s, %v), want the local %s", kind, n, got.DisplayName(), got.Role, got.Nations, role)
			}
		}
	}
	if got := directory.LocalContacts(data.Wales, "  ", "", []directory.LocalEntry{{Team: directory.LocalTeam{Role: data.RoleComplaints}}}); got != nil {
		t.Errorf("an organisation with no name gave contacts: %v", got)
	}
}
