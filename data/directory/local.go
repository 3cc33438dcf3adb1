package directory

import (
	"strings"

	"secondopinion/data"
)

// LocalBody is one kind of local NHS organisation a user of a nation is
// likely to write to, with the teams inside it that letters go to. The
// program cannot ship these (there are dozens in each nation and they
// merge and rename), so the Directory asks for their names once and adds
// a contact for each team, marked as serving that nation.
type LocalBody struct {
	Kind  string // "Your integrated care board (ICB)"
	Help  string // what it does, and where to find its name
	Teams []LocalTeam
}

// LocalTeam is a team inside a local body that a letter kind goes to. Name
// is the usual name of such a team, for the user to correct; an empty name
// writes to the organisation itself. Usual says whether to add it unless
// the user unticks it.
type LocalTeam struct {
	Role  data.ContactRole
	Name  string
	Usual bool
}

// Every public body must have a data protection officer (UK GDPR Article
// 37(1)(a)), so a subject access request addressed to that officer always
// reaches the right desk, whatever the records team is called locally.
const dpo = "Data Protection Officer"

// The bodies and team names follow each nation's structure as described
// with the NationFacts (data/nations.go), checked 2026-12-02: ICBs and
// trusts in England; health boards, which both run hospitals and commission,
// in Wales ("concerns" under Putting Things Right) and Scotland ("feedback
// and complaints"); health and social care trusts in Northern Ireland, where
// the SPPG, shipped in the national directory, commissions.
var localBodies = map[data.Nation][]LocalBody{
	data.England: {
		{Kind: "Your integrated care board (ICB)",
			Help:  "It plans and pays for NHS care in your area, decides individual funding requests (IFRs), and takes complaints about any NHS service there. The NHS website shows the ICB for any postcode.",
			Teams: []LocalTeam{{Role: data.RoleCommissioner, Usual: true}}},
		{Kind: "Your hospital trust",
			Help: "The NHS trust that runs the hospital or service giving the care. Its website lists its PALS and complaints teams.",
			Teams: []LocalTeam{{Role: data.RolePALS, Name: "PALS", Usual: true},
				{Role: data.RoleComplaints, Name: "Complaints team", Usual: true},
				{Role: data.RoleRecords, Name: dpo, Usual: true}}},
	},
	data.Wales: {
		{Kind: "Your health board",
			Help: "In Wales the local health board runs the hospitals and pays for care, and decides individual patient funding requests (IPFRs). Concerns and complaints go to its concerns team under Putting Things Right.",
			Teams: []LocalTeam{{Role: data.RoleCommissioner, Usual: true},
				{Role: data.RoleComplaints, Name: "Concerns team", Usual: true},
				{Role: data.RolePALS, Name: "Patient Advice and Liaison Service", Usual: false},
				{Role: data.RoleRecords, Name: dpo, Usual: true}}},
	},
	data.Scotland: {
		{Kind: "Your NHS board",
			Help: "In Scotland the NHS board runs the hospitals and pays for care, and approves referrals outside its area. Complaints go to its feedback and complaints team.",
			Teams: []LocalTeam{{Role: data.RoleCommissioner, Usual: true},
				{Role: data.RoleComplaints, Name: "Feedback and complaints team", Usual: true},
				{Role: data.RoleRecords, Name: dpo, Usual: true}}},
	},
	data.NorthernIreland: {
		{Kind: "Your health and social care trust",
			Help: "The trust runs hospital and community care. Commissioning, and referrals outside Northern Ireland, sit with the Department of Health's Strategic Planning and Performance Group (SPPG); a hospital consultant asks it for such a referral. Complaints go to the trust, or to the GP practice, that gave the care.",
			Teams: []LocalTeam{{Role: data.RoleComplaints, Name: "Complaints team", Usual: true},
				{Role: data.RoleRecords, Name: dpo, Usual: true}}},
	},
}

// LocalBodies lists the local organisations to ask a user of nation n for.
func LocalBodies(n data.Nation) []LocalBody {
	return localBodies[n]
}

// LocalEntry is what the user gave for one team of a local body.
type LocalEntry struct {
	Team  LocalTeam
	Name  string // the team's name as the user left it
	Email string
	Phone string
}

// LocalContacts turns what the user gave for one local body into
// directory contacts: one for each team chosen, all at the organisation's
// name and address and serving the nation. An organisation with no name
// gives nothing.
func LocalContacts(n data.Nation, organisation, address string, entries []LocalEntry) []data.Contact {
	organisation = strings.TrimSpace(organisation)
	if organisation == "" {
		return nil
	}
	out := make([]data.Contact, 0, len(entries))
	for _, e := range entries {
		out = append(out, data.Contact{
			Role:         e.Team.Role,
			Name:         strings.TrimSpace(e.Name),
			Organisation: organisation,
			Address:      strings.TrimSpace(address),
			Email:        strings.TrimSpace(e.Email),
			Phone:        strings.TrimSpace(e.Phone),
			Nations:      []data.Nation{n},
		})
	}
	return out
}
