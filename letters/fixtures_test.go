package letters

import (
	"strings"
	"time"

	"secondopinion/data"
)

// The records the tests compose from: a full request with every part
// filled in, and a nearly empty one (name, nation and subject only).

var letterDate = data.MustDate(2026, time.November, 21)

func fullInput(kind string, nation data.Nation, behalf bool) Input {
	in := Input{
		Kind: kind,
		Person: data.Person{
			Name:        "Zoë O'Brien-Ng",
			DateOfBirth: data.MustDate(1985, time.March, 3),
			Address:     "Flat 2, 14 Orchard Road\nLeeds\nLS6 2AB",
			Phone:       "07700 900123",
			Email:       "zoe.obrien@example.org",
			NHSNumber:   "4857773456",
			Nation:      nation,
		},
		Request: data.Request{
			Subject:           data.SubjectDiagnosis,
			Route:             data.RouteLocal,
			AskedBy:           data.AskedBySelf,
			AskedHow:          data.AskedVerbally,
			OnBehalf:          behalf,
			Condition:         "bipolar disorder",
			Treatment:         "Lithium 800 mg at night",
			RaisedWithDoctor:  true,
			Reason:            "my low moods have never been followed by highs, and I think the diagnosis may be depression that has not responded to treatment",
			OutcomeWanted:     "a referral to a specialist mood disorders service",
			UnwellSince:       "2019",
			Admissions:        "two, in March 2021 and August 2024",
			MedicationsTried:  "sertraline, then venlafaxine with mirtazapine.",
			CurrentMedication: "lithium 800 mg at night and quetiapine 100 mg",
			Problems:          "I have not been able to work since 2023 and rarely leave the house alone",
			SideEffects:       "constant thirst, a tremor in both hands and weight gain of 15 kg",
			AlreadyTried:      "at my appointment in September you increased the lithium, but nothing has changed.",
			ReplyMethod:       data.ReplyByEmail,
		},
		Recipient: recipientFor(kind),
		Sender: data.Sender{
			Name:         "Siân Llŷr ap Dafydd",
			Role:         "Advocate",
			Organisation: "Speak Up Advocacy",
			Address:      "3 Mill Street\nLeeds\nLS2 7HQ",
			Phone:        "0113 496 0000",
			Email:        "sian@example.org",
		},
		Date: letterDate,
		Steps: []data.Step{
			{On: data.MustDate(2026, time.October, 16), Kind: data.StepReply, Outcome: data.OutcomeRefused,
				Summary: "Dr Rahman said a second opinion would not change the plan"},
			{On: data.MustDate(2026, time.October, 2), Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionDiagnosis},
		},
	}
	if behalf {
		in = behalfWords(in)
	}
	switch kind {
	case data.KindClinicianReferral:
		in.Sender = data.Sender{Name: "Dr Aisha Rahman", Role: "Consultant Psychiatrist", Organisation: "Leeds Community Mental Health Team",
			Address: "Aire House, 2 Park Lane, Leeds, LS1 4HY", Phone: "0113 496 0101", Email: "a.rahman@example.nhs.uk"}
		in.Request.TestsAndAssessments = "Thyroid function and blood count normal (September 2026)\nMood questionnaire (PHQ-9) score 19 at the last review"
		in.Request.RiskAssessment = "low risk to self and others; no thoughts of self-harm reported"
		in.Request.Questions = "Do you agree with the diagnosis of bipolar disorder?\nWould you recommend stopping lithium?\nWould a course of psychological therapy help?"
		in.Request.Timescale = "within six weeks, before her review in January"
	case data.KindReceptionReceipt:
		in.Sender = data.Sender{Name: "Priya Shah", Role: "Practice Manager", Organisation: "Hyde Park Surgery",
			Address: "5 Woodhouse Street\nLeeds\nLS6 2PY", Phone: "0113 496 0222"}
	}
	if nation == data.Wales {
		in = inWales(in)
	}
	return in
}

