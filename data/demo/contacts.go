package demo

import (
	"secondopinion/data"
	"secondopinion/data/directory"
)

// localContacts are invented clinicians and services, a set per nation, so
// that each letter has someone plausible to go to.
func localContacts(n data.Nation) []data.Contact {
	f := data.FactsFor(n)
	town := places[n][0].town
	addr := func(lines ...string) string {
		s := ""
		for i, l := range lines {
			if i > 0 {
				s += "\n"
			}
			s += l
		}
		return s
	}
	return []data.Contact{
		{Name: "Dr " + consultant[n], Role: data.RoleClinician, Organisation: "Community Mental Health Team",
			Address: addr("Riverside Clinic", "1 Hospital Way", town), Email: "cmht@example.org", Phone: "01632 960101"},
		{Name: "Dr " + gp[n], Role: data.RoleGP, Organisation: "Meadowbank Surgery",
			Address: addr("12 Green Lane", town), Phone: "01632 960202"},
		{Name: "", Role: data.RolePALS, Organisation: "Patient Advice and Liaison Service",
			Address: addr("Main Reception", "General Hospital", town), Email: "pals@example.org", Phone: "01632 960303"},
		{Name: "Complaints Manager", Role: data.RoleComplaints, Organisation: f.Commissioner + " (example)",
			Address: addr("Headquarters", "Civic Way", town), Email: "complaints@example.org", FundingReviewDays: fundingDays[n]},
		{Name: "Dr Helen Marsh", Role: data.RoleMedicalDirector, Organisation: "Medical Director's Office",
			Address: addr("General Hospital", town)},
		{Name: "Data Protection Officer", Role: data.RoleRecords, Organisation: "Health Records Department",
			Address: addr("General Hospital", town), Email: "records@example.org"},
	}
}

var consultant = map[data.Nation]string{
	data.England: "Priya Raman", data.Wales: "Aled Rees", data.Scotland: "Fiona Baird", data.NorthernIreland: "Conor Magee",
}

var gp = map[data.Nation]string{
	data.England: "Samuel Okoye", data.Wales: "Bethan Evans", data.Scotland: "Alasdair Munro", data.NorthernIreland: "Maeve Byrne",
}

// fundingDays: some commissioners' review limits are known, some are not.
var fundingDays = map[data.Nation]int{data.England: 28, data.Scotland: 0, data.Wales: 0, data.NorthernIreland: 0}

// nationalBodies are the national bodies shipped with the program, as the
// directory seeds them into a user's own folder.
func nationalBodies() []data.Contact {
	bodies, err := directory.Seed()
	if err != nil {
		panic(err) // the shipped data is checked by its own tests
	}
	return bodies
}
