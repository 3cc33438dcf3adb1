package data

// Each enum is stored as its short string; Label is what a person reads.

// Nation decides the health bodies, ombudsman, deadlines and bank holidays.
type Nation string

const (
	England         Nation = "england"
	Wales           Nation = "wales"
	Scotland        Nation = "scotland"
	NorthernIreland Nation = "northern-ireland"
)

// Nations lists every nation in display order.
var Nations = []Nation{England, Wales, Scotland, NorthernIreland}

func (n Nation) Label() string {
	switch n {
	case England:
		return "England"
	case Wales:
		return "Wales"
	case Scotland:
		return "Scotland"
	case NorthernIreland:
		return "Northern Ireland"
	}
	return string(n)
}

// Subject is what the person has doubts about.
type Subject string

const (
	SubjectDiagnosis  Subject = "diagnosis"
	SubjectTreatment  Subject = "treatment"
	SubjectMedication Subject = "medication"
)

var Subjects = []Subject{SubjectDiagnosis, SubjectTreatment, SubjectMedication}

func (s Subject) Label() string {
	switch s {
	case SubjectDiagnosis:
		return "Diagnosis"
	case SubjectTreatment:
		return "Treatment"
	case SubjectMedication:
		return "Medication"
	}
	return string(s)
}

// Route is the way the person is going about it.
type Route string

const (
	RouteReview    Route = "review"      // ask the same doctor to look again
	RouteLocal     Route = "local"       // another doctor in the same or a local team
	RouteOutOfArea Route = "out-of-area" // specialist elsewhere, funded through an IFR
)

var Routes = []Route{RouteReview, RouteLocal, RouteOutOfArea}

func (r Route) Label() string {
	switch r {
	case RouteReview:
		return "Ask the doctor to review"
	case RouteLocal:
		return "Local second opinion"
	case RouteOutOfArea:
		return "Out-of-area specialist (funding request)"
	}
	return string(r)
}

// AskedBy is who made the request.
type AskedBy string

const (
	AskedBySelf      AskedBy = "self"
	AskedByCarer     AskedBy = "carer"
	AskedByAdvocate  AskedBy = "advocate"
	AskedBySurgery   AskedBy = "surgery"
	AskedByClinician AskedBy = "clinician"
)

var AskedBys = []AskedBy{AskedBySelf, AskedByCarer, AskedByAdvocate, AskedBySurgery, AskedByClinician}

func (a AskedBy) Label() string {
	switch a {
	case AskedBySelf:
		return "The patient"
	case AskedByCarer:
		return "A carer, relative or friend"
	case AskedByAdvocate:
		return "An advocate"
	case AskedBySurgery:
		return "The GP surgery"
	case AskedByClinician:
		return "A clinician"
	}
	return string(a)
}

// AskedHow records whether the request was spoken or written; verbal
// requests must be recorded too.
type AskedHow string

const (
	AskedVerbally  AskedHow = "verbal"
	AskedInWriting AskedHow = "written"
)

var AskedHows = []AskedHow{AskedVerbally, AskedInWriting}

func (a AskedHow) Label() string {
	switch a {
	case AskedVerbally:
		return "Verbally (in person or by phone)"
	case AskedInWriting:
		return "In writing"
	}
	return string(a)
}

// ReplyMethod is how the person would like to be answered.
type ReplyMethod string

const (
	ReplyByLetter ReplyMethod = "letter"
	ReplyByPhone  ReplyMethod = "phone"
	ReplyByEmail  ReplyMethod = "email"
)

var ReplyMethods = []ReplyMethod{ReplyByLetter, ReplyByPhone, ReplyByEmail}

func (r ReplyMethod) Label() string {
	switch r {
	case ReplyByLetter:
		return "By letter"
	case ReplyByPhone:
		return "By phone"
	case ReplyByEmail:
		return "By email"
	}
	return string(r)
}

// ContactRole says what a contact is, and so which letters it can receive.
type ContactRole string

const (
	RoleGP              ContactRole = "gp"
	RoleClinician       ContactRole = "clinician"
	RoleMedicalDirector ContactRole = "medical-director"
	RolePALS            ContactRole = "pals"
	RoleComplaints      ContactRole = "complaints"
	RoleCommissioner    ContactRole = "commissioner" // ICB, health board, NHS board or SPPG
	RoleAdvocacy        ContactRole = "advocacy"
	RoleOmbudsman       ContactRole = "ombudsman"
	RoleRecords         ContactRole = "records" // data protection or records team
	RoleService         ContactRole = "service"
	RoleOther           ContactRole = "other"
)

