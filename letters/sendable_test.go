package letters

import (
	"slices"
	"strings"
	"testing"

	"secondopinion/data"
)

// Tests that a letter can be sent as it stands: it says only what the
// records hold, reads naturally, and speaks to its reader.

func TestLettersClaimOnlyWhatTheRecordsHold(t *testing.T) {
	invented := []string{"a great deal", "The usual treatments have not worked", "worked as hoped"}
	for _, k := range data.LetterKinds {
		for _, nation := range data.Nations {
			for _, behalf := range []bool{false, true} {
				text := compose(t, fullInput(k, nation, behalf))
				for _, claim := range invented {
					if strings.Contains(text, claim) {
						t.Errorf("%s in %s (behalf %v) claims %q, which no record says", k, nation, behalf, claim)
					}
				}
			}
		}
	}
	// An empty field drops its sentence: no daily-life sentence at all.
	in := fullInput(data.KindSecondOpinionDiagnosis, data.England, false)
	in.Request.Problems = ""
	if text := compose(t, in); strings.Contains(text, "daily life") {
		t.Errorf("a daily-life sentence with nothing recorded about daily life:\n%s", text)
	}
	// The words recorded are said, and nothing is added to them.
	in.Request.Problems = "I cannot drive"
	if text := compose(t, in); !strings.Contains(text, "\n\nI cannot drive.\n\n") {
		t.Errorf("the recorded daily life is not said as recorded:\n%s", text)
	}
}

