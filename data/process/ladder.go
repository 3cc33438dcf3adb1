package process

import (
	"strings"

	"secondopinion/data"
)

// Action is one sensible next step: a letter to write, or something to do
// and then log, with the one line the UI shows beside it.
type Action struct {
	Letter string        // a letter kind id, or "" when the action is to log a step
	Log    data.StepKind // the step to log when there is no letter
	Reason string
}

// Placeholders in the ladder, chosen by the request's subject.
const (
	letterReview = "{review}"
	letterSecond = "{second-opinion}"
	anyRung      = Rung("*")
)

// cond limits an action to some requests.
type cond int

const (
	always              cond = iota
	notRaised                // the person has not yet raised it with the doctor
	chaseDue                 // the latest letter has waited past the chase period
	chaseNotDue              // …or not yet
	fundingLimitUnknown      // the commissioner's time limit for a review is not known
	trustPolicy              // the provider's own policy offers an appeal to its medical director
	gpRefused                // the refusal came from a GP practice, which has no medical director
	rightToChoose            // the nation gives a legal right to choose the provider (England)
	stage2Next               // a complaint was answered at stage 1 of a two-stage procedure
	notStage2Next            // …or not
)

type rungAction struct {
	Action
	routes []data.Route // nil: every route
	when   cond
}

type ladderRow struct {
	state   StateKind
	rung    Rung
	actions []rungAction
	then    StateKind // also offer that state's actions for the same rung
}

var (
	review   = []data.Route{data.RouteReview}
	local    = []data.Route{data.RouteLocal}
	outArea  = []data.Route{data.RouteOutOfArea}
	notFunds = []data.Route{data.RouteReview, data.RouteLocal}
)

func letter(kind, reason string, routes ...data.Route) rungAction {
	return rungAction{Action: Action{Letter: kind, Reason: reason}, routes: routes}
}

func logStep(kind data.StepKind, when cond, reason string) rungAction {
	return rungAction{Action: Action{Log: kind, Reason: reason}, when: when}
}

// only limits an action to requests meeting a condition.
func only(when cond, a rungAction) rungAction {
	a.when = when
	return a
}

var (
	actPALS      = letter(data.KindPALS, "Contact {advice}: it is free, informal and can often sort things out quickly")
	actAdvocacy  = letter(data.KindAdvocacy, "Get a free, independent advocate to help put {their} case")
	actComplaint = letter(data.KindComplaint, "Make a formal complaint to {complain-to}")
	actOmbudsman = only(notStage2Next, letter(data.KindOmbudsman, "Local resolution is over: ask the {ombudsman} to look at it"))
	actStage2    = only(stage2Next, letter(data.KindComplaint, "Not resolved at stage 1: ask for stage 2, the investigation, before going to the {ombudsman}"))
	// A trust's own policy may offer an appeal to its medical director; a
	// GP practice has none, so a GP's refusal goes to the practice itself.
	actAppeal   = only(trustPolicy, letter(data.KindAppeal, "The provider's policy offers an appeal: ask its medical director to look at the refusal", notFunds...))
	actPractice = only(gpRefused, letter(data.KindAskAgain, "Write to the practice manager or the partners, asking the practice to look at the refusal again", notFunds...))
	actJudicial = logStep(data.StepNote, always, "The {commissioner} has said no again: a court challenge (judicial review) must be made {judicial}, so take legal advice now; or ask the {ombudsman}")
	actICO      = logStep(data.StepNote, always, "The records are late or refused: complain to the Information Commissioner's Office (ICO), within 3 months of the last contact with the organisation")
	// The exclusions, from the NHS Choice Framework as nhs.uk words them
	// (checked 2026-12-04): urgent or emergency care, care already being
	// given for the condition, prisoners, detention under the Mental
	// Health Act, and serving members of the armed forces.
	actRightToChoose = only(rightToChoose, letter(letterSecond, "In England there is a legal right to choose: on a GP referral for a first outpatient appointment, {them} can choose another provider's team, with no funding request. It does not apply to urgent or crisis care, to someone already being treated for the same condition, to someone detained under the Mental Health Act or in prison, or to serving members of the armed forces. Ask the GP first", data.RouteOutOfArea))
)

