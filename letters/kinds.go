// Package letters composes every letter of the second-opinion ladder from
// the records, lets the user edit it as plain text, and sets it as plain
// text or as an A4 PDF.
package letters

import "secondopinion/data"

// Kind is one kind of letter: what it is for and who usually receives it.
type Kind struct {
	ID          string
	Title       string
	Description string
	Recipient   data.ContactRole
}

var kinds = []Kind{
	{data.KindReviewTreatment, "Ask the doctor to review the treatment",
		"Asks the doctor to look again at a treatment or medication that is not working.", data.RoleClinician},
	{data.KindReviewDiagnosis, "Ask the doctor to review the diagnosis",
		"Asks the doctor to look again at a diagnosis, giving the full picture.", data.RoleClinician},
	{data.KindSecondOpinionTreatment, "Ask for a second opinion about the treatment",
		"Asks for a referral to another doctor for a second opinion on the treatment.", data.RoleClinician},
	{data.KindSecondOpinionDiagnosis, "Ask for a second opinion about the diagnosis",
		"Asks for a referral to another doctor for a second opinion on the diagnosis.", data.RoleClinician},
	{data.KindAskAgain, "Ask again after a refusal",
		"Asks for the reasons for a refusal in writing, and asks again.", data.RoleClinician},
	{data.KindPALS, "Ask the patient advice service for help",
		"Asks the health service's own advice service for help, and for the second-opinion policy: PALS in England, or the feedback, concerns or complaints team elsewhere.", data.RolePALS},
	{data.KindAdvocacy, "Ask an advocate for support",
		"Asks an independent advocacy service for free support with the request.", data.RoleAdvocacy},
	{data.KindComplaint, "Make a complaint",
		"A formal complaint to the provider (or, outside Northern Ireland, the body that commissions the care), within the time limit.", data.RoleComplaints},
	{data.KindIFRRequest, "Ask for a funding request for a specialist",
		"Asks the doctor who can apply (a GP or consultant; in Northern Ireland a hospital consultant) for funding for an out-of-area specialist opinion.", data.RoleGP},
	{data.KindIFRReconsideration, "Challenge a funding refusal",
		"Asks for a refused funding request to be reconsidered or reviewed.", data.RoleCommissioner},
	{data.KindAppeal, "Appeal to the medical director",
		"Appeals a refused second opinion to the medical director.", data.RoleMedicalDirector},
	{data.KindRecordsRequest, "Ask for copies of records",
		"A subject access request for copies of health records: free, answered within a month.", data.RoleRecords},
	{data.KindOmbudsman, "Take the complaint to the ombudsman",
		"Asks the ombudsman to look at a complaint that was not resolved locally.", data.RoleOmbudsman},
	{data.KindClinicianReferral, "Clinician's request to a colleague",
		"A clinician asks a colleague for a second opinion, with the history and the questions.", data.RoleClinician},
	{data.KindReceptionReceipt, "Receipt for a request made at the surgery",
		"Confirms a request made at the surgery: what was asked, what happens next, and where to get help.", data.RoleOther},
}

// Kinds lists every kind in the order of the ladder.
func Kinds() []Kind {
	out := make([]Kind, len(kinds))
	copy(out, kinds)
	return out
}

// KindByID finds a kind by its id.
func KindByID(id string) (Kind, bool) {
	for _, k := range kinds {
		if k.ID == id {
			return k, true
		}
	}
	return Kind{}, false
}
