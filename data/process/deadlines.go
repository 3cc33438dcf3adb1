package process

import (
	"strconv"
	"strings"

	"secondopinion/data"
)

// Defaults for Config.
const (
	DefaultChaseDays = 14
	DefaultWarnDays  = 30
)

// Config holds what the user can set, and what the rules need to know
// about the other side.
type Config struct {
	ChaseDays int // days before a letter with no reply needs chasing; 0 means 14
	WarnDays  int // days before a time limit that it shows on the agenda; 0 means 30

	// Recipient is who the letter went to, for DueFor: its role tells a GP
	// practice from a trust, and an ICB carries its funding review limit.
	Recipient data.Contact
	// Contacts, by ID, let Agenda find each request's recipient.
	Contacts map[string]data.Contact
	// policyOrgs are the organisations with a contact recorded as having
	// the trust's refusal policy, by lower-case name (made by ConfigFor).
	policyOrgs map[string]bool
	// Them is how the next actions name the person the request is for,
	// when the reader is not that person: "your son", "the client".
	// Empty means the reader is the person ("you").
	Them string
	// Nation is the person's, so next actions name the right bodies
	// (PALS, the ICB, the IFR in England; their equivalents elsewhere).
	// Agenda sets it for each person itself.
	Nation data.Nation
}

// ConfigFor is the agenda's configuration for a caseload: its contacts by
// id, and the user's chase period (0 for the default).
func ConfigFor(contacts []data.Contact, chaseDays int) Config {
	cfg := Config{ChaseDays: chaseDays, Contacts: make(map[string]data.Contact, len(contacts))}
	for _, c := range contacts {
		cfg.Contacts[c.ID] = c
		if c.RefusalPolicy && c.Organisation != "" {
			if cfg.policyOrgs == nil {
				cfg.policyOrgs = map[string]bool{}
			}
			cfg.policyOrgs[strings.ToLower(strings.TrimSpace(c.Organisation))] = true
		}
	}
	return cfg
}

// trustPolicy reports whether the request went to a provider whose own
// policy promises written reasons for a refusal within 7 days and an
// appeal to its medical director: the recipient, or another contact of
// the same organisation, is recorded as having it. A GP practice never
// has a medical director, so never this policy.
func (c Config) trustPolicy() bool {
	r := c.Recipient
	if r.Role == data.RoleGP {
		return false
	}
	return r.RefusalPolicy || (r.Organisation != "" && c.policyOrgs[strings.ToLower(strings.TrimSpace(r.Organisation))])
}

// fundingBody is the ICB or board that decides funding requests: the
// request's recipient when it is one, else the only commissioner in the
// directory. A funding request goes to the GP or consultant, who sends it
// on, so the body is rarely the recipient; with several in the directory
// (an advocate's) there is no telling which, and the user is asked.
func (c Config) fundingBody() data.Contact {
	if c.Recipient.Role == data.RoleCommissioner {
		return c.Recipient
	}
	var only data.Contact
	n := 0
	for _, x := range c.Contacts {
		if x.Role == data.RoleCommissioner {
			only, n = x, n+1
		}
	}
	if n == 1 {
		return only
	}
	return data.Contact{}
}

// ReplyDays is the reply time letters ask for and the agenda chases after:
// the user's chase period, or the default.
func (c Config) ReplyDays() int { return c.chaseDays() }

func (c Config) chaseDays() int {
	if c.ChaseDays > 0 {
		return c.ChaseDays
	}
	return DefaultChaseDays
}

func (c Config) warnDays() int {
	if c.WarnDays > 0 {
		return c.WarnDays
	}
	return DefaultWarnDays
}

// dueKind decides what settles a deadline.
type dueKind int

const (
	// dueAck is owed a sign of life: any later step settles it.
	dueAck dueKind = iota
	// dueAnswer is owed an answer: a reply with an outcome settles it, or
	// moving on with another letter.
	dueAnswer
	// dueLimit is the user's own time limit: it shows only as it nears,
	// and is met by the letter it is for, or overtaken by a later answer.
	dueLimit
)

// Deadline is one date a step sets: what is owed, or what to do, by then.
type Deadline struct {
	Due  data.Date
	What string
	Rule Rule

	kind  dueKind
	metBy []string // letter kinds that meet a time limit
}

// DueFor is the date and text to store on a new step (Step.DueOn and
// Step.DueWhat): the earliest deadline the step sets, or zero values when
// it sets none. It knows only the step; DueAfter also uses the request's
// earlier steps and is more precise.
func DueFor(step data.Step, nation data.Nation, cfg Config) (data.Date, string) {
	return DueAfter(nil, step, nation, cfg)
}