// ladder lists, for each state and rung, the next actions in order. The
// first row matching the exact rung wins, then the row for any rung.
var ladder = []ladderRow{
	{state: StateDrafted, rung: anyRung, actions: []rungAction{
		logStep(data.StepMeeting, notRaised, "Raise it with the doctor first and give any new information: it may settle it"),
		letter(letterReview, "Ask the doctor in writing to review the {subject}", data.RouteReview),
		letter(letterSecond, "Ask in writing for a second opinion on the {subject} from another doctor", data.RouteLocal),
		actRightToChoose,
		letter(data.KindIFRRequest, "A specialist outside the area must be funded: ask {their} {fundingby} to make {a-funding} {funding}", data.RouteOutOfArea),
		letter(letterSecond, "Or ask straight away for a second opinion from another doctor", data.RouteReview),
	}},

	// Waiting for an answer, on any rung.
	{state: StateSent, rung: anyRung, actions: waiting},
	{state: StateEscalated, rung: anyRung, actions: waiting},

	{state: StateAgreed, rung: anyRung, actions: []rungAction{
		logStep(data.StepMeeting, always, "Log the appointment once it is booked"),
		letter(data.KindRecordsRequest, "Ask for copies of {their} records and send them to the second-opinion doctor before the appointment: it avoids delays and repeated tests"),
		logStep(data.StepClosed, always, "Close the request once the opinion is given: it may agree with the first, and the first doctor need not follow it"),
	}},
	{state: StateAgreed, rung: RungComplaint, actions: []rungAction{
		logStep(data.StepClosed, always, "Close the request, noting what was agreed and by when"),
	}},
	{state: StateAgreed, rung: RungOmbudsman, actions: []rungAction{
		logStep(data.StepClosed, always, "Close the request, noting what the ombudsman decided"),
	}},

	// Refused with no letter on record: asked by phone or at the desk.
	{state: StateRefused, rung: anyRung, actions: []rungAction{
		letter(data.KindAskAgain, "They refused: ask in writing for their reasons, and ask again"),
		actAppeal, actPractice,
		letter(data.KindIFRRequest, "Ask {their} {fundingby} to make {a-funding} {funding} for the specialist outside the area", data.RouteOutOfArea),
		actPALS, actAdvocacy, actComplaint,
	}},
	{state: StateRefused, rung: RungReview, actions: []rungAction{
		letter(data.KindAskAgain, "They refused: ask for their reasons in writing, and ask again"),
		letter(letterSecond, "Ask for a second opinion from another doctor instead"),
		actPALS, actAdvocacy, actComplaint,
	}},
	{state: StateRefused, rung: RungSecondOpinion, actions: []rungAction{
		letter(data.KindAskAgain, "They refused: ask for the reasons in writing, and ask again"),
		actAppeal, actPractice,
		letter(data.KindIFRRequest, "Ask {their} {fundingby} to make {a-funding} {funding} for the specialist outside the area", data.RouteOutOfArea),
		actPALS, actAdvocacy, actComplaint,
	}},
	{state: StateRefused, rung: RungAskAgain, actions: []rungAction{
		actAppeal, actPractice,
		actPALS, actAdvocacy, actComplaint,
	}},
	{state: StateRefused, rung: RungAppeal, actions: []rungAction{
		actPALS, actAdvocacy, actComplaint,
	}},
	{state: StateRefused, rung: RungPALS, actions: []rungAction{actAdvocacy, actComplaint}},
	{state: StateRefused, rung: RungAdvocacy, actions: []rungAction{actComplaint, actPALS}},
	{state: StateRefused, rung: RungComplaint, actions: []rungAction{
		actStage2, actOmbudsman,
		letter(data.KindAdvocacy, "An advocate can help take the complaint further"),
	}},
	{state: StateRefused, rung: RungFunding, actions: []rungAction{
		logStep(data.StepCall, fundingLimitUnknown, "Ask the {commissioner} whether the decision can be reconsidered or reviewed, and by when, and note it"),
		letter(data.KindIFRReconsideration, "Ask the {commissioner} to look at the decision again: with any new clinical information, or because it did not follow its own process"),
		actAdvocacy,
	}},
	{state: StateRefused, rung: RungFundingReview, actions: []rungAction{
		actJudicial,
		letter(data.KindOmbudsman, "Ask the {ombudsman} to look at how the {commissioner} handled the request"),
		actAdvocacy,
	}},
	{state: StateRefused, rung: RungOmbudsman, actions: []rungAction{
		logStep(data.StepClosed, always, "The ombudsman's decision is final: take legal advice if you want to go further, then close the request"),
	}},

	{state: StatePartly, rung: anyRung, then: StateRefused, actions: []rungAction{
		letter(data.KindAskAgain, "They agreed only in part: ask in writing about the rest, and for their reasons", notFunds...),
	}},
	{state: StatePartly, rung: RungComplaint, then: StateRefused, actions: []rungAction{
		logStep(data.StepNote, always, "Note what they upheld and what they will do: the {ombudsman} will ask"),
	}},

	{state: StateNoReply, rung: anyRung, then: StateRefused, actions: []rungAction{
		logStep(data.StepCall, always, "No reply: phone to check they have the letter and when they will answer"),
		letter(data.KindAskAgain, "Write again, quoting the date of the first letter", notFunds...),
	}},

	{state: StateClosed, rung: anyRung},
}

