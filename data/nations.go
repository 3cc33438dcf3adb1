package data

// NationFacts are the bodies and names that differ between the four
// nations: who commissions care, who handles complaints, the ombudsman,
// and the name of the funding request. Deadlines live with the rules in
// data/process, each beside its source.
type NationFacts struct {
	Nation Nation

	// Commissioner is the body that plans and pays for local care.
	Commissioner      string // "Integrated Care Board"
	CommissionerShort string // "ICB"

	// ComplaintsProcess is what the complaints procedure is called.
	ComplaintsProcess string

	// FundingRequest is the name of a request to fund care not normally
	// provided; FundingRequestShort its abbreviation.
	FundingRequest      string
	FundingRequestShort string
	// FundingTest is what the panel must be shown: England and Northern
	// Ireland ask for clinical exceptionality; Wales (since 2017) and
	// Scotland weigh significant clinical benefit against value for money.
	FundingTest string

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

	// Complaint deadlines: the time limit to complain, the working days to
	// acknowledge and to answer (0 where none is set), and the time limit
	// to go to the ombudsman. data/process turns these into due dates and
	// keeps the source of each.
	ComplaintLimitMonths   int
	AckWorkingDays         int
	AckWorkingDaysPrimary  int // Northern Ireland's primary care differs
	Stage1WorkingDays      int // Scotland's early resolution stage
	ResponseWorkingDays    int
	OmbudsmanLimitMonths   int
	OmbudsmanFromProcedure bool // NI: counted from the end of the complaints procedure
}

