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
	c.out.Subject = "Request for a second opinion: " + c.patientRef()
	c.out.Body = append(c.out.Body, para(c.patientDetails()))
	c.p(cat("I would be grateful if you would see ", name, " for a second opinion on the ", c.about(), "."))

	switch c.req.AskedBy {
	case data.AskedByClinician, data.AskedBySurgery:
		c.p(wrap("The reasons for asking are these. ", sentence(c.req.Reason), ""))
	default:
		c.p(short+" has asked for a second opinion, and I support the request.", wrap("In "+possessive(short)+" words: \"", sentence(c.req.Reason), "\""))
	}
	items := backgroundItems(c.req)
	items = append(items,
		labelled("Current treatment", c.req.Treatment),
		labelled("Effect on daily life", c.req.Problems),
		labelled("Already tried", c.req.AlreadyTried))
	c.bullets("History:", items...)
	c.bullets("Tests and assessments so far:", lines(c.req.TestsAndAssessments)...)
	if risk := clean(c.req.RiskAssessment); risk != "" {
		c.p("Risk assessment: " + sentence(risk))
	}
	if enclosed := enclosures(c.req); enclosed != "" {
		c.p("With this letter I am sending copies of " + enclosed + ".")
	}

	questions := lines(c.req.Questions)
	if len(questions) == 0 {
		var diag string
		if c.req.Subject == data.SubjectDiagnosis {
			diag = cat("Do you agree with the diagnosis", wrap(" of ", c.condition(), ""), "? If not, what would you suggest?")
		}
		questions = []string{diag,
			"What management and treatment would you recommend?",
			"Are there risks you would highlight, and would you change the level of observation?",
			wrap(short+" would particularly like your view on this: ", fragmentLower(c.req.OutcomeWanted), ".")}
	}
	c.bullets("I would be grateful if you would answer these questions:", questions...)
	timescale := "within four weeks"
	if t := trimStop(clean(c.req.Timescale)); t != "" {
		timescale = t
	}
	c.p("I would be grateful for your opinion in writing " + timescale + ", answering each question. Please send a copy of your letter to " + short + " as well. Copies of the relevant records will reach you before the appointment.")
	c.p("Thank you for your help.")
}

// enclosures names what goes with a referral because the letter itself
// does not give it: test results when none are listed, the risk
// assessment when it is not summarised.
func enclosures(r data.Request) string {
	var parts []string
	if clean(r.TestsAndAssessments) == "" {
		parts = append(parts, "recent test results and assessments")
	}
	if clean(r.RiskAssessment) == "" {
		parts = append(parts, "the current risk assessment")
	}
	return strings.Join(parts, ", and ")
}

// patientDetails is the block a clinician expects at the top of a referral.
func (c *composer) patientDetails() string {
	p := c.in.Person
	out := []string{"Patient: " + c.v.name}
	if !p.DateOfBirth.IsZero() {
		out = append(out, "Date of birth: "+p.DateOfBirth.Long())
	}
	if n := nhsNumber(p.NHSNumber); n != "" {
		out = append(out, "NHS number: "+n)
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
		labelled("Your reason", c.req.Reason))
	recorded := "Your request has been added to your medical record"
	if clean(c.req.Reason) != "" {
		recorded = "Your request and your reason for it have been added to your medical record"
	}
	if c.req.AskedHow == data.AskedVerbally {
		recorded += ", just as a written request would be"
	}
	c.p(recorded + ".")

	to := "the doctor responsible for your care"
	if n := c.in.Recipient.DisplayName(); clean(n) != "" {
		to = clean(n)
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
		c.p(cat("If you need a specialist outside the area, your doctor would have to apply for funding through ", article(f.FundingRequest), " ", c.fundingRequest(), " to the ", c.commissioner(), ". We will tell you if this applies."))
	}
	if c.req.Route != data.RouteReview {
		c.p("A second opinion may agree with the first, and it does not oblige your doctor to change your care, but it can help you feel more certain about the way forward.")
	}
	c.bullets("If you would like help at any point:",
		upperFirst(f.Advice)+" can give you free, informal advice.",
		"An independent advocate can support you. "+upperFirst(f.Advocacy)+", can help.",
		"If you are unhappy with how your request is handled, you can complain under "+f.ComplaintsProcess+".")
	contact := "If you have any questions, please contact us."
	if p := clean(c.in.Sender.Phone); p != "" {
		contact = "If you have any questions, please call us on " + p + "."
	}
	c.p(contact, "If you feel worse while you wait, please contact us.", f.CrisisHelp)
}