func TestHowLongUnwellReadsNaturally(t *testing.T) {
	tests := []struct{ written, phrase, item string }{
		{"5 years", "for 5 years", "How long unwell: 5 years"},
		{"18 months", "for 18 months", "How long unwell: 18 months"},
		{"about 18 months.", "for about 18 months", "How long unwell: about 18 months"},
		{"two and a half years", "for two and a half years", "How long unwell: two and a half years"},
		{"since March 2020", "since March 2020", "How long unwell: since March 2020"},
		{"Since March 2020", "since March 2020", "How long unwell: since March 2020"},
		{"March 2020", "since March 2020", "How long unwell: since March 2020"},
		{"for three years", "for three years", "How long unwell: three years"},
		{"2019", "since 2019", "How long unwell: since 2019"},
		{"early 2019", "since early 2019", "How long unwell: since early 2019"},
		{"3 years ago", "for 3 years", "How long unwell: 3 years"},
		{"childhood", "since childhood", "How long unwell: since childhood"},
		{"On and off, worse lately", "", "How long unwell: on and off, worse lately"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := unwellFor(tt.written); got != tt.phrase {
			t.Errorf("unwellFor(%q) = %q, want %q", tt.written, got, tt.phrase)
		}
		if got := unwellItem(tt.written); got != tt.item {
			t.Errorf("unwellItem(%q) = %q, want %q", tt.written, got, tt.item)
		}
	}
}

func TestMedicationIsNotSaidTwice(t *testing.T) {
	tests := []struct{ list, named, want string }{
		{"lithium 800 mg at night and quetiapine 100 mg", "Lithium 800 mg at night", "quetiapine 100 mg"},
		{"quetiapine 100 mg, lithium 800 mg", "lithium 800 mg", "quetiapine 100 mg"},
		{"lithium 800 mg", "Lithium 800 mg at night.", ""},
		{"sertraline 50 mg", "lithium", "sertraline 50 mg"},
		{"sertraline 50 mg", "", "sertraline 50 mg"},
		// The named medicine's own dose goes with it: a bare "300 mg"
		// would read as another medicine.
		{"Clozapine 300 mg", "clozapine", ""},
		{"clozapine 300 mg at night, sertraline 50 mg", "Clozapine", "sertraline 50 mg"},
		{"sertraline 50 mg and clozapine 300 mg", "clozapine", "sertraline 50 mg"},
		{"modified-release lithium 400 mg with quetiapine", "lithium", "quetiapine"},
	}
	for _, tt := range tests {
		if got := besides(tt.list, tt.named); got != tt.want {
			t.Errorf("besides(%q, %q) = %q, want %q", tt.list, tt.named, got, tt.want)
		}
	}
	for _, k := range []string{data.KindReviewTreatment, data.KindReviewDiagnosis, data.KindSecondOpinionTreatment, data.KindClinicianReferral} {
		text := strings.ToLower(compose(t, fullInput(k, data.England, false)))
		if n := strings.Count(text, "lithium 800 mg at night"); n != 1 {
			t.Errorf("%s names the lithium %d times:\n%s", k, n, text)
		}
		if !strings.Contains(text, "quetiapine 100 mg") {
			t.Errorf("%s leaves out the other medication:\n%s", k, text)
		}
	}
}

func TestNoStiltedLeadInsAndWholeSubjects(t *testing.T) {
	stilted := []string{"are these.", "is hoping for is this", "am hoping for is this", "In brief,"}
	for _, k := range data.LetterKinds {
		for _, behalf := range []bool{false, true} {
			l, _ := Compose(fullInput(k, data.Wales, behalf))
			text := RenderText(l)
			for _, s := range stilted {
				if strings.Contains(text, s) {
					t.Errorf("%s (behalf %v): stilted %q:\n%s", k, behalf, s, text)
				}
			}
			// A subject is a whole phrase: what the letter is about, never
			// a bare "Request to review treatment".
			subject, _, _ := strings.Cut(l.Subject, ": Zoë")
			bare := []string{"Request to review treatment", "Request to review a diagnosis", "Request for a second opinion",
				"Asking again for a second opinion", "Individual patient funding request (IPFR)", "Request to reconsider a refused IPFR"}
			if slices.Contains(bare, subject) {
				t.Errorf("%s (behalf %v): subject %q is not a whole phrase", k, behalf, l.Subject)
			}
		}
	}
	in := fullInput(data.KindReviewTreatment, data.England, true)
	if l, _ := Compose(in); !strings.HasPrefix(l.Subject, "Request to review the treatment for bipolar disorder: ") {
		t.Errorf("subject %q", l.Subject)
	}
	// What the person hopes for, in the three shapes people write it.
	for outcome, want := range map[string]string{
		"a referral to a specialist":   "I am hoping for a referral to a specialist.",
		"to see a specialist in Leeds": "I am hoping to see a specialist in Leeds.",
		"I would like to see Dr Lee.":  "I would like to see Dr Lee.",
	} {
		in := fullInput(data.KindReviewDiagnosis, data.England, false)
		in.Request.OutcomeWanted = outcome
		if text := compose(t, in); !strings.Contains(text, "\n\n"+want+"\n\n") {
			t.Errorf("outcome %q: want %q in\n%s", outcome, want, text)
		}
	}
}

// Every item of "I am asking for:" is a thing asked for; a wish written as
// a sentence of its own follows the list as a sentence.
func TestComplaintListReadsTheSameWay(t *testing.T) {
	for _, k := range []string{data.KindComplaint, data.KindOmbudsman} {
		in := fullInput(k, data.England, false)
		in.Request.OutcomeWanted = "I would like to see a specialist in Leeds."
		l, _ := Compose(in)
		for _, b := range l.Body {
			for _, it := range b.Items {
				if strings.HasPrefix(it, "I would like") {
					t.Errorf("%s: a sentence among the things asked for: %q", k, it)
				}
			}
		}
		if text := RenderText(l); !strings.Contains(text, "\n\nI would like to see a specialist in Leeds.\n\n") {
			t.Errorf("%s: the wish is lost:\n%s", k, text)
		}
		in.Request.OutcomeWanted = "to see a specialist in Leeds"
		if text := compose(t, in); !strings.Contains(text, "\n\nI am hoping to see a specialist in Leeds.\n\n") {
			t.Errorf("%s: the wish starting 'to' is not a sentence:\n%s", k, text)
		}
	}
}

func TestAdvocacyLetterDoesNotPointTheReaderToItself(t *testing.T) {
	f := data.FactsFor(data.England)
	in := fullInput(data.KindAdvocacy, data.England, false)
	if text := compose(t, in); strings.Contains(text, f.Advocacy) {
		t.Errorf("England's advocacy service is pointed to itself:\n%s", text)
	}
	// A named national body is suggested to another service, but not to itself.
	wales := data.FactsFor(data.Wales)
	in = fullInput(data.KindAdvocacy, data.Wales, false)
	if text := compose(t, in); !strings.Contains(text, wales.Advocacy) {
		t.Errorf("Llais is not suggested to another service:\n%s", text)
	}
	in.Recipient.Organisation = "Llais Cardiff and Vale"
	if text := compose(t, in); strings.Contains(text, wales.Advocacy) {
		t.Errorf("Llais is pointed to itself:\n%s", text)
	}
}

func TestReconsiderationToTheGPAsksTheGP(t *testing.T) {
	in := fullInput(data.KindIFRReconsideration, data.England, false)
	in.Recipient = data.Contact{Name: "Dr Tom Okafor", Role: data.RoleGP, Organisation: "Hyde Park Surgery", Address: "5 Woodhouse Street, Leeds, LS6 2PY"}
	text := compose(t, in)
	for _, want := range []string{"I would be grateful if you would ask the ICB to reconsider the decision.", "please ask the ICB instead for a review", "what information the ICB's panel had"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q:\n%s", want, text)
		}
	}
	for _, panel := range []string{"If you decide there is no new information", "send me a copy of your policy"} {
		if strings.Contains(text, panel) {
			t.Errorf("the GP is spoken to as the panel (%q):\n%s", panel, text)
		}
	}
	// To the panel itself, it still asks the panel.
	if text := compose(t, fullInput(data.KindIFRReconsideration, data.England, false)); !strings.Contains(text, "If you decide there is no new information") {
		t.Errorf("the panel is not asked:\n%s", text)
	}
}

