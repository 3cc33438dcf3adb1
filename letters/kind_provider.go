package letters

import (
	"strings"

	"secondopinion/data"
)

// The provider's letters: a clinician asking a colleague, and the
// surgery's receipt for a request made at the desk.

func clinicianReferral(c *composer) {
	c.from = fromSender
	name, short := c.v.name, c.v.short
	c.out.Subject = "Request for a second opinion on the " + c.about() + ": " + c.patientRef()
	c.out.Body = append(c.out.Body, para(c.patientDetails()))
	c.p(cat("I would be grateful if you would see ", name, " for a second opinion on the ", c.about(), "."))

	// The referral is in the clinician's voice: the patient's own words
	// ("I", "my", "you" for their doctor) are not copied into it.
	reason := inOwnVoice(sentence(c.req.Reason))
	switch c.req.AskedBy {
	case data.AskedByClinician, data.AskedBySurgery:
		c.p(reason)
	default:
		c.p(short+" has asked for a second opinion, and I support the request.", reason)
	}
	// The treatment gets its own line, after the medication tried, so the
	// current medication line gives only what it adds.
	history := backgroundItems(c.req, true)
	items := append(append(history[:3:3], labelled("Current treatment", c.req.Treatment)), history[3:]...)
	items = append(items,
		labelled("Effect on daily life", inOwnVoice(c.req.Problems)),
		labelled("Already tried", inOwnVoice(c.req.AlreadyTried)))
	c.bullets("History:", items...)
	c.bullets("Tests and assessments so far:", lines(c.req.TestsAndAssessments)...)
	if risk := clean(c.req.RiskAssessment); risk != "" {
		c.p("Risk assessment: " + sentence(risk))
	}

	questions := lines(c.req.Questions)
	if len(questions) == 0 {
		var diag string
		if c.req.Subject == data.SubjectDiagnosis {
			diag = cat("Do you agree with the diagnosis", wrap(" of ", c.condition(), ""), "? If not, what would you suggest?")
		}
		hope := inOwnVoice(fragmentLower(c.req.OutcomeWanted))
		if ownSentence(hope, short) {
			hope = ""
		}
		questions = []string{diag,
			"What management and treatment would you recommend?",
			"Are there risks you would highlight, and would you change the level of observation?",
			wrap(short+" is hoping for ", hope, ": would you recommend it?")}
	}
	c.bullets("I would be grateful if you would answer these questions:", questions...)
	timescale := "within four weeks"
	if t := trimStop(clean(c.req.Timescale)); t != "" {
		timescale = t
	}
	c.p("I would be grateful for your opinion in writing " + timescale + ", answering each question. Please send a copy of your letter to " + short + " as well.")
	// Nothing records what goes with the letter, so it offers copies
	// rather than claiming any are enclosed.
	c.p("I can send copies of " + joinAnd(append(notSummarised(c.req), "any other records you need")) + " before the appointment.")
	c.p("Thank you for your help.")
}

// notSummarised is what a referral can offer to send because the letter
// itself does not give it.
func notSummarised(r data.Request) []string {
	var out []string
	if clean(r.TestsAndAssessments) == "" {
		out = append(out, "recent test results and assessments")
	}
	if clean(r.RiskAssessment) == "" {
		out = append(out, "the current risk assessment")
	}
	return out
}

// patientDetails is the block a clinician expects at the top of a referral.
func (c *composer) patientDetails() string {
	p := c.in.Person
	out := []string{"Patient: " + c.v.name}
	if record := c.nhsName(); record != "" {
		// The colleague finds the record by the name it holds.
		out = []string{"Patient: " + record, "Known as: " + c.v.name}
	}
	if !p.DateOfBirth.IsZero() {
		out = append(out, "Date of birth: "+p.DateOfBirth.Long())
	}
	if n := nhsNumber(p.NHSNumber); n != "" {
		out = append(out, upperFirst(c.f.PatientNumber)+": "+n)
	}
	if a := lines(p.Address); len(a) > 0 {
		out = append(out, "Address: "+strings.Join(a, ", "))
	}
	return strings.Join(out, "\n")
}