var waiting = []rungAction{
	logStep(data.StepCall, chaseDue, "No reply yet: phone to check they have the letter and when to expect an answer"),
	logStep(data.StepReply, always, "Log their answer when it comes, so the next step can be suggested"),
	logStep(data.StepCall, chaseNotDue, "If no answer comes, phone to chase it"),
}

var actRecords = letter(data.KindRecordsRequest, "Ask for copies of {their} records at any time: it is free and must be answered within one calendar month")

func findRow(s StateKind, r Rung) *ladderRow {
	var fallback *ladderRow
	for i := range ladder {
		row := &ladder[i]
		if row.state != s {
			continue
		}
		if row.rung == r {
			return row
		}
		if row.rung == anyRung && fallback == nil {
			fallback = row
		}
	}
	return fallback
}

// NextActions lists the sensible next actions for a request, best first.
// steps are the request's steps in timeline order.
func NextActions(req data.Request, steps []data.Step, today data.Date) []Action {
	return NextActionsFor(req, steps, today, Config{})
}

// NextActionsFor is NextActions with the user's settings and contacts
// (the chase period, and whether the ICB's time limit is known).
func NextActionsFor(req data.Request, steps []data.Step, today data.Date, cfg Config) []Action {
	return nextActions(make([]Action, 0, 8), req, steps, today, cfg, false)
}

// NextActionFor is the first of NextActionsFor, if any. Only its reason is
// worked out: Today lists the first action of thousands of requests, and
// writing out the reasons of the others was a fifth of what it allocated.
func NextActionFor(req data.Request, steps []data.Step, today data.Date, cfg Config) (Action, bool) {
	// Room for the actions on the stack: made on the heap for each of
	// thousands of requests, it was a sixth of what Today allocated.
	var room [8]Action
	out := nextActions(room[:0], req, steps, today, cfg, true)
	if len(out) == 0 {
		return Action{}, false
	}
	return out[0], true
}

