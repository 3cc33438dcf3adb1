package data

import "time"

// Person is the patient a request is about.
type Person struct {
	ID          string
	Name        string
	DateOfBirth Date
	Address     string // several lines, as written on an envelope
	Phone       string
	Email       string
	NHSNumber   string // optional; 10 digits passing the modulus-11 check
	Nation      Nation
	Notes       string

	// How letters speak of and to the person (see person_address.go), and
	// the name as their NHS record holds it, when it differs from Name:
	// letters to NHS bodies use it, so that they match the record.
	Pronouns Pronouns
	Title    Title
	NHSName  string
	// Relationship is who the person is to the user, in the user's words
	// ("my son", "my client"); letters on their behalf say it.
	Relationship string

	// ConsentOn is when the person gave written consent for an advocate to
	// act for them, and ConsentScope what it covers; letters written on
	// their behalf mention it.
	ConsentOn    Date
	ConsentScope string
	// Flags are the advocate's or surgery's own labels ("urgent", "interpreter").
	Flags []string

	// AnonymisedOn is when the person's identity was removed once their
	// records were past the retention period (their requests kept for the
	// figures); zero for everyone else.
	AnonymisedOn Date

	CreatedAt time.Time
	UpdatedAt time.Time
	// Version counts the saves of the record; a save made from an older
	// version than the one stored is refused (see store.Conflict).
	Version int
}

// HasConsent reports whether written consent has been recorded.
func (p Person) HasConsent() bool { return !p.ConsentOn.IsZero() }

// Contact is anyone a letter can go to: a clinician, PALS, an ICB, an
// advocacy service, an ombudsman.
type Contact struct {
	ID           string
	Name         string // a person's name, or blank when writing to a team
	Role         ContactRole
	Organisation string
	Address      string
	Email        string
	Phone        string
	Notes        string
	LastVerified Date // for the national bodies shipped with the program
	// FundingReviewDays is how long this ICB or board allows to ask for a
	// reconsideration or review of a refused funding request; 0 if unknown.
	FundingReviewDays int
	// Nations are the nations this body serves; empty for a local contact
	// whose nation was not given. A letter never goes to a body that serves
	// only other nations than the person's.
	Nations []Nation
	// RefusalPolicy records that this provider's own second-opinion policy
	// promises a refusal explained in writing within 7 days, with an appeal
	// to its medical director. It is one trust's policy, not a national
	// rule, so it is off unless the user turns it on.
	RefusalPolicy bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
	// Version counts the saves of the record; a save made from an older
	// version than the one stored is refused (see store.Conflict).
	Version int
}

// Serves reports whether the contact may receive letters about a person in
// nation n: it serves n, or its nations were never given.
func (c Contact) Serves(n Nation) bool {
	if len(c.Nations) == 0 {
		return true
	}
	for _, x := range c.Nations {
		if x == n {
			return true
		}
	}
	return false
}

// ServesOnly reports whether the contact is known to serve nation n.
func (c Contact) ServesOnly(n Nation) bool { return len(c.Nations) > 0 && c.Serves(n) }

// DisplayName is the name, the organisation, or both.
func (c Contact) DisplayName() string {
	switch {
	case c.Name != "" && c.Organisation != "":
		return c.Name + ", " + c.Organisation
	case c.Name != "":
		return c.Name
	}
	return c.Organisation
}

// Request is one person's request for a review or a second opinion, with
// everything the letters draw on. Its state follows from its steps.
type Request struct {
	ID             string
	PersonID       string
	Subject        Subject
	Route          Route
	AskedBy        AskedBy
	AskedHow       AskedHow
	ReasonCategory ReasonCategory
	OnBehalf       bool // letters are written by the user on the person's behalf
	RecipientID    string

	// What the request is about, in the person's words.
	Condition        string // the diagnosis in question, or the condition treated
	Treatment        string // the treatment or medication in question
	RaisedWithDoctor bool
	Reason           string // why they disagree, or think the treatment is not working
	OutcomeWanted    string

	// Background the letters draw on; every part is optional.
	UnwellSince       string // "since 2019", "for three years"
	Admissions        string
	MedicationsTried  string
	CurrentMedication string
	Problems          string // what the illness stops them doing
	SideEffects       string
	AlreadyTried      string // what was already tried with this doctor
	ReplyMethod       ReplyMethod

	// For a clinician's request to a colleague; every part is optional.
	TestsAndAssessments string
	RiskAssessment      string
	Questions           string // one question per line
	Timescale           string // "within four weeks", "before the review on 3 March"

	CreatedAt time.Time
	UpdatedAt time.Time
	// Version counts the saves of the record; a save made from an older
	// version than the one stored is refused (see store.Conflict).
	Version int
}

// Letter is one letter of a request: its kind, recipient and, once the
// user edits it, the edited text, which is never thrown away silently.
type Letter struct {
	ID          string
	RequestID   string
	Kind        string // a letters kind id, e.g. "review-treatment"
	RecipientID string
	Body        string // the edited text; empty means "compose from the records"
	LargePrint  bool
	SentOn      Date
	SentHow     SentHow
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// Version counts the saves of the record; a save made from an older
	// version than the one stored is refused (see store.Conflict).
	Version int
}

// Edited reports whether the user has changed the composed text.
func (l Letter) Edited() bool { return l.Body != "" }

// Sent reports whether the letter has gone out.
func (l Letter) Sent() bool { return !l.SentOn.IsZero() }

// Step is one dated event on a request's timeline. A step may set a due
// date: what the other side owes, or what the user should do, by then.
type Step struct {
	ID         string
	RequestID  string
	On         Date
	Kind       StepKind
	Outcome    Outcome // for replies and closing
	LetterID   string  // the letter sent, for letter-sent steps
	LetterKind string  // its kind, kept here so the rules need no letters
	Summary    string  // what was said or done
	DueOn      Date
	DueWhat    string // what is owed by DueOn
	Minutes    int    // time the advocate spent on it
	Attachment string // a file inside the data folder, relative to it
	// For a letter sent: how it went, and the day the other side received
	// it when known. Their time to answer runs from receipt.
	SentHow    SentHow
	ReceivedOn Date
	NoReasons  bool // a refusal that gave no reasons for it
	CreatedAt  time.Time
}

// Title names a request by what it is about: "Diagnosis: asthma",
// "Treatment: methotrexate", "Medication for epilepsy".
func (r Request) Title() string {
	what := r.Subject.Label()
	switch {
	case r.Subject == SubjectDiagnosis && r.Condition != "":
		what += ": " + r.Condition
	case r.Treatment != "":
		what += ": " + r.Treatment
	case r.Condition != "":
		what += " for " + r.Condition
	}
	return what
}
