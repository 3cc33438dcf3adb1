package letters

import (
	"fmt"
	"strings"

	"secondopinion/data"
)

// Input is everything a letter is composed from.
type Input struct {
	Kind      string
	Person    data.Person
	Request   data.Request
	Recipient data.Contact
	Sender    data.Sender
	Date      data.Date
	// Steps is the request's timeline. A letter reflects only what had
	// happened by its date: Compose uses the steps dated on or before Date
	// (undated steps are left out), and never the letter's own "letter
	// sent" step or anything after it, so a copy of a letter sent in June
	// does not mention a reply that came in July.
	Steps []data.Step
	// ReplyDays is the time the letter asks for a reply in: the user's
	// chase period, so the letter and the agenda agree. 0 means 14.
	ReplyDays int
	// LetterID is the saved letter's id, if any: its "letter sent" step
	// marks where the timeline ends. Without it, the last letter of this
	// kind sent on Date is taken to be this one.
	LetterID string
}

// Compose writes the letter of the given kind from the records.
func Compose(in Input) (Letter, error) {
	build, ok := builders[in.Kind]
	if !ok {
		return Letter{}, fmt.Errorf("there is no letter of the kind %q", in.Kind)
	}
	c := newComposer(in)
	build(c)
	return c.letter(), nil
}

var builders = map[string]func(*composer){
	data.KindReviewTreatment:        reviewTreatment,
	data.KindReviewDiagnosis:        reviewDiagnosis,
	data.KindSecondOpinionTreatment: secondOpinionTreatment,
	data.KindSecondOpinionDiagnosis: secondOpinionDiagnosis,
	data.KindAskAgain:               askAgain,
	data.KindPALS:                   pals,
	data.KindAdvocacy:               advocacy,
	data.KindComplaint:              complaint,
	data.KindIFRRequest:             ifrRequest,
	data.KindIFRReconsideration:     ifrReconsideration,
	data.KindAppeal:                 appeal,
	data.KindRecordsRequest:         recordsRequest,
	data.KindOmbudsman:              ombudsman,
	data.KindClinicianReferral:      clinicianReferral,
	data.KindReceptionReceipt:       receptionReceipt,
}

// composer gathers one letter as it is written.
type composer struct {
	in   Input
	req  data.Request
	f    data.NationFacts
	v    voice
	t    timeline
	out  Letter
	from fromWho
	// saidTreatment is set once the letter names the current treatment,
	// so the history below does not name it again.
	saidTreatment bool
}

type fromWho int

const (
	fromPatientOrSender fromWho = iota // the patient, or the sender on their behalf
	fromSender                         // always the sender (a clinician)
	fromSurgery                        // the surgery, to the patient
)

func newComposer(in Input) *composer {
	name := clean(in.Person.Name)
	short := firstName(name)
	if name == "" {
		name, short = "the patient", "the patient"
	}
	return &composer{
		in:  in,
		req: in.Request,
		f:   data.FactsFor(in.Person.Nation),
		v:   voice{behalf: in.Request.OnBehalf, name: name, short: short, pron: in.Person.Pronouns},
		t:   newTimeline(in.Steps, in.Date, in.Kind, in.LetterID),
		out: Letter{Kind: in.Kind, Date: in.Date},
	}
}

