package data

import "strings"

// NationFacts are the bodies and names that differ between the four
// nations: who commissions care, who handles complaints, the ombudsman,
// and the name of the funding request. Deadlines live with the rules in
// data/process, each beside its source.
type NationFacts struct {
	Nation Nation

	// Commissioner is the body that plans and pays for care, and decides
	// on funding care outside the usual services.
	Commissioner      string // "Integrated Care Board"
	CommissionerShort string // "ICB"

	// Service is the public health service the person uses: the NHS, or
	// in Northern Ireland Health and Social Care, which is not the NHS.
	Service string

	// ComplaintsProcess is what the complaints procedure is called, and
	// ComplainTo whom a formal complaint can go to: in Northern Ireland
	// only the body that gave the care, never the SPPG.
	ComplaintsProcess string
	ComplainTo        string

	// PatientNumber is what the nation calls the 10-digit number on a
	// person's health record: Scotland's is the CHI number, Northern
	// Ireland's the Health and Care Number.
	PatientNumber string

	// FundingRequest is the request to fund an opinion outside the usual
	// services, FundingRequestShort its abbreviation, FundingMadeBy who can
	// make it (never the patient), and FundingTest what the decision rests on.
	FundingRequest      string
	FundingRequestShort string
	FundingMadeBy       string
	FundingTest         string
	// RightToChoose is England's legal right to choose the provider of a
	// first outpatient appointment on a GP referral: it can reach another
	// team with no funding request at all.
	RightToChoose bool
	// FundingChallenge is true where the funding body's policy is known to
	// offer a reconsideration (new clinical information) and a review (of
	// the process): England's ICBs and Wales's health boards. Elsewhere no
	// such process was found published (checked 2026-12-04), so letters
	// ask how a decision can be challenged rather than name one.
	FundingChallenge bool
	// OutsideArea is where a funded specialist is: outside the local
	// area, or for Northern Ireland's extra-contractual referrals, outside
	// Northern Ireland.
	OutsideArea string

	// Ombudsman is the final, independent stage of a complaint.
	Ombudsman        string
	OmbudsmanShort   string
	OmbudsmanWebsite string

	// Advice is the informal help inside the health service (PALS or its
	// equivalent); Advocacy the free, independent help with complaints.
	Advice   string
	Advocacy string

	// Signposts for what this program does not handle: help in a crisis,
	// an urgent review for someone in hospital who is getting worse, and
	// second opinions under mental health law, which have their own process.
	CrisisHelp      string
	UrgentReview    string
	MentalHealthAct string

	// JudicialReview is the court's time limit to challenge a public
	// body's decision, as the nation's rules word it.
	JudicialReview string

	// Complaint deadlines: the time limit to complain, and the working days
	// to acknowledge and to answer (0 where none is set). Where the
	// procedure has two stages (Scotland, and Northern Ireland since
	// January 2026), Stage1WorkingDays is the frontline answer, the others
	// belong to stage 2, and stage 2 must be asked for within
	// Stage2AfterMonths or Stage2AfterDays of the stage 1 answer (Scotland
	// also allows up to ComplaintLimitMonths from the event, if later).
	// data/process turns these into due dates and keeps the source of each.
	ComplaintLimitMonths   int
	AckWorkingDays         int
	Stage1WorkingDays      int
	Stage2AfterMonths      int
	Stage2AfterDays        int
	ResponseWorkingDays    int
	OmbudsmanLimitMonths   int
	OmbudsmanFromProcedure bool // NI: counted from the end of the complaints procedure
}

// Staged reports whether complaints have a frontline stage 1 before the
// investigation at stage 2.
func (f NationFacts) Staged() bool { return f.Stage1WorkingDays > 0 }

// Samaritans answer in every nation, free, at any hour (samaritans.org,
// checked 2026-12-02).
const samaritans = " Samaritans are there to listen at any hour on 116 123, free."