func TestReferralIsInTheClinicianVoiceAndClaimsNoEnclosure(t *testing.T) {
	in := fullInput(data.KindClinicianReferral, data.England, false)
	in.Request.TestsAndAssessments, in.Request.RiskAssessment = "", ""
	text := compose(t, in)
	for _, copied := range []string{"In Zoë's words", "I have not been able to work", "at my appointment", "I think the diagnosis"} {
		if strings.Contains(text, copied) {
			t.Errorf("the patient's words %q are copied into the clinician's letter:\n%s", copied, text)
		}
	}
	if strings.Contains(text, "With this letter I am sending") || strings.Contains(text, "will reach you") {
		t.Errorf("claims enclosures nothing records:\n%s", text)
	}
	if !strings.Contains(text, "I can send copies of recent test results and assessments, the current risk assessment and any other records you need before the appointment.") {
		t.Errorf("does not offer what it lacks:\n%s", text)
	}
	// The clinician's own words are kept.
	in.Request.AskedBy = data.AskedByClinician
	in.Request.Reason = "Her symptoms fit a unipolar depression better than bipolar disorder."
	if text := compose(t, in); !strings.Contains(text, in.Request.Reason) {
		t.Errorf("the clinician's own reason is lost:\n%s", text)
	}
}

func TestLetterOnlyToTheTreatingDoctorSaysYou(t *testing.T) {
	// "At my appointment you increased the lithium" is for the doctor who did.
	in := fullInput(data.KindIFRRequest, data.England, false)
	if text := compose(t, in); strings.Contains(text, "you increased the lithium") {
		t.Errorf("the GP is told what the psychiatrist did as if they did it:\n%s", text)
	}
}