var nationFacts = map[Nation]NationFacts{
	England: {
		Nation:                 England,
		Commissioner:           "Integrated Care Board",
		CommissionerShort:      "ICB",
		ComplaintsProcess:      "the NHS complaints procedure",
		FundingRequest:         "individual funding request",
		FundingRequestShort:    "IFR",
		FundingTest:            "that the case is clinically exceptional",
		Ombudsman:              "Parliamentary and Health Service Ombudsman",
		OmbudsmanShort:         "PHSO",
		OmbudsmanWebsite:       "www.ombudsman.org.uk",
		Advice:                 "the Patient Advice and Liaison Service (PALS)",
		Advocacy:               "NHS complaints advocacy, which your local council must provide free of charge",
		CrisisHelp:             "Feeling very unwell, or worried about someone? Call NHS 111, or 999 in an emergency.",
		UrgentReview:           "In hospital and getting worse? Under Martha's Rule, a patient or their family can ask for an urgent review by a different team, at any time of day. Ask the ward staff how.",
		MentalHealthAct:        "Detained or treated under the Mental Health Act? Second opinions on treatment then come from a Second Opinion Appointed Doctor (SOAD), arranged by the Care Quality Commission (CQC). An Independent Mental Health Advocate (IMHA) can help, and the Mental Health Tribunal decides on detention.",
		ComplaintLimitMonths:   12,
		AckWorkingDays:         3,
		AckWorkingDaysPrimary:  3,
		Stage1WorkingDays:      0,
		ResponseWorkingDays:    0,
		OmbudsmanLimitMonths:   12,
		OmbudsmanFromProcedure: false,
	},
	Wales: {
		Nation:                 Wales,
		Commissioner:           "local health board",
		CommissionerShort:      "health board",
		ComplaintsProcess:      "Putting Things Right, the NHS Wales complaints procedure",
		FundingRequest:         "individual patient funding request",
		FundingRequestShort:    "IPFR",
		FundingTest:            "that the referral would bring significant clinical benefit and be reasonable value for money",
		Ombudsman:              "Public Services Ombudsman for Wales",
		OmbudsmanShort:         "PSOW",
		OmbudsmanWebsite:       "www.ombudsman.wales",
		Advice:                 "the health board's concerns team or Patient Advice and Liaison Service",
		Advocacy:               "Llais, the independent body that gives free help with NHS complaints in Wales",
		CrisisHelp:             "Feeling very unwell, or worried about someone? Call NHS 111 Wales, or 999 in an emergency.",
		UrgentReview:           "In hospital and getting worse? You, or your family, can ask the ward staff for an urgent review by a senior doctor.",
		MentalHealthAct:        "Detained or treated under the Mental Health Act? Second opinions on treatment then come from a Second Opinion Appointed Doctor, arranged by Healthcare Inspectorate Wales. An Independent Mental Health Advocate can help, and the Mental Health Review Tribunal for Wales decides on detention.",
		ComplaintLimitMonths:   12,
		AckWorkingDays:         2,
		AckWorkingDaysPrimary:  2,
		Stage1WorkingDays:      0,
		ResponseWorkingDays:    30,
		OmbudsmanLimitMonths:   12,
		OmbudsmanFromProcedure: false,
	},
	Scotland: {
		Nation:                 Scotland,
		Commissioner:           "NHS board",
		CommissionerShort:      "NHS board",
		ComplaintsProcess:      "the NHS Scotland complaints handling procedure",
		FundingRequest:         "Peer Approved Clinical System (PACS) Tier 2 request",
		FundingRequestShort:    "PACS Tier 2",
		FundingTest:            "that the referral would bring significant clinical benefit and be reasonable value for money",
		Ombudsman:              "Scottish Public Services Ombudsman",
		OmbudsmanShort:         "SPSO",
		OmbudsmanWebsite:       "www.spso.org.uk",
		Advice:                 "the NHS board's feedback and complaints team",
		Advocacy:               "the Patient Advice and Support Service (PASS), which is free and independent",
		CrisisHelp:             "Feeling very unwell, or worried about someone? Call NHS 24 on 111, or 999 in an emergency.",
		UrgentReview:           "In hospital and getting worse? You, or your family, can ask the ward staff for an urgent review by a senior doctor.",
		MentalHealthAct:        "Treated under the Mental Health (Care and Treatment) (Scotland) Act? Second opinions on treatment then come from a designated medical practitioner appointed by the Mental Welfare Commission. You have a right to independent advocacy, and the Mental Health Tribunal for Scotland decides on compulsory treatment.",
		ComplaintLimitMonths:   6,
		AckWorkingDays:         3,
		AckWorkingDaysPrimary:  3,
		Stage1WorkingDays:      5,
		ResponseWorkingDays:    20,
		OmbudsmanLimitMonths:   12,
		OmbudsmanFromProcedure: false,
	},
	NorthernIreland: {
		Nation:                 NorthernIreland,
		Commissioner:           "Health and Social Care trust",
		CommissionerShort:      "HSC trust",
		ComplaintsProcess:      "the Health and Social Care complaints procedure",
		FundingRequest:         "individual funding request",
		FundingRequestShort:    "IFR",
		FundingTest:            "that the case is clinically exceptional",
		Ombudsman:              "Northern Ireland Public Services Ombudsman",
		OmbudsmanShort:         "NIPSO",
		OmbudsmanWebsite:       "www.nipso.org.uk",
		Advice:                 "the trust's complaints or service user experience team",
		Advocacy:               "the Patient and Client Council, which gives free, independent help with complaints",
		CrisisHelp:             "Feeling very unwell, or worried about someone? Call your GP or the GP out-of-hours service, or 999 in an emergency.",
		UrgentReview:           "In hospital and getting worse? You, or your family, can ask the ward staff for an urgent review by a senior doctor.",
		MentalHealthAct:        "Detained or treated under mental health law in Northern Ireland? Second opinions on treatment then come from a doctor appointed by the Regulation and Quality Improvement Authority (RQIA), and the Review Tribunal decides on detention.",
		ComplaintLimitMonths:   6,
		AckWorkingDays:         2,
		AckWorkingDaysPrimary:  3,
		Stage1WorkingDays:      0,
		ResponseWorkingDays:    20,
		OmbudsmanLimitMonths:   6,
		OmbudsmanFromProcedure: true,
	},
}

// FactsFor returns the facts of a nation; an unknown nation gets England's,
// the largest, so a letter is never left without a body to name.
func FactsFor(n Nation) NationFacts {
	if f, ok := nationFacts[n]; ok {
		return f
	}
	return nationFacts[England]
}