// The facts were checked on 2026-12-02 against the sources named with the
// rules in data/process (rules.go); the crisis lines against NHS 111,
// NHS 111 Wales, NHS 24, Lifeline (lifelinehelpline.info) and Samaritans.
// NHS 111 Wales "press 2" was checked again on 2026-12-04: free, at any
// hour, across Wales since December 2022 (Welsh Government, October 2025).
var nationFacts = map[Nation]NationFacts{
	England: {
		Nation:                 England,
		Service:                "the NHS",
		Commissioner:           "Integrated Care Board",
		CommissionerShort:      "ICB",
		ComplaintsProcess:      "the NHS complaints procedure",
		ComplainTo:             "the provider (the trust or GP practice) or to the ICB",
		PatientNumber:          "NHS number",
		FundingRequest:         "individual funding request",
		FundingRequestShort:    "IFR",
		FundingMadeBy:          "GP or consultant",
		FundingTest:            "that the case is clinically exceptional",
		RightToChoose:          true,
		FundingChallenge:       true,
		OutsideArea:            "outside the local area",
		Ombudsman:              "Parliamentary and Health Service Ombudsman",
		OmbudsmanShort:         "PHSO",
		OmbudsmanWebsite:       "www.ombudsman.org.uk",
		Advice:                 "the Patient Advice and Liaison Service (PALS)",
		Advocacy:               "NHS complaints advocacy, which your local council must provide free of charge",
		CrisisHelp:             "Feeling very unwell, or worried about someone? Call NHS 111, or 999 in an emergency." + samaritans,
		UrgentReview:           "In hospital and getting worse? Under Martha's Rule, a patient or their family can ask for an urgent review by a different team, at any time of day. Ask the ward staff how.",
		MentalHealthAct:        "Detained or treated under the Mental Health Act? Second opinions on treatment then come from a Second Opinion Appointed Doctor (SOAD), arranged by the Care Quality Commission (CQC). An Independent Mental Health Advocate (IMHA) can help, and the Mental Health Tribunal decides on detention.",
		JudicialReview:         "promptly, and in any event within 3 months of the decision",
		ComplaintLimitMonths:   12,
		AckWorkingDays:         3,
		ResponseWorkingDays:    0,
		OmbudsmanLimitMonths:   12,
		OmbudsmanFromProcedure: false,
	},
	Wales: {
		Nation:                 Wales,
		Service:                "the NHS",
		Commissioner:           "local health board",
		CommissionerShort:      "health board",
		ComplaintsProcess:      "Putting Things Right, the NHS Wales complaints procedure",
		ComplainTo:             "the health board, NHS trust or GP practice concerned",
		PatientNumber:          "NHS number",
		FundingRequest:         "individual patient funding request",
		FundingRequestShort:    "IPFR",
		FundingMadeBy:          "GP or consultant",
		FundingTest:            "that the referral would bring significant clinical benefit and be reasonable value for money",
		FundingChallenge:       true,
		OutsideArea:            "outside the local area",
		Ombudsman:              "Public Services Ombudsman for Wales",
		OmbudsmanShort:         "PSOW",
		OmbudsmanWebsite:       "www.ombudsman.wales",
		Advice:                 "the health board's concerns team or Patient Advice and Liaison Service",
		Advocacy:               "Llais, the independent body that gives free help with NHS complaints in Wales",
		CrisisHelp:             "Feeling very unwell, or worried about someone? Call NHS 111 Wales (press 2 for urgent mental health help), or 999 in an emergency." + samaritans,
		UrgentReview:           "In hospital and getting worse? You, or your family, can ask the ward staff for an urgent review by a senior doctor.",
		MentalHealthAct:        "Detained or treated under the Mental Health Act? Second opinions on treatment then come from a Second Opinion Appointed Doctor, arranged by Healthcare Inspectorate Wales. An Independent Mental Health Advocate can help, and the Mental Health Review Tribunal for Wales decides on detention.",
		JudicialReview:         "promptly, and in any event within 3 months of the decision",
		ComplaintLimitMonths:   12,
		AckWorkingDays:         2,
		ResponseWorkingDays:    30,
		OmbudsmanLimitMonths:   12,
		OmbudsmanFromProcedure: false,
	},
	Scotland: {
		Nation:            Scotland,
		Service:           "the NHS",
		Commissioner:      "NHS board",
		CommissionerShort: "NHS board",
		ComplaintsProcess: "the NHS Scotland complaints handling procedure",
		ComplainTo:        "the NHS board or GP practice concerned",
		PatientNumber:     "CHI number",
		// PACS Tier 2 is only for medicines the SMC has not accepted; an
		// opinion outside the board's area needs the board's own prior
		// approval, under a name that varies by board.
		FundingRequest:         "request for funding approval of an out-of-area referral",
		FundingRequestShort:    "out-of-area referral",
		FundingMadeBy:          "GP or consultant",
		FundingTest:            "the clinical reasons for the referral, and why the NHS board's own services cannot meet the need",
		OutsideArea:            "outside the NHS board's area",
		Ombudsman:              "Scottish Public Services Ombudsman",
		OmbudsmanShort:         "SPSO",
		OmbudsmanWebsite:       "www.spso.org.uk",
		Advice:                 "the NHS board's feedback and complaints team",
		Advocacy:               "the Patient Advice and Support Service (PASS), which is free and independent",
		CrisisHelp:             "Feeling very unwell, or worried about someone? Call NHS 24 on 111, or 999 in an emergency." + samaritans,
		UrgentReview:           "In hospital and getting worse? You, or your family, can ask the ward staff for an urgent review by a senior doctor.",
		MentalHealthAct:        "Treated under the Mental Health (Care and Treatment) (Scotland) Act? Second opinions on treatment then come from a designated medical practitioner appointed by the Mental Welfare Commission. You have a right to independent advocacy, and the Mental Health Tribunal for Scotland decides on compulsory treatment.",
		JudicialReview:         "within 3 months of the decision",
		ComplaintLimitMonths:   6,
		AckWorkingDays:         3,
		Stage1WorkingDays:      5,
		Stage2AfterMonths:      2,
		ResponseWorkingDays:    20,
		OmbudsmanLimitMonths:   12,
		OmbudsmanFromProcedure: false,
	},
	NorthernIreland: {
		Nation:  NorthernIreland,
		Service: "Health and Social Care (HSC)",
		// Trusts provide care; the Department of Health's SPPG commissions
		// it and approves referrals outside Northern Ireland.
		Commissioner:        "Strategic Planning and Performance Group of the Department of Health",
		CommissionerShort:   "SPPG",
		ComplaintsProcess:   "the Health and Social Care complaints handling procedure",
		ComplainTo:          "the trust or GP practice that gave the care",
		PatientNumber:       "Health and Care Number",
		FundingRequest:      "extra-contractual referral",
		FundingRequestShort: "ECR",
		FundingMadeBy:       "hospital consultant",
		FundingTest:         "that the assessment is clinically needed and is not available from health and social care services in Northern Ireland",
		OutsideArea:         "outside Northern Ireland",
		Ombudsman:           "Northern Ireland Public Services Ombudsman",
		OmbudsmanShort:      "NIPSO",
		OmbudsmanWebsite:    "www.nipso.org.uk",
		Advice:              "the trust's complaints or service user experience team",
		Advocacy:            "the Patient and Client Council, which gives free, independent help with complaints",
		CrisisHelp:          "Feeling very unwell, or worried about someone? Call your GP or the GP out-of-hours service, Lifeline on 0808 808 8000 (free, at any hour), or 999 in an emergency." + samaritans,
		UrgentReview:        "In hospital and getting worse? You, or your family, can ask the ward staff for an urgent review by a senior doctor.",
		MentalHealthAct:     "Detained or treated under mental health law in Northern Ireland? Second opinions on treatment then come from a doctor appointed by the Regulation and Quality Improvement Authority (RQIA), and the Review Tribunal decides on detention.",
		JudicialReview:      "promptly, and in any event within 3 months of the decision",
		// NIPSO's Model Complaints Handling Procedure, for every health and
		// social care body, GPs included, since 1 January 2026.
		ComplaintLimitMonths:   6,
		AckWorkingDays:         3,
		Stage1WorkingDays:      5,
		Stage2AfterDays:        30,
		ResponseWorkingDays:    20,
		OmbudsmanLimitMonths:   6,
		OmbudsmanFromProcedure: true,
	},
}

// FundingRequestNamed is the funding request's name with its abbreviation
// when it has one: "individual funding request (IFR)". Scotland's short
// name is not an abbreviation, so it is not repeated in brackets.
func (f NationFacts) FundingRequestNamed() string {
	if short := f.FundingRequestShort; short != "" && short == strings.ToUpper(short) {
		return f.FundingRequest + " (" + short + ")"
	}
	return f.FundingRequest
}

// FactsFor returns the facts of a nation; an unknown nation gets England's,
// the largest, so a letter is never left without a body to name.
func FactsFor(n Nation) NationFacts {
	if f, ok := nationFacts[n]; ok {
		return f
	}
	return nationFacts[England]
}