// DueAfter is DueFor for a step added after earlier ones: it can tell a
// Scottish stage 2 complaint from stage 1, and what a reply answers.
func DueAfter(earlier []data.Step, step data.Step, nation data.Nation, cfg Config) (data.Date, string) {
	ds := Deadlines(earlier, step, nation, cfg)
	if len(ds) == 0 {
		return data.Date{}, ""
	}
	return ds[0].Due, ds[0].What
}

// RecordsExtendedDue is the due date of a subject access request that the
// organisation has extended (it must say so within the first month).
func RecordsExtendedDue(received data.Date) (data.Date, string) {
	return received.AddMonths(3), "Copies of records owed (extended by two months)"
}

// Deadlines lists every deadline a step sets, earliest first. earlier are
// the request's steps before it, in timeline order; nil is allowed.
func Deadlines(earlier []data.Step, step data.Step, nation data.Nation, cfg Config) []Deadline {
	return appendDeadlines(nil, earlier, step, nation, cfg)
}

// appendDeadlines is Deadlines appending to dst, so the agenda can reuse
// one buffer for every step.
func appendDeadlines(ds []Deadline, earlier []data.Step, step data.Step, nation data.Nation, cfg Config) []Deadline {
	add := func(due data.Date, what string, r Rule, k dueKind, metBy ...string) {
		ds = append(ds, Deadline{Due: due, What: what, Rule: r, kind: k, metBy: metBy})
	}
	on := step.On
	switch {
	case step.On.IsZero():
		return ds
	case step.Kind == data.StepLetterSent:
		// What the other side owes runs from the day they received it.
		got, note := Received(step, nation)
		k := step.LetterKind
		switch k {
		case data.KindRecordsRequest:
			add(NextWorkingDay(got.AddMonths(1), nation), "Copies of records owed (one calendar month)"+note, RuleRecords, dueAnswer)
		case data.KindComplaint:
			ds = complaintDeadlines(ds, earlier, step, got, note, nation, data.FactsFor(nation))
		case data.KindSecondOpinionTreatment, data.KindSecondOpinionDiagnosis, data.KindAskAgain:
			if cfg.trustPolicy() {
				add(addDays(got, 7), "Decision owed on the "+kindNoun(k)+": the trust's policy says a refusal comes with written reasons within 7 days"+note,
					RuleTrustPolicy, dueAnswer)
			}
			add(addDays(got, cfg.chaseDays()), chaseWhat(k, cfg)+note, RuleChase, dueAck)
		case data.KindReceptionReceipt:
			// The receipt goes to the patient, who owes nothing; the practice
			// owes an answer on the request it records, in the time the
			// practice set (the chase period).
			add(addDays(on, cfg.chaseDays()), "Answer owed to the patient on the request made at the surgery ("+strconv.Itoa(cfg.chaseDays())+" days, the practice's own time)",
				RuleChase, dueAnswer)
		default:
			if RungOf(k) != RungNone {
				add(addDays(got, cfg.chaseDays()), chaseWhat(k, cfg)+note, RuleChase, dueAck)
			}
		}
	case step.Kind == data.StepClosed:
		return ds
	case step.Outcome == data.OutcomeRefused || step.Outcome == data.OutcomePartly || step.Outcome == data.OutcomeNoReply:
		f := data.FactsFor(nation)
		switch answers(earlier, step) {
		case data.KindOmbudsman:
			// The ombudsman's decision is the end of the ladder.
		case data.KindRecordsRequest:
			add(on.AddMonths(3), "Last day to complain to the ICO about the records request (3 months from your last contact)",
				RuleICO, dueLimit)
		case data.KindIFRRequest:
			if days := cfg.fundingBody().FundingReviewDays; days > 0 {
				add(addDays(on, days), "Last day to ask the "+f.CommissionerShort+" for a reconsideration or review ("+strconv.Itoa(days)+" days)",
					RuleFundingReview, dueLimit, data.KindIFRReconsideration, data.KindAppeal)
			} else {
				add(on, "Ask the "+f.CommissionerShort+" whether the decision can be reconsidered or reviewed, and by when", RuleFundingReview, dueAck)
			}
		case data.KindIFRReconsideration:
			add(on.AddMonths(3), "Last day to apply for judicial review of the funding decision ("+f.JudicialReview+"): take legal advice now",
				ruleFor(RuleJudicialReview, nation), dueLimit)
		case data.KindComplaint:
			if f.Staged() && countLetters(earlier, data.KindComplaint) == 1 {
				add(stage2Limit(earlier, on, f), stage2What, ruleFor(RuleStage2Request, nation), dueLimit, data.KindComplaint)
				break
			}
			start := on // NI counts from the end of the complaints procedure
			if !f.OmbudsmanFromProcedure {
				start = eventDate(earlier, on)
			}
			add(start.AddMonths(f.OmbudsmanLimitMonths), "Last day to go to the "+f.OmbudsmanShort+" ("+months(f.OmbudsmanLimitMonths)+")",
				ruleFor(RuleOmbudsmanLimit, nation), dueLimit, data.KindOmbudsman)
		default:
			add(on.AddMonths(f.ComplaintLimitMonths), "Last day to complain ("+months(f.ComplaintLimitMonths)+" from "+ukDate(on)+")",
				ruleFor(RuleComplaintLimit, nation), dueLimit, data.KindComplaint)
		}
	}
	sortDeadlines(ds)
	return ds
}

