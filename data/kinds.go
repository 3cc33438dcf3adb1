package data

// Letter kind ids, shared by the letters (which write them) and the process
// rules (which say which letter comes next). Titles live in letters.
const (
	KindReviewTreatment        = "review-treatment"
	KindReviewDiagnosis        = "review-diagnosis"
	KindSecondOpinionTreatment = "second-opinion-treatment"
	KindSecondOpinionDiagnosis = "second-opinion-diagnosis"
	KindAskAgain               = "ask-again"
	KindPALS                   = "pals"
	KindAdvocacy               = "advocacy"
	KindComplaint              = "complaint"
	KindIFRRequest             = "ifr-request"
	KindIFRReconsideration     = "ifr-reconsideration"
	KindAppeal                 = "appeal"
	KindRecordsRequest         = "records-request"
	KindOmbudsman              = "ombudsman"
	KindClinicianReferral      = "clinician-referral"
	KindReceptionReceipt       = "reception-receipt"
)

// LetterKinds lists every kind in the order of the ladder.
var LetterKinds = []string{
	KindReviewTreatment, KindReviewDiagnosis, KindSecondOpinionTreatment, KindSecondOpinionDiagnosis,
	KindAskAgain, KindPALS, KindAdvocacy, KindComplaint, KindIFRRequest, KindIFRReconsideration,
	KindAppeal, KindRecordsRequest, KindOmbudsman, KindClinicianReferral, KindReceptionReceipt,
}

// Sender is the person the letters come from when they are not from the
// patient: a carer, an advocate, a surgery. Kept in settings.
type Sender struct {
	Name         string
	Role         string // "Advocate", "Practice manager"; blank for a relative
	Organisation string
	Address      string
	Phone        string
	Email        string
	// RecordsDeskRequests is a surgery's own statement that it adds every
	// request made at the desk to the patient's medical record; only then
	// does the receipt tell the patient so. Off unless the practice says.
	RecordsDeskRequests bool `json:",omitempty"`
}

// Validate checks the sender's details before saving.
func (s Sender) Validate() error {
	var ps Problems
	checkText(&ps, "Name", "Your name", s.Name, LimitName, false)
	checkText(&ps, "Role", "Your role", s.Role, LimitLine, false)
	checkText(&ps, "Organisation", "Your organisation", s.Organisation, LimitName, false)
	checkText(&ps, "Address", "Your address", s.Address, LimitAddress, true)
	if msg := CheckPhone(s.Phone); msg != "" {
		ps.add("Phone", msg)
	}
	if msg := CheckEmail(s.Email); msg != "" {
		ps.add("Email", msg)
	}
	return ps.orNil()
}