// letter finishes the letter: addresses, greeting and signature follow
// from who writes to whom.
func (c *composer) letter() Letter {
	l := c.out
	l.Person = clean(c.in.Person.Name) // continuation pages name the patient, not the signer
	switch {
	case c.from == fromSurgery:
		l.From = c.surgeryLines()
		if clean(c.in.Sender.Organisation) == "" && clean(c.in.Sender.Name) == "" {
			l.From = append([]string{PlaceholderPractice}, l.From...)
		}
		l.To = personLines(c.in.Person)
		l.Salutation = "Dear " + c.greetingName(c.in.Person) + ","
		l.Closing = "Yours sincerely,"
		l.Signature = c.senderSignature(false)
		return l
	case c.from == fromSender || c.v.behalf:
		l.From = senderLines(c.in.Sender)
		l.Signature = c.senderSignature(c.v.behalf)
	default:
		l.From = personLines(c.in.Person)
		l.From = append(l.From, contactLines(c.in.Person.Phone, c.in.Person.Email)...)
		if n := clean(c.in.Person.Name); n != "" {
			l.Signature = []string{n}
		}
	}
	l.To = recipientLines(c.in.Recipient)
	if len(l.To) == 0 && c.in.Kind == data.KindOmbudsman {
		l.To = []string{c.f.Ombudsman}
	}
	l.NoRecipientAddress = len(lines(c.in.Recipient.Address)) == 0
	l.Salutation, l.Closing = c.greeting()
	return l
}

// greeting follows British use: "Yours sincerely" to someone named,
// "Yours faithfully" after "Dear Sir or Madam".
func (c *composer) greeting() (string, string) {
	if n := clean(c.in.Recipient.Name); n != "" {
		return "Dear " + addressName(n) + ",", "Yours sincerely,"
	}
	if c.from == fromSender {
		return "Dear colleague,", "Yours sincerely,"
	}
	return "Dear Sir or Madam,", "Yours faithfully,"
}

// greetingName greets the person by their title and surname when a title
// is recorded ("Ms O'Brien-Ng"), else by their full name.
func (c *composer) greetingName(p data.Person) string {
	name := clean(p.Name)
	if name == "" {
		return "patient"
	}
	if p.Title != data.TitleNone && len(strings.Fields(name)) > 1 {
		return addressName(string(p.Title) + " " + name)
	}
	if p.Title != data.TitleNone {
		return string(p.Title) + " " + name
	}
	return addressName(name)
}

// personLines are the name and address on an envelope to the person,
// with their title when one is recorded.
func personLines(p data.Person) []string {
	var out []string
	if n := clean(p.Name); n != "" {
		if p.Title != data.TitleNone {
			n = string(p.Title) + " " + n
		}
		out = append(out, n)
	}
	return append(out, lines(p.Address)...)
}

func senderLines(s data.Sender) []string {
	var out []string
	for _, l := range []string{s.Name, s.Organisation} {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	out = append(out, lines(s.Address)...)
	return append(out, contactLines(s.Phone, s.Email)...)
}

func (c *composer) surgeryLines() []string {
	s := c.in.Sender
	var out []string
	if o := clean(s.Organisation); o != "" {
		out = append(out, o)
	} else if n := clean(s.Name); n != "" {
		out = append(out, n)
	}
	out = append(out, lines(s.Address)...)
	return append(out, contactLines(s.Phone, s.Email)...)
}

func contactLines(phone, email string) []string {
	var out []string
	if p := clean(phone); p != "" {
		out = append(out, "Phone: "+p)
	}
	if e := clean(email); e != "" {
		out = append(out, "Email: "+e)
	}
	return out
}

func recipientLines(ct data.Contact) []string {
	var out []string
	for _, l := range []string{ct.Name, ct.Organisation} {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	return append(out, lines(ct.Address)...)
}

// senderSignature is the name, then what the sender is: their role and
// organisation, or whom they write for.
func (c *composer) senderSignature(behalf bool) []string {
	s := c.in.Sender
	var out []string
	if n := clean(s.Name); n != "" {
		out = append(out, n)
	} else {
		// A referral, a receipt or a letter on someone's behalf must be
		// signed by someone: left blank, it prints visibly incomplete.
		out = append(out, PlaceholderName)
	}
	var role []string
	for _, p := range []string{s.Role, s.Organisation} {
		if p = clean(p); p != "" {
			role = append(role, p)
		}
	}
	if len(role) > 0 {
		out = append(out, strings.Join(role, ", "))
	}
	if behalf && c.in.Kind != data.KindClinicianReferral {
		out = append(out, "On behalf of "+c.v.name)
	}
	return out
}

// p adds a paragraph of the non-empty parts; nothing if all are empty.
func (c *composer) p(parts ...string) {
	var keep []string
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			keep = append(keep, s)
		}
	}
	if len(keep) > 0 {
		c.out.Body = append(c.out.Body, para(strings.Join(keep, " ")))
	}
}