const stage2What = "Last day to ask for stage 2 of the complaint"

// stage2Limit is the last day to ask for stage 2 after the stage 1 answer
// on answered: Scotland allows the later of 2 months from the answer and
// the complaint time limit from the event; Northern Ireland 30 days. With
// no refusal before the complaint (one about a delay, say), the event is
// taken to be the request's first step, never the answer itself.
func stage2Limit(earlier []data.Step, answered data.Date, f data.NationFacts) data.Date {
	if f.Stage2AfterDays > 0 {
		return answered.AddDays(f.Stage2AfterDays)
	}
	due := answered.AddMonths(f.Stage2AfterMonths)
	if fromEvent := eventDate(earlier, firstDated(earlier, answered)).AddMonths(f.ComplaintLimitMonths); fromEvent.After(due) {
		return fromEvent
	}
	return due
}

// Stage2Limit is the last day to ask for stage 2 of a complaint, exactly
// as the agenda shows it: the time limit set by the latest answer to the
// first complaint letter that nothing since has settled, with a date the
// user stored on that step in place of the rule's. It is false where
// complaints have one stage, or no such limit is open. steps are in
// timeline order.
func Stage2Limit(steps []data.Step, nation data.Nation) (data.Date, bool) {
	if !data.FactsFor(nation).Staged() {
		return data.Date{}, false
	}
	var limit data.Date
	found := false
	var buf []Deadline
	for i, s := range steps {
		buf = stepDeadlines(buf[:0], steps[:i], s, nation, Config{})
		for _, d := range buf {
			if d.What == stage2What && !settled(d, steps, i) {
				limit, found = d.Due, true
			}
		}
	}
	return limit, found
}

// firstDated is the day of the first dated step on the ladder (not the
// records request), else fallback.
func firstDated(steps []data.Step, fallback data.Date) data.Date {
	for _, s := range steps {
		if !s.On.IsZero() && !OnRecordsTrack(s) {
			return s.On
		}
	}
	return fallback
}

// EventDate is when the matter complained about happened, as the agenda
// counts the ombudsman's time limit: the first refusal (or unanswered
// request) on the ladder. It is false when none is logged.
func EventDate(steps []data.Step) (data.Date, bool) {
	on := eventDate(steps, data.Date{})
	return on, !on.IsZero()
}

// isRefusal is a step on the ladder, not the records request, whose
// outcome leaves the matter unresolved.
func isRefusal(s data.Step) bool {
	if OnRecordsTrack(s) {
		return false
	}
	return s.Outcome == data.OutcomeRefused || s.Outcome == data.OutcomePartly || s.Outcome == data.OutcomeNoReply
}

// Received is the day the other side received a letter, from which what
// they owe is counted: the day logged, else two working days after posting
// (RuleDelivery), else the day it was sent. note says so when assumed.
func Received(step data.Step, nation data.Nation) (data.Date, string) {
	switch {
	case !step.ReceivedOn.IsZero():
		return step.ReceivedOn, ""
	case step.SentHow == data.SentByPost:
		return AddWorkingDays(step.On, 2, nation), postedNote
	}
	return step.On, ""
}

const postedNote = "; counted from delivery, taken as 2 working days after posting"

// NextWorkingDay is d, or the first working day after it when d is a
// weekend or bank holiday in the nation (the ICO's rule for a one-month
// time limit).
func NextWorkingDay(d data.Date, n data.Nation) data.Date {
	for !IsWorkingDay(d, n) {
		d = d.AddDays(1)
	}
	return d
}