// nextActions lists the next actions in out, which it appends to; with
// firstOnly, only the first has its reason written out.
func nextActions(out []Action, req data.Request, steps []data.Step, today data.Date, cfg Config, firstOnly bool) []Action {
	st := StateOf(steps)
	f := data.FactsFor(cfg.Nation)
	facts := conditions{req: req, cfg: cfg, facts: f,
		stage2Next: f.Staged() && st.Rung == RungComplaint && countLetters(steps, data.KindComplaint) == 1}
	facts.chaseDue = !st.Since.IsZero() && !today.Before(addDays(st.Since, cfg.chaseDays()))
	word := func(name string) (string, bool) { return reasonWord(name, &req, &cfg, &f) }
	fill := func(reason string) string {
		if !strings.Contains(reason, "{") {
			return reason
		}
		return fillWords(reason, word)
	}
	seen := func(letter string, log data.StepKind) bool {
		for _, a := range out {
			if a.Letter == letter && a.Log == log {
				return true
			}
		}
		return false
	}
	addAll := func(row *ladderRow) {
		if row == nil {
			return
		}
		for _, a := range row.actions {
			if !facts.allow(a) {
				continue
			}
			act := a.Action
			act.Letter = resolveLetter(act.Letter, req.Subject)
			if !seen(act.Letter, act.Log) {
				out = append(out, act)
			}
		}
	}
	row := findRow(st.Kind, st.Rung)
	addAll(row)
	if st.Kind == StateRefused || st.Kind == StatePartly {
		askForReasons(out, steps)
	}
	if row != nil && row.then != "" {
		addAll(findRow(row.then, st.Rung))
	}
	if st.Open() && !seen(data.KindRecordsRequest, "") && !recordsOpen(steps) {
		addAll(&ladderRow{actions: []rungAction{actRecords}})
	}
	if recordsLateOrRefused(steps, today, cfg.Nation) {
		addAll(&ladderRow{actions: []rungAction{actICO}})
	}
	for i := range out {
		if i > 0 && firstOnly {
			break
		}
		out[i].Reason = fill(out[i].Reason)
	}
	return out
}

// reasonWord is a word a reason may ask for by name: the subject, the
// nation's own bodies, or how the reader is named; false for a name it
// does not know. Each is worked out when a reason asks for it. (A
// strings.Replacer here was most of the time Today took to appear, and a
// map of all the words, made for each request, a fifth of the memory it
// asked for.)
func reasonWord(name string, req *data.Request, cfg *Config, f *data.NationFacts) (string, bool) {
	switch name {
	case "subject":
		return subjectWord(req.Subject), true
	case "advice":
		return f.Advice, true
	case "funding":
		return f.FundingRequestNamed(), true
	case "a-funding":
		return article(f.FundingRequest), true
	case "fundingby":
		return f.FundingMadeBy, true
	case "commissioner":
		return f.CommissionerShort, true
	case "complain-to":
		return f.ComplainTo, true
	case "ombudsman":
		return f.OmbudsmanShort, true
	case "judicial":
		return f.JudicialReview, true
	case "them", "their":
		them, their := cfg.personWords()
		if name == "them" {
			return them, true
		}
		return their, true
	}
	return "", false
}

// askForReasons puts first what a refusal without reasons calls for: the
// reasons, in writing, before anything else can be answered.
func askForReasons(out []Action, steps []data.Step) {
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		if s.Kind != data.StepReply && s.Kind != data.StepCall {
			continue
		}
		if !s.NoReasons {
			return
		}
		for j := range out {
			if out[j].Letter == data.KindAskAgain {
				out[j].Reason = "They refused without giving reasons: ask for the reasons in writing, and ask again"
			}
		}
		return
	}
}

// personWords are how the reasons name the person the request is for: the
// reader themselves ("you", "your"), or whom the app says ("your son",
// "the client").
func (c Config) personWords() (them, their string) {
	if c.Them == "" {
		return "you", "your"
	}
	return c.Them, c.Them + "'s"
}

// article is "an" before a vowel sound, else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