// bullets adds the intro and the list, or nothing when every item is empty.
func (c *composer) bullets(intro string, items ...string) bool {
	var keep []string
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			keep = append(keep, s)
		}
	}
	if len(keep) == 0 {
		return false
	}
	c.p(intro)
	c.out.Body = append(c.out.Body, list(keep...))
	return true
}

func (c *composer) subject(self, behalf string) {
	if c.v.behalf {
		c.out.Subject = behalf + ": " + c.patientRef()
		return
	}
	c.out.Subject = self
}

// patientRef names the patient for a subject line: name and date of
// birth, with the name the NHS record holds in a letter to the NHS.
func (c *composer) patientRef() string {
	ref := c.v.name
	if n := c.nhsName(); n != "" {
		ref = n
	}
	if d := c.in.Person.DateOfBirth; !d.IsZero() {
		ref += ", born " + d.Long()
	}
	return ref
}

// nhsName is the name the person's NHS record holds, in a letter to an NHS
// body, when it differs from the name they use; otherwise "".
func (c *composer) nhsName() string {
	n := clean(c.in.Person.NHSName)
	if n == "" || n == clean(c.in.Person.Name) || !toNHS(c.in.Kind) {
		return ""
	}
	return n
}

// toNHS reports whether the letter's reader is an NHS body, which finds the
// person by the name on their record. Advocacy services, the ombudsman and
// the person themselves are not.
func toNHS(kind string) bool {
	switch kind {
	case data.KindAdvocacy, data.KindOmbudsman, data.KindReceptionReceipt:
		return false
	}
	return true
}

// identify opens the letter by saying who it is about. In the patient's
// own letters the details go at the end of the first paragraph.
func (c *composer) identify() string {
	p := c.in.Person
	dob, nhs, record := p.DateOfBirth.Long(), nhsNumber(p.NHSNumber), c.nhsName()
	if !c.v.behalf {
		facts := nonEmpty(wrap("my health record is in the name ", record, ""),
			wrap("my date of birth is ", dob, ""), wrap("my "+c.f.PatientNumber+" is ", nhs, ""))
		return wrap("For your records, ", joinAnd(facts), ".")
	}
	who := nonEmpty(wrap("name on the health record ", record, ""), wrap("date of birth ", dob, ""), wrap(c.f.PatientNumber+" ", nhs, ""))
	whom := c.v.name
	if rel := c.relationship(); rel != "" {
		whom = rel + ", " + whom
	}
	if len(who) > 0 {
		whom += " (" + strings.Join(who, ", ") + ")"
	}
	if !p.HasConsent() {
		// Nothing recorded says the person agreed to the writer acting for
		// them, so the letter claims no consent, and says so plainly.
		return "I am writing to support a request from " + whom + ". I do not yet have " + possessive(c.v.short) +
			" written consent to act " + c.actFor() + ", so until I send it, please write to " + c.v.objName() +
			" directly about anything you cannot share with me."
	}
	return "I am writing on behalf of " + whom + ". " + c.consentSentence()
}

// actFor is "for her" with recorded pronouns; without, "in this matter",
// since "Zoë gave me consent to act for Zoë" reads badly.
func (c *composer) actFor() string {
	if p := c.v.pron.Object(); p != "" {
		return "for " + p
	}
	return "in this matter"
}

// relationship is who the person is to the writer, as a phrase before
// their name: "my son". Recorded as "son" or "My son", it reads the same.
func (c *composer) relationship() string {
	rel := trimStop(clean(c.in.Person.Relationship))
	if rel == "" {
		return ""
	}
	if rel != strings.ToUpper(rel) {
		rel = strings.ToLower(rel[:1]) + rel[1:]
	}
	first, _, _ := strings.Cut(rel, " ")
	if first != "my" && first != "our" {
		rel = "my " + rel
	}
	return rel
}

