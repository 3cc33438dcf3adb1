package letters

import (
	"slices"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
)

func compose(t *testing.T, in Input) string {
	t.Helper()
	l, err := Compose(in)
	if err != nil {
		t.Fatal(err)
	}
	return RenderText(l)
}

func june(day int) data.Date { return data.MustDate(2026, time.June, day) }
func july(day int) data.Date { return data.MustDate(2026, time.July, day) }

// A complaint sent on 27 June, and what happened before and after it.
func complaintSteps() []data.Step {
	return []data.Step{
		{On: june(2), Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionDiagnosis, LetterID: "first"},
		{On: june(16), Kind: data.StepReply, Outcome: data.OutcomeRefused, Summary: "Dr Rahman said no"},
		{On: june(27), Kind: data.StepLetterSent, LetterKind: data.KindComplaint, LetterID: "complaint"},
		{On: july(12), Kind: data.StepReply, Outcome: data.OutcomeAgreed, Summary: "The trust upheld the complaint"},
	}
}

func TestLetterReflectsOnlyWhatHadHappenedByItsDate(t *testing.T) {
	for _, letterID := range []string{"complaint", ""} { // by id, and by kind and date
		in := fullInput(data.KindComplaint, data.England, false)
		in.Date, in.Steps, in.LetterID = june(27), complaintSteps(), letterID
		text := compose(t, in)
		if strings.Contains(text, "12 July") || strings.Contains(text, "upheld") {
			t.Errorf("id %q: a complaint of 27 June tells of a reply of 12 July:\n%s", letterID, text)
		}
		if strings.Contains(text, "On 27 June 2026 I wrote") {
			t.Errorf("id %q: the complaint lists itself:\n%s", letterID, text)
		}
		if !strings.Contains(text, "On 16 June 2026 the request was refused. Dr Rahman said no.") {
			t.Errorf("id %q: the earlier refusal is missing:\n%s", letterID, text)
		}
	}

	// A letter not yet sent leaves out what is dated after it.
	in := fullInput(data.KindAskAgain, data.England, false)
	in.Date = june(20)
	in.Steps = append(complaintSteps()[:2], data.Step{On: june(25), Kind: data.StepReply, Outcome: data.OutcomeRefused})
	if text := compose(t, in); strings.Contains(text, "25 June") || !strings.Contains(text, "On 16 June 2026 you let me know") {
		t.Errorf("a letter of 20 June uses a refusal of 25 June:\n%s", text)
	}

	// Its own step and anything after it, even on the same day.
	in = fullInput(data.KindComplaint, data.England, false)
	in.Date, in.LetterID = june(27), "complaint"
	in.Steps = append(complaintSteps()[:3], data.Step{On: june(27), Kind: data.StepCall, Summary: "Rang the complaints team to check it arrived"})
	if text := compose(t, in); strings.Contains(text, "check it arrived") {
		t.Errorf("a step after the letter's own is used:\n%s", text)
	}
}