func receptionReceipt(c *composer) {
	c.from = fromSurgery
	f := c.f
	asked := c.t.start(c.req)
	if asked.IsZero() {
		asked = c.in.Date
	}
	want, short := "a second opinion about your "+c.about(), "a second opinion"
	if c.req.Route == data.RouteReview {
		want, short = "a review of your "+c.about(), "a review"
	}
	c.out.Subject = "Your request for " + short + ": what happens next"
	c.p("Thank you for your request. We have recorded it, and this letter confirms what you asked for and what happens next. Please keep it.")

	how := ""
	if c.req.AskedHow != "" {
		how = "How you asked: " + strings.ToLower(c.req.AskedHow.Label())
	}
	c.bullets("What we have recorded:",
		"What you asked for: "+want,
		wrap("Date of your request: ", asked.Long(), ""),
		how,
		yourReason(c.req.Reason))
	// Only the practice knows whether it notes desk requests in the record.
	if c.in.Sender.RecordsDeskRequests {
		recorded := "Your request has been added to your medical record"
		if clean(c.req.Reason) != "" {
			recorded = "Your request and your reason for it have been added to your medical record"
		}
		if c.req.AskedHow == data.AskedVerbally {
			recorded += ", just as a written request would be"
		}
		c.p(recorded + ".")
	}

	to := "the doctor responsible for your care"
	if n := c.in.Recipient.DisplayName(); clean(n) != "" {
		to = midSentence(clean(n))
	}
	next := "We will pass your request to " + to + ", who will consider it."
	days := c.in.ReplyDays
	if days <= 0 {
		days = 14
	}
	if by := asked.AddDays(days); !asked.IsZero() && !by.Before(c.in.Date) {
		next += " You should hear from us by " + by.Long() + "."
	}
	next += " If your request cannot be agreed, we will explain the reasons to you."
	c.p(next)
	if c.req.Route == data.RouteOutOfArea {
		c.p(cat("If you need a specialist ", f.OutsideArea, ", your ", f.FundingMadeBy, " would have to apply for funding through ", article(f.FundingRequest), " ", c.fundingRequest(), " to the ", c.commissioner(), ". We will tell you if this applies."))
	}
	if c.req.Route != data.RouteReview {
		c.p("A second opinion may agree with the first, and it does not oblige your doctor to change your care, but it can help you feel more certain about the way forward.")
	}
	c.bullets("If you would like help at any point:",
		// The receipt comes from the surgery, which PALS (a trust's service)
		// and a trust's complaints team do not cover: its own practice
		// manager is the informal route everywhere.
		"Our practice manager can talk through any concern with you, informally.",
		"An independent advocate can support you. "+upperFirst(f.Advocacy)+", can help.",
		"If you are unhappy with how your request is handled, you can complain under "+f.ComplaintsProcess+".")
	contact := "If you have any questions, or feel worse while you wait, please contact us."
	if p := clean(c.in.Sender.Phone); p != "" {
		contact = "If you have any questions, or feel worse while you wait, please call us on " + p + "."
	}
	c.p(contact, f.CrisisHelp)
}

// yourReason is the patient's reason as the surgery recorded it: quoted
// when it is in their own words ("my low moods …"), which would read
// oddly after "Your reason:" in the surgery's voice.
func yourReason(reason string) string {
	if r := sentence(reason); r != "" && inOwnVoice(r) == "" {
		return "Your reason, in your words: \u201c" + r + "\u201d"
	}
	return labelled("Your reason", reason)
}

// midSentence writes a role typed as a heading ("The duty GP") as it reads
// inside a sentence ("the duty GP"); names are left as they are.
func midSentence(name string) string {
	if rest, ok := strings.CutPrefix(name, "The "); ok {
		return "the " + rest
	}
	return name
}