// behalfWords are the same facts as a carer or advocate would write them.
func behalfWords(in Input) Input {
	r := &in.Request
	r.AskedBy = data.AskedByAdvocate
	r.Reason = "Zoë's low moods have never been followed by highs, and we think the diagnosis may be depression that has not responded to treatment"
	r.Problems = "Zoë has not been able to work since 2023 and rarely leaves the house alone"
	r.AlreadyTried = "at the appointment in September the lithium was increased, but nothing has changed."
	return in
}

func emptyInput(kind string, nation data.Nation) Input {
	return Input{
		Kind:    kind,
		Person:  data.Person{Name: "Sam Patel", Nation: nation},
		Request: data.Request{Subject: data.SubjectTreatment},
		Date:    letterDate,
	}
}

// recipientFor is a realistic recipient for each kind: a named doctor,
// a team with no name, or none at all for the ombudsman.
func recipientFor(kind string) data.Contact {
	doctor := data.Contact{
		Name: "Dr Aisha Rahman", Role: data.RoleClinician,
		Organisation: "Leeds Community Mental Health Team",
		Address:      "Aire House, 2 Park Lane, Leeds, LS1 4HY",
	}
	switch kind {
	case data.KindPALS:
		return data.Contact{Role: data.RolePALS, Organisation: "Patient Advice and Liaison Service, Leeds and York Partnership NHS Foundation Trust", Address: "2150 Century Way\nLeeds\nLS15 8ZB"}
	case data.KindAdvocacy:
		return data.Contact{Role: data.RoleAdvocacy, Organisation: "Advocacy Support Leeds", Address: "Unit 4, Marsh Lane, Leeds, LS9 8AB"}
	case data.KindComplaint:
		return data.Contact{Name: "Ms Joanne Hughes", Role: data.RoleComplaints, Organisation: "Complaints Team, Leeds and York Partnership NHS Foundation Trust", Address: "2150 Century Way\nLeeds\nLS15 8ZB"}
	case data.KindIFRRequest:
		return data.Contact{Name: "Dr Tom Okafor", Role: data.RoleGP, Organisation: "Hyde Park Surgery", Address: "5 Woodhouse Street, Leeds, LS6 2PY"}
	case data.KindIFRReconsideration:
		return data.Contact{Role: data.RoleCommissioner, Organisation: "Individual Funding Requests Team, NHS West Yorkshire ICB", Address: "White Rose House\nWakefield\nWF1 1LT", FundingReviewDays: 28}
	case data.KindAppeal:
		return data.Contact{Name: "Professor Mark Ellis", Role: data.RoleMedicalDirector, Organisation: "Medical Director, Leeds and York Partnership NHS Foundation Trust", Address: "2150 Century Way\nLeeds\nLS15 8ZB"}
	case data.KindRecordsRequest:
		return data.Contact{Role: data.RoleRecords, Organisation: "Data Protection Officer, Leeds and York Partnership NHS Foundation Trust", Address: "2150 Century Way\nLeeds\nLS15 8ZB"}
	case data.KindOmbudsman:
		return data.Contact{}
	case data.KindClinicianReferral:
		return data.Contact{Name: "Dr Helen Marsh", Role: data.RoleClinician, Organisation: "Affective Disorders Service", Address: "St Mary's Hospital, Greenhill Road, Leeds, LS12 3QE"}
	case data.KindReceptionReceipt:
		return doctor
	}
	return doctor
}

// inWales moves the people and bodies to Cardiff, so a Welsh letter
// names no English body.
func inWales(in Input) Input {
	in.Person.Address = "Flat 2, 14 Heol y Llan\nCardiff\nCF14 1AB"
	in.Sender.Address = "Tŷ Gwyn, 8 Stryd y Felin\nCardiff\nCF10 2FE"
	r := &in.Recipient
	r.Organisation = strings.ReplaceAll(r.Organisation, "Leeds and York Partnership NHS Foundation Trust", "Cardiff and Vale University Health Board")
	r.Organisation = strings.ReplaceAll(r.Organisation, "NHS West Yorkshire ICB", "Cardiff and Vale University Health Board")
	r.Organisation = strings.ReplaceAll(r.Organisation, "Leeds", "Cardiff")
	r.Address = strings.NewReplacer("Leeds", "Cardiff", "Wakefield", "Cardiff", "LS", "CF", "WF", "CF").Replace(r.Address)
	return in
}