// consentSentence is the one statement of the person's recorded written
// consent for the writer to act for them: it answers a doctor's first
// question, whether they may discuss the matter with the writer.
func (c *composer) consentSentence() string {
	p := c.in.Person
	s := c.v.short + " gave me written consent on " + p.ConsentOn.Long() + " to act " + c.actFor()
	if scope := trimStop(clean(p.ConsentScope)); scope != "" {
		s += " (" + lowerFirst(scope) + ")"
	}
	return s + ", so you can discuss this with me. I can send you a copy of the consent."
}

// background is the patient's history as a short list, for the doctor.
// Medication the letter has already named is not listed again.
func (c *composer) background(intro string) bool {
	return c.bullets(intro, backgroundItems(c.req, c.saidTreatment)...)
}

// backgroundItems are the history's lines. When the treatment is already
// said (in a sentence, or a line of its own), the current medication line
// gives only what it adds.
func backgroundItems(r data.Request, saidTreatment bool) []string {
	current := labelled("Current medication and doses", r.CurrentMedication)
	if saidTreatment {
		current = labelled("Other current medication", besides(r.CurrentMedication, r.Treatment))
	}
	return []string{
		unwellItem(r.UnwellSince),
		labelled("Hospital admissions", r.Admissions),
		labelled("Medication tried so far", r.MedicationsTried),
		current,
		labelled("Side effects", r.SideEffects),
	}
}

func labelled(label, text string) string {
	if t := trimStop(clean(text)); t != "" {
		return label + ": " + lowerFirst(t)
	}
	return ""
}

// dailyLife is what the illness stops the patient doing, in the words
// recorded: the letter adds no judgement of its own about how much.
func (c *composer) dailyLife() string { return sentence(c.req.Problems) }

// reply says how to answer, from what the writer has given.
func (c *composer) reply() string {
	phone, email, addr := c.replyTo()
	switch {
	case c.req.ReplyMethod == data.ReplyByEmail && email != "":
		return "Please reply by email to " + email + "."
	case c.req.ReplyMethod == data.ReplyByPhone && phone != "":
		return "I would welcome a phone call on " + phone + ", and a reply in writing so that I have a record."
	case addr != "":
		return "Please reply in writing to the address above."
	case email != "":
		return "Please reply by email to " + email + "."
	case phone != "":
		return "Please call me on " + phone + "."
	}
	return ""
}

// replyTo is the writer's phone, email and address, tidied: the
// patient's own, or the sender's when someone else writes.
func (c *composer) replyTo() (phone, email, addr string) {
	phone, email, addr = c.in.Person.Phone, c.in.Person.Email, c.in.Person.Address
	if c.v.behalf || c.from == fromSender {
		phone, email, addr = c.in.Sender.Phone, c.in.Sender.Email, c.in.Sender.Address
	}
	return clean(phone), clean(email), strings.TrimSpace(addr)
}

// commissioner is the body named in full at first mention: "Integrated
// Care Board (ICB)", or "local health board" where there is no acronym.
func (c *composer) commissioner() string {
	if c.f.CommissionerShort == strings.ToUpper(c.f.CommissionerShort) && !strings.Contains(c.f.CommissionerShort, " ") {
		return c.f.Commissioner + " (" + c.f.CommissionerShort + ")"
	}
	return c.f.Commissioner
}

func (c *composer) fundingRequest() string { return c.f.FundingRequestNamed() }

func (c *composer) condition() string { return clean(c.req.Condition) }
func (c *composer) treatment() string { return clean(c.req.Treatment) }

// thing is what the treatment letters call it: treatment or medication.
func (c *composer) thing() string {
	if c.req.Subject == data.SubjectMedication {
		return "medication"
	}
	return "treatment"
}