func complaintDeadlines(ds []Deadline, earlier []data.Step, step data.Step, got data.Date, note string, nation data.Nation, f data.NationFacts) []Deadline {
	add := func(due data.Date, what string, r Rule, k dueKind) {
		ds = append(ds, Deadline{Due: due, What: what + note, Rule: r, kind: k})
	}
	wd := func(n int) string { return " (" + strconv.Itoa(n) + " working days)" }
	if f.Staged() {
		if countLetters(earlier, data.KindComplaint) == 0 {
			add(AddWorkingDays(got, f.Stage1WorkingDays, nation), "Stage 1 answer to the complaint owed"+wd(f.Stage1WorkingDays), ruleFor(RuleStage1, nation), dueAnswer)
			return ds
		}
		add(AddWorkingDays(got, f.AckWorkingDays, nation), "Acknowledgement of the stage 2 complaint owed"+wd(f.AckWorkingDays), ruleFor(RuleComplaintAck, nation), dueAck)
		add(AddWorkingDays(got, f.ResponseWorkingDays, nation), "Stage 2 response to the complaint owed"+wd(f.ResponseWorkingDays), ruleFor(RuleComplaintResponse, nation), dueAnswer)
		return ds
	}
	if nation == data.England {
		add(AddWorkingDays(got, f.AckWorkingDays, nation), "Acknowledgement of the complaint and an offer to discuss it owed"+wd(f.AckWorkingDays), ruleFor(RuleComplaintAck, nation), dueAck)
		add(got.AddMonths(6), "No final response after 6 months: they must write to explain the delay", ruleFor(RuleComplaintResponse, nation), dueAnswer)
		return ds
	}
	add(AddWorkingDays(got, f.AckWorkingDays, nation), "Acknowledgement of the complaint owed"+wd(f.AckWorkingDays), ruleFor(RuleComplaintAck, nation), dueAck)
	if f.ResponseWorkingDays > 0 {
		add(AddWorkingDays(got, f.ResponseWorkingDays, nation), "Response to the complaint owed"+wd(f.ResponseWorkingDays), ruleFor(RuleComplaintResponse, nation), dueAnswer)
	}
	return ds
}

// answers is the kind of letter a reply answers: its own LetterKind when
// the UI set it, else the latest letter on the ladder before it.
func answers(earlier []data.Step, reply data.Step) string {
	if reply.LetterKind != "" {
		return reply.LetterKind
	}
	for i := len(earlier) - 1; i >= 0; i-- {
		if s := earlier[i]; s.Kind == data.StepLetterSent && !OnRecordsTrack(s) {
			return s.LetterKind
		}
	}
	return ""
}

// eventDate is when the matter complained about happened: the first
// refusal (or unanswered request) on the ladder, or else fallback.
func eventDate(earlier []data.Step, fallback data.Date) data.Date {
	for _, s := range earlier {
		if isRefusal(s) {
			return s.On
		}
	}
	return fallback
}

func countLetters(steps []data.Step, kind string) int {
	n := 0
	for _, s := range steps {
		if s.Kind == data.StepLetterSent && s.LetterKind == kind {
			n++
		}
	}
	return n
}

func chaseWhat(kind string, cfg Config) string {
	if cfg.chaseDays() == DefaultChaseDays {
		if w, ok := defaultChaseWhat[kind]; ok {
			return w
		}
	}
	return "No reply to the " + kindNoun(kind) + " after " + strconv.Itoa(cfg.chaseDays()) + " days: chase it"
}

// The texts most steps need, made once rather than for every step.
var defaultChaseWhat = func() map[string]string {
	chase := map[string]string{}
	for _, k := range data.LetterKinds {
		chase[k] = "No reply to the " + kindNoun(k) + " after " + strconv.Itoa(DefaultChaseDays) + " days: chase it"
	}
	return chase
}()

func months(n int) string {
	if n == 1 {
		return "1 month"
	}
	return strconv.Itoa(n) + " months"
}

// ukDate is Date.UK without fmt, as the agenda calls it for many steps.
func ukDate(d data.Date) string {
	iso := isoDate(d)
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[:4]
}

// kindNoun names a letter inside a sentence.
func kindNoun(kind string) string {
	switch kind {
	case data.KindReviewTreatment, data.KindReviewDiagnosis:
		return "request for a review"
	case data.KindSecondOpinionTreatment, data.KindSecondOpinionDiagnosis:
		return "request for a second opinion"
	case data.KindAskAgain:
		return "second request"
	case data.KindPALS:
		return "letter to the patient advice service"
	case data.KindAdvocacy:
		return "request for an advocate"
	case data.KindComplaint:
		return "complaint"
	case data.KindIFRRequest:
		return "funding request"
	case data.KindIFRReconsideration:
		return "request for reconsideration"
	case data.KindAppeal:
		return "appeal"
	case data.KindRecordsRequest:
		return "records request"
	case data.KindOmbudsman:
		return "ombudsman complaint"
	case data.KindClinicianReferral:
		return "referral"
	case data.KindReceptionReceipt:
		return "request made at the surgery"
	}
	return "letter"
}

func sortDeadlines(ds []Deadline) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Due.Before(ds[j-1].Due); j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}