type conditions struct {
	req        data.Request
	cfg        Config
	facts      data.NationFacts
	chaseDue   bool
	stage2Next bool
}

func (c conditions) allow(a rungAction) bool {
	if a.routes != nil && !hasRoute(a.routes, c.req.Route) {
		return false
	}
	switch a.when {
	case notRaised:
		return !c.req.RaisedWithDoctor
	case chaseDue:
		return c.chaseDue
	case chaseNotDue:
		return !c.chaseDue
	case fundingLimitUnknown:
		return c.cfg.fundingBody().FundingReviewDays == 0
	case trustPolicy:
		return c.cfg.trustPolicy()
	case gpRefused:
		return c.cfg.Recipient.Role == data.RoleGP
	case rightToChoose:
		return c.facts.RightToChoose
	case stage2Next:
		return c.stage2Next
	case notStage2Next:
		return !c.stage2Next
	}
	return true
}

func hasRoute(rs []data.Route, r data.Route) bool {
	if r == "" {
		r = data.RouteLocal // an unset route reads as the common case
	}
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func resolveLetter(kind string, s data.Subject) string {
	switch kind {
	case letterReview:
		if s == data.SubjectDiagnosis {
			return data.KindReviewDiagnosis
		}
		return data.KindReviewTreatment
	case letterSecond:
		if s == data.SubjectDiagnosis {
			return data.KindSecondOpinionDiagnosis
		}
		return data.KindSecondOpinionTreatment
	}
	return kind
}

func subjectWord(s data.Subject) string {
	switch s {
	case data.SubjectDiagnosis:
		return "diagnosis"
	case data.SubjectMedication:
		return "medication"
	}
	return "treatment"
}

// recordsLateOrRefused reports a records request refused, answered in
// part or not at all, or past its time limit with no answer: the ICO is next.
// A later date the user stored (the organisation extended the time, or the
// clock stopped while it waited for proof of identity or a clarification)
// moves the limit; the rules' date is never made earlier by an old one.
func recordsLateOrRefused(steps []data.Step, today data.Date, n data.Nation) bool {
	var due data.Date
	late := false
	for _, s := range steps {
		switch {
		case s.Kind == data.StepLetterSent && s.LetterKind == data.KindRecordsRequest:
			got, _ := Received(s, n)
			due, late = NextWorkingDay(got.AddMonths(1), n), false
			if s.DueOn.After(due) {
				due = s.DueOn
			}
		case OnRecordsTrack(s) && isOutcome(s.Outcome):
			due = data.Date{}
			late = s.Outcome == data.OutcomeRefused || s.Outcome == data.OutcomePartly || s.Outcome == data.OutcomeNoReply
		case OnRecordsTrack(s) && !s.DueOn.IsZero() && !due.IsZero():
			due = s.DueOn // a new date given on the records track
		}
	}
	return late || (!due.IsZero() && today.After(due))
}

// recordsOpen reports a records request sent and not yet answered.
func recordsOpen(steps []data.Step) bool {
	open := false
	for _, s := range steps {
		switch {
		case s.Kind == data.StepLetterSent && s.LetterKind == data.KindRecordsRequest:
			open = true
		case OnRecordsTrack(s) && isOutcome(s.Outcome):
			open = false
		}
	}
	return open
}

// fillWords puts words in place of the {name}s of text; a name it does
// not know stays as written.
func fillWords(text string, word func(name string) (string, bool)) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(text[open:], '}')
		if end < 0 {
			break
		}
		name := text[open+1 : open+end]
		if i := strings.LastIndexByte(name, '{'); i >= 0 { // a lone brace before a name
			b.WriteString(text[:open+1+i])
			text = text[open+1+i:]
			continue
		}
		w, ok := word(name)
		if !ok {
			w = text[open : open+end+1]
		}
		b.WriteString(text[:open])
		b.WriteString(w)
		text = text[open+end+1:]
	}
	b.WriteString(text)
	return b.String()
}