func TestScotlandComplaintStageFollowsTheRules(t *testing.T) {
	first := fullInput(data.KindComplaint, data.Scotland, false)
	first.Date, first.Steps, first.LetterID = june(27), complaintSteps(), "complaint"
	text := compose(t, first)
	for _, w := range []string{"stage 1 of the NHS Scotland complaints handling procedure", "within 5 working days", "If it cannot be resolved at that stage", "stage 2, the investigation stage", "3 working days", "20 working days"} {
		if !strings.Contains(text, w) {
			t.Errorf("first complaint lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "made before") {
		t.Errorf("a first complaint says it is the second:\n%s", text)
	}

	second := first
	second.Date, second.LetterID = july(20), "second"
	second.Steps = append(complaintSteps(), data.Step{On: july(20), Kind: data.StepLetterSent, LetterKind: data.KindComplaint, LetterID: "second"})
	text = compose(t, second)
	for _, w := range []string{"A complaint about this was made before", "stage 2 of the NHS Scotland complaints handling procedure, the investigation stage", "acknowledged within 3 working days and answered within 20 working days"} {
		if !strings.Contains(text, w) {
			t.Errorf("second complaint lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "stage 1") || strings.Contains(text, "5 working days") {
		t.Errorf("a second complaint asks for stage 1:\n%s", text)
	}
}

func TestAskAgainAndAppealNameWhatWasFirstAsked(t *testing.T) {
	steps := []data.Step{
		{On: june(2), Kind: data.StepLetterSent, LetterKind: data.KindReviewDiagnosis},
		{On: june(16), Kind: data.StepReply, Outcome: data.OutcomeRefused},
	}
	for _, behalf := range []bool{false, true} {
		in := fullInput(data.KindAskAgain, data.England, behalf)
		in.Steps = steps
		text := compose(t, in)
		want := "asked you for a review of my diagnosis of bipolar disorder"
		if behalf {
			want = "Zoë asked you for a review of the diagnosis of bipolar disorder"
		}
		if !strings.Contains(text, want) || strings.Contains(text, "asked you for a second opinion") {
			t.Errorf("ask-again (behalf %v) does not name the review asked for:\n%s", behalf, text)
		}

		in.Kind, in.Recipient = data.KindAppeal, recipientFor(data.KindAppeal)
		text = compose(t, in)
		want = "I asked for a review of my diagnosis of bipolar disorder on 2 June 2026"
		if behalf {
			want = "Zoë asked for a review of the diagnosis of bipolar disorder on 2 June 2026"
		}
		if !strings.Contains(text, want) {
			t.Errorf("appeal (behalf %v) does not name the review asked for:\n%s", behalf, text)
		}
	}

	// A second opinion asked for first is still called one.
	in := fullInput(data.KindAskAgain, data.England, false)
	if text := compose(t, in); !strings.Contains(text, "asked you for a second opinion about my diagnosis of bipolar disorder") {
		t.Errorf("ask-again after a second-opinion letter:\n%s", text)
	}
}

func TestRecordsRequestRepliesOnlyWhereItCan(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Input)
		want   string
	}{
		{"email wanted", func(in *Input) {}, "by email to zoe.obrien@example.org"},
		{"post wanted", func(in *Input) { in.Request.ReplyMethod = data.ReplyByLetter }, "to me at the address above"},
		{"no address", func(in *Input) { in.Request.ReplyMethod = data.ReplyByLetter; in.Person.Address = "" }, "Please send the copies by email to zoe.obrien@example.org"},
		{"phone only", func(in *Input) { in.Person.Address, in.Person.Email = "", "" }, "Please call me on 07700 900123"},
		{"nothing", func(in *Input) { in.Person.Address, in.Person.Email, in.Person.Phone = "", "", "" }, "Please tell me how you will send the copies."},
	}
	for _, tt := range tests {
		in := fullInput(data.KindRecordsRequest, data.England, false)
		tt.change(&in)
		text := compose(t, in)
		if !strings.Contains(text, tt.want) {
			t.Errorf("%s: lacks %q:\n%s", tt.name, tt.want, text)
		}
		if strings.TrimSpace(in.Person.Address) == "" && strings.Contains(text, "address above") {
			t.Errorf("%s: points to an address the letter does not have:\n%s", tt.name, text)
		}
	}
	if text := compose(t, emptyInput(data.KindRecordsRequest, data.England)); strings.Contains(text, "address above") {
		t.Errorf("the empty request points to an address:\n%s", text)
	}
}

func TestBlankSenderIsVisiblyMissing(t *testing.T) {
	for _, kind := range []string{data.KindClinicianReferral, data.KindReceptionReceipt} {
		in := fullInput(kind, data.England, false)
		l, _ := Compose(in)
		if m := Missing(l); len(m) != 0 {
			t.Errorf("%s with a full sender: missing %v", kind, m)
		}
		in.Sender = data.Sender{}
		l, _ = Compose(in)
		if len(l.Signature) == 0 || l.Signature[0] != PlaceholderName {
			t.Errorf("%s: signature %q, want the placeholder", kind, l.Signature)
		}
		if m := Missing(l); !slices.Contains(m, "the sender's name") {
			t.Errorf("%s: Missing = %v", kind, m)
		}
		if kind == data.KindReceptionReceipt {
			if len(l.From) == 0 || l.From[0] != PlaceholderPractice || !slices.Contains(Missing(l), "the practice's name") {
				t.Errorf("receipt from %q, missing %v", l.From, Missing(l))
			}
		}
		// A name typed over the placeholder is enough.
		edited := l.WithEditedText(strings.Replace(l.EditableText(), PlaceholderName, "Dr Ann Lee", 1))
		if slices.Contains(Missing(edited), "the sender's name") {
			t.Errorf("%s: the typed name is not seen", kind)
		}
	}
	// A letter on someone's behalf from a nameless sender.
	in := fullInput(data.KindPALS, data.England, true)
	in.Sender.Name = ""
	l, _ := Compose(in)
	if !slices.Contains(Missing(l), "the sender's name") || !strings.Contains(RenderText(l), PlaceholderName) {
		t.Errorf("unsigned letter on someone's behalf:\n%s", RenderText(l))
	}
}

func TestTimelineNamesEachLetter(t *testing.T) {
	step := data.Step{On: june(2), Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionDiagnosis}
	tests := []struct{ summary, want string }{
		{"", "I wrote to ask for a second opinion about the diagnosis."},
		{"Letter sent by post", "I wrote to ask for a second opinion about the diagnosis."},
		{"By email.", "I wrote to ask for a second opinion about the diagnosis."},
		{"Ask for a second opinion about the diagnosis", "I wrote to ask for a second opinion about the diagnosis."},
		{"To Dr Rahman, by post.", "I wrote to ask for a second opinion about the diagnosis (to Dr Rahman, by post)."},
		{"Asked at the desk. Receipt given.", "I wrote to ask for a second opinion about the diagnosis. Asked at the desk. Receipt given."},
	}
	for _, tt := range tests {
		step.Summary = tt.summary
		if got := describeStep(step); got != tt.want {
			t.Errorf("summary %q: %q, want %q", tt.summary, got, tt.want)
		}
	}
}

// The story so far reads as sentences a complaints manager follows, and a
// reply's summary does not say its outcome twice.
func TestTimelineReadsAsProse(t *testing.T) {
	tests := []struct {
		step data.Step
		want string
	}{
		{data.Step{Kind: data.StepReply, Outcome: data.OutcomeRefused, Summary: "Refused without giving reasons"},
			"the request was refused without giving reasons."},
		{data.Step{Kind: data.StepReply, Outcome: data.OutcomeRefused, Summary: "Dr Rahman said no."},
			"the request was refused. Dr Rahman said no."},
		{data.Step{Kind: data.StepReply, Outcome: data.OutcomeRefused, Summary: "refused"},
			"the request was refused."},
		{data.Step{Kind: data.StepReply, Outcome: data.OutcomeRefused, Summary: "Turned down, as the team has no capacity"},
			"the request was refused as the team has no capacity."},
		{data.Step{Kind: data.StepReply, Outcome: data.OutcomePartly, Summary: "by letter from the practice manager"},
			"the request was partly agreed by letter from the practice manager."},
		{data.Step{Kind: data.StepReply}, "a reply came."},
		{data.Step{Kind: data.StepCall, Summary: "Rang PALS, who will call back"},
			"there was a phone call about the request. Rang PALS, who will call back."},
		{data.Step{Kind: data.StepNote, Summary: "Dr Rahman agreed to look again"}, "Dr Rahman agreed to look again."},
		{data.Step{Kind: data.StepNote}, ""},
		{data.Step{Kind: data.StepLetterSent, LetterKind: data.KindComplaint}, "I wrote to make a complaint."},
		{data.Step{Kind: data.StepLetterSent, LetterKind: data.KindClinicianReferral}, "the clinician's request to a colleague was sent."},
	}
	for _, tt := range tests {
		if got := describeStep(tt.step); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.step, got, tt.want)
		}
	}
	in := fullInput(data.KindComplaint, data.England, false)
	in.Steps[0].Summary = "Refused without giving reasons"
	text := compose(t, in)
	want := "On 2 October 2026 I wrote to ask for a second opinion about the diagnosis. On 16 October 2026 the request was refused without giving reasons."
	if !strings.Contains(text, want) {
		t.Errorf("complaint does not tell the story as prose:\n%s", text)
	}
	for _, log := range []string{"Reply received", "Letter sent:", "(refused)"} {
		if strings.Contains(text, log) {
			t.Errorf("complaint reads as a log (%q):\n%s", log, text)
		}
	}
}