func TestNHSRecordNameInLettersToTheNHS(t *testing.T) {
	person := func(in Input) Input {
		in.Person.Name, in.Person.NHSName = "محمد عبد الله", "Mohammed Abdullah"
		return in
	}
	text := compose(t, person(fullInput(data.KindSecondOpinionDiagnosis, data.England, false)))
	if !strings.Contains(text, "For your records, my health record is in the name Mohammed Abdullah, my date of birth is 3 March 1985 and my NHS number is 485 777 3456.") {
		t.Errorf("own letter to the doctor lacks the NHS record's name:\n%s", text)
	}
	l, _ := Compose(person(fullInput(data.KindComplaint, data.Wales, true)))
	if !strings.HasPrefix(l.Subject, "Complaint about the refusal of a second opinion: Mohammed Abdullah, born") ||
		!strings.Contains(RenderText(l), "محمد عبد الله (name on the health record Mohammed Abdullah, date of birth") {
		t.Errorf("letter on their behalf does not match the record:\n%s", RenderText(l))
	}
	if text := compose(t, person(fullInput(data.KindClinicianReferral, data.Scotland, false))); !strings.Contains(text, "Patient: Mohammed Abdullah\nKnown as: محمد عبد الله\n") {
		t.Errorf("the referral's patient details do not match the record:\n%s", text)
	}
	if text := compose(t, person(fullInput(data.KindAdvocacy, data.England, true))); strings.Contains(text, "Mohammed Abdullah") {
		t.Errorf("an advocacy service, not an NHS body, is given the NHS record's name:\n%s", text)
	}
}

func TestReceiptGreetsByTitleAndClaimsNoRecordEntry(t *testing.T) {
	in := fullInput(data.KindReceptionReceipt, data.England, false)
	l, _ := Compose(in)
	if strings.Contains(RenderText(l), "medical record") {
		t.Errorf("the receipt says the request was added to the record, which the practice never said:\n%s", RenderText(l))
	}
	in.Sender.RecordsDeskRequests = true
	if text := compose(t, in); !strings.Contains(text, "Your request and your reason for it have been added to your medical record, just as a written request would be.") {
		t.Errorf("the practice's own statement is missing:\n%s", text)
	}
	in.Person.Title = data.TitleMs
	l, _ = Compose(in)
	if l.Salutation != "Dear Ms O'Brien-Ng," || l.To[0] != "Ms Zoë O'Brien-Ng" {
		t.Errorf("greeting %q, envelope %q", l.Salutation, l.To[0])
	}
	in.Person.Name, in.Person.Title = "Cher", data.TitleMx
	if l, _ = Compose(in); l.Salutation != "Dear Mx Cher," {
		t.Errorf("a one-word name: %q", l.Salutation)
	}
	// A role the desk routed to, typed as a heading, reads as part of the sentence.
	in.Recipient = data.Contact{Name: "The duty GP", Role: data.RoleOther}
	if text := compose(t, in); !strings.Contains(text, "We will pass your request to the duty GP, who will consider it.") {
		t.Errorf("the role is not written as part of the sentence:\n%s", text)
	}
}

func TestGapsBeforeSaving(t *testing.T) {
	in := fullInput(data.KindPALS, data.England, false)
	l, _ := Compose(in)
	if g := Gaps(l); len(g) != 0 {
		t.Errorf("a full letter has gaps %v", g)
	}
	in.Recipient.Address = ""
	l, _ = Compose(in)
	if g := Gaps(l); !slices.Equal(g, []Gap{GapRecipientAddress}) {
		t.Errorf("no address for the recipient: gaps %v", g)
	}
	// The ombudsman with no contact chosen has a name but no address.
	l, _ = Compose(fullInput(data.KindOmbudsman, data.Scotland, false))
	if !slices.Contains(Gaps(l), GapRecipientAddress) {
		t.Errorf("the ombudsman's letter without an address is not flagged: %v", Gaps(l))
	}
	// The receipt is handed over, so it needs no postal address.
	in = fullInput(data.KindReceptionReceipt, data.England, false)
	in.Person.Address = ""
	in.Sender = data.Sender{}
	l, _ = Compose(in)
	if g := Gaps(l); !slices.Equal(g, []Gap{GapPracticeName, GapSenderName}) {
		t.Errorf("receipt with no practice: gaps %v", g)
	}
	// A placeholder left in the words is still a gap once the signature is filled.
	edited := l.WithEditedText(strings.Replace(l.EditableText(), PlaceholderName, "Priya Shah", 1) + "\n\nP.S. Ask for " + PlaceholderName + ".")
	if !slices.Contains(Gaps(edited), GapSenderName) {
		t.Errorf("a placeholder in the body is not seen: %v", Gaps(edited))
	}
}