var ContactRoles = []ContactRole{RoleGP, RoleClinician, RoleMedicalDirector, RolePALS, RoleComplaints,
	RoleCommissioner, RoleAdvocacy, RoleOmbudsman, RoleRecords, RoleService, RoleOther}

func (r ContactRole) Label() string {
	switch r {
	case RoleGP:
		return "GP or GP practice"
	case RoleClinician:
		return "Consultant or clinician"
	case RoleMedicalDirector:
		return "Medical director"
	case RolePALS:
		return "PALS or patient advice team"
	case RoleComplaints:
		return "Complaints team"
	case RoleCommissioner:
		return "Commissioner (ICB, health board, NHS board or SPPG)"
	case RoleAdvocacy:
		return "Advocacy service"
	case RoleOmbudsman:
		return "Ombudsman"
	case RoleRecords:
		return "Records or data protection team"
	case RoleService:
		return "Health service"
	case RoleOther:
		return "Other"
	}
	return string(r)
}

// StepKind is what happened on a step of a request's timeline.
type StepKind string

const (
	StepLetterSent StepKind = "letter-sent"
	StepCall       StepKind = "call"
	StepReply      StepKind = "reply"
	StepMeeting    StepKind = "meeting"
	StepNote       StepKind = "note"
	StepClosed     StepKind = "closed"
)

var StepKinds = []StepKind{StepLetterSent, StepCall, StepReply, StepMeeting, StepNote, StepClosed}

func (k StepKind) Label() string {
	switch k {
	case StepLetterSent:
		return "Letter sent"
	case StepCall:
		return "Phone call"
	case StepReply:
		return "Reply received"
	case StepMeeting:
		return "Meeting"
	case StepNote:
		return "Note"
	case StepClosed:
		return "Closed"
	}
	return string(k)
}

// Outcome is what a reply said, or how a closed request ended.
type Outcome string

const (
	OutcomeNone      Outcome = ""
	OutcomeAgreed    Outcome = "agreed"
	OutcomeRefused   Outcome = "refused"
	OutcomePartly    Outcome = "partly"
	OutcomeNoReply   Outcome = "no-reply"
	OutcomeWithdrawn Outcome = "withdrawn"
)

var ReplyOutcomes = []Outcome{OutcomeAgreed, OutcomeRefused, OutcomePartly, OutcomeNoReply}

func (o Outcome) Label() string {
	switch o {
	case OutcomeAgreed:
		return "Agreed"
	case OutcomeRefused:
		return "Refused"
	case OutcomePartly:
		return "Partly agreed"
	case OutcomeNoReply:
		return "No reply"
	case OutcomeWithdrawn:
		return "Withdrawn"
	}
	return string(o)
}

// SentHow is how a letter went out.
type SentHow string

const (
	SentByPost  SentHow = "post"
	SentByEmail SentHow = "email"
	SentByHand  SentHow = "hand"
	SentOnline  SentHow = "online-form"
)

var SentHows = []SentHow{SentByPost, SentByEmail, SentByHand, SentOnline}

func (s SentHow) Label() string {
	switch s {
	case SentByPost:
		return "By post"
	case SentByEmail:
		return "By email"
	case SentByHand:
		return "By hand"
	case SentOnline:
		return "Through an online form"
	}
	return string(s)
}

// ReasonCategory groups the reasons people give, so a surgery or advocate
// can see trends without reading every request.
type ReasonCategory string

const (
	ReasonDisagreeDiagnosis ReasonCategory = "disagree-diagnosis"
	ReasonNotWorking        ReasonCategory = "not-working"
	ReasonSideEffects       ReasonCategory = "side-effects"
	ReasonWantsSpecialist   ReasonCategory = "wants-specialist"
	ReasonLostConfidence    ReasonCategory = "lost-confidence"
	ReasonOther             ReasonCategory = "other"
)

var ReasonCategories = []ReasonCategory{ReasonDisagreeDiagnosis, ReasonNotWorking, ReasonSideEffects,
	ReasonWantsSpecialist, ReasonLostConfidence, ReasonOther}

func (c ReasonCategory) Label() string {
	switch c {
	case ReasonDisagreeDiagnosis:
		return "Disagrees with the diagnosis"
	case ReasonNotWorking:
		return "Treatment is not working"
	case ReasonSideEffects:
		return "Side effects"
	case ReasonWantsSpecialist:
		return "Wants a specialist's view"
	case ReasonLostConfidence:
		return "Lost confidence in the care"
	case ReasonOther:
		return "Other"
	}
	return string(c)
}