func TestRaisedBeforeOnlyWithTheTreatingDoctor(t *testing.T) {
	tests := []struct {
		kind   string
		behalf bool
		want   string
	}{
		{data.KindReviewDiagnosis, false, "I have raised this with you before."},
		{data.KindSecondOpinionDiagnosis, false, "I have raised this with you before."},
		{data.KindAppeal, false, "I have raised this with my doctor before."},
		{data.KindAppeal, true, "Zoë has raised this with the doctor before."},
		{data.KindIFRRequest, false, "I have raised this with my doctor before."},
	}
	for _, tt := range tests {
		text := compose(t, fullInput(tt.kind, data.England, tt.behalf))
		if !strings.Contains(text, tt.want) {
			t.Errorf("%s (behalf %v): lacks %q:\n%s", tt.kind, tt.behalf, tt.want, text)
		}
	}
	// A review letter to a records team is not to the doctor either.
	in := fullInput(data.KindReviewTreatment, data.England, false)
	in.Recipient.Role = data.RoleRecords
	if text := compose(t, in); strings.Contains(text, "with you before") {
		t.Errorf("told a records team it was raised with them:\n%s", text)
	}
}

// The 7 days are one trust's policy, not a national rule: a letter names
// them only to a provider recorded as having that policy, never to a GP.
func TestSevenDaysOnlyWhereTheTrustsPolicySaysSo(t *testing.T) {
	in := fullInput(data.KindAskAgain, data.England, false)
	text := compose(t, in)
	if strings.Contains(text, "7 days") || !strings.Contains(text, "Please explain your reasons in writing") || !strings.Contains(text, "within 14 days") {
		t.Errorf("to a consultant with no recorded policy:\n%s", text)
	}
	in.Recipient.RefusalPolicy = true
	text = compose(t, in)
	if !strings.Contains(text, "Your trust's policy on second opinions says that a refusal is explained in writing, with the reasons, within 7 days") || !strings.Contains(text, "reply within 7 days") {
		t.Errorf("to a trust with the policy:\n%s", text)
	}
	in.Recipient = recipientFor(data.KindIFRRequest) // a GP
	in.Recipient.RefusalPolicy = true
	text = compose(t, in)
	if strings.Contains(text, "7 days") || strings.Contains(text, "policy") || !strings.Contains(text, "Please explain your reasons in writing") {
		t.Errorf("to a GP:\n%s", text)
	}
	in = fullInput(data.KindSecondOpinionDiagnosis, data.England, false)
	in.ReplyDays = 21
	if text := compose(t, in); !strings.Contains(text, "reply within 21 days") {
		t.Errorf("the letter should ask for a reply in the user's chase period:\n%s", text)
	}
	for _, k := range data.LetterKinds {
		if text := compose(t, fullInput(k, data.England, false)); strings.Contains(text, "usually asks") || strings.Contains(text, "Guidance on second opinions") {
			t.Errorf("%s overstates the guidance", k)
		}
	}
}

func TestFundingTestIsTheNations(t *testing.T) {
	for _, n := range data.Nations {
		test := data.FactsFor(n).FundingTest
		for _, k := range []string{data.KindIFRRequest, data.KindIFRReconsideration} {
			text := compose(t, fullInput(k, n, false))
			if !strings.Contains(text, test) {
				t.Errorf("%s in %s lacks %q:\n%s", k, n, test, text)
			}
			if !strings.Contains(test, "exceptional") && strings.Contains(text, "exceptional") {
				t.Errorf("%s in %s asks for exceptionality:\n%s", k, n, text)
			}
		}
	}
}

func TestFundingStatementHasNoBareHeading(t *testing.T) {
	for _, behalf := range []bool{false, true} {
		l, _ := Compose(fullInput(data.KindIFRRequest, data.England, behalf))
		for _, b := range l.Body {
			if !b.IsList() && !endsSentence(b.Text) && !strings.HasSuffix(b.Text, ":") {
				t.Errorf("a paragraph is not a sentence: %q", b.Text)
			}
		}
		if !strings.Contains(RenderText(l), "I would like the following supporting statement to go with the request.") {
			t.Errorf("no lead-in to the statement:\n%s", RenderText(l))
		}
	}
}

func TestRecipientFor(t *testing.T) {
	eng, wal, sco, ni := []data.Nation{data.England}, []data.Nation{data.Wales}, []data.Nation{data.Scotland}, []data.Nation{data.NorthernIreland}
	consultant := data.Contact{ID: "consultant", Role: data.RoleClinician, Name: "Dr Aisha Rahman", Organisation: "Leicester Royal Infirmary"}
	phso := data.Contact{ID: "phso", Role: data.RoleOmbudsman, Organisation: "Parliamentary and Health Service Ombudsman", Nations: eng}
	nipso := data.Contact{ID: "nipso", Role: data.RoleOmbudsman, Organisation: "Northern Ireland Public Services Ombudsman", Nations: ni}
	pals := data.Contact{ID: "pals", Role: data.RolePALS, Organisation: "Leicester Royal Infirmary"}
	otherPALS := data.Contact{ID: "pals2", Role: data.RolePALS, Organisation: "Kettering General Hospital"}
	local := data.Contact{ID: "local", Role: data.RoleAdvocacy, Organisation: "Compass Advocacy"}
	pass := data.Contact{ID: "pass", Role: data.RoleAdvocacy, Organisation: "PASS Scotland", Nations: sco}
	llais := data.Contact{ID: "llais", Role: data.RoleAdvocacy, Organisation: "Llais Cardiff and Vale", Nations: wal}
	hscComplaints := data.Contact{ID: "belfast", Role: data.RoleComplaints, Organisation: "Belfast HSC Trust", Nations: ni}
	icb := data.Contact{ID: "icb", Role: data.RoleCommissioner, Organisation: "Leicester, Leicestershire and Rutland ICB", Nations: eng}
	sppg := data.Contact{ID: "sppg", Role: data.RoleCommissioner, Organisation: "SPPG", Nations: ni}
	all := []data.Contact{consultant, phso, nipso, pals, otherPALS, local, pass, llais, hscComplaints, icb, sppg}
	req := data.Request{RecipientID: "consultant"}
	tests := []struct {
		kind   string
		nation data.Nation
		req    data.Request
		want   string
	}{
		{data.KindSecondOpinionDiagnosis, data.England, req, "consultant"},
		{data.KindPALS, data.England, req, "pals"}, // the provider's own, not the first PALS listed
		{data.KindPALS, data.England, data.Request{}, ""},
		{data.KindOmbudsman, data.NorthernIreland, req, "nipso"},
		{data.KindOmbudsman, data.England, req, "phso"},
		{data.KindOmbudsman, data.Scotland, req, ""}, // no SPSO: ask, never England's
		{data.KindAdvocacy, data.Scotland, req, "pass"},
		{data.KindAdvocacy, data.Wales, req, "llais"},
		{data.KindAdvocacy, data.England, req, "local"},
		{data.KindComplaint, data.England, req, "icb"}, // never Belfast's trust for a patient in Leicester
		{data.KindComplaint, data.NorthernIreland, req, "belfast"},
		{data.KindIFRReconsideration, data.England, req, "icb"},
		{data.KindIFRReconsideration, data.NorthernIreland, req, "sppg"},
		{data.KindIFRReconsideration, data.Wales, req, ""},
		{data.KindRecordsRequest, data.England, req, "consultant"}, // the hospital holds them
		{data.KindAppeal, data.England, req, ""},
		{"thank-you-note", data.England, req, ""},
	}
	for _, tt := range tests {
		got := ChooseRecipient(tt.kind, tt.req, tt.nation, all)
		if got.ID != tt.want {
			t.Errorf("%s in %s: %q, want %q", tt.kind, tt.nation, got.ID, tt.want)
		}
		if got.ID == "" && got.Note == "" {
			t.Errorf("%s in %s: nobody chosen and no note to say whom to choose", tt.kind, tt.nation)
		}
	}
	if got := RecipientFor(data.KindPALS, data.Request{}, data.England, nil); got != "" {
		t.Errorf("no contacts: %q", got)
	}
}

func TestLettersForTheDoctorGoToThePersonsOwnDoctor(t *testing.T) {
	gp := data.Contact{ID: "gp", Name: "Dr Munro", Role: data.RoleGP}
	stranger := data.Contact{ID: "c", Name: "Dr Rees", Role: data.RoleClinician}
	req := data.Request{RecipientID: "gp"}
	for _, kind := range []string{data.KindReviewTreatment, data.KindSecondOpinionDiagnosis, data.KindAskAgain} {
		if got := RecipientFor(kind, req, data.Scotland, []data.Contact{stranger, gp}); got != "gp" {
			t.Errorf("%s went to %q, want the person's own GP", kind, got)
		}
		if got := RecipientFor(kind, data.Request{}, data.Scotland, []data.Contact{stranger, gp}); got != "" {
			t.Errorf("%s with no doctor chosen went to %q; the user should be asked", kind, got)
		}
	}
}
