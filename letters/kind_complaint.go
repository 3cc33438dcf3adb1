package letters

import (
	"fmt"

	"secondopinion/data"
	"secondopinion/data/process"
)

// The complaint, and the ombudsman once local resolution is over.

func complaint(c *composer) {
	v := c.v
	refused, hasRefused := c.t.refusal()
	if hasRefused {
		c.subject("Complaint about the refusal of a second opinion", "Complaint about the refusal of a second opinion")
	} else {
		c.subject("Complaint about my request for a second opinion", "Complaint about a request for a second opinion")
	}
	c.open("I am writing to make a formal complaint under " + c.f.ComplaintsProcess + ".")
	c.p(cat("The complaint is about how ", possessiveOrThe(v), " request for a second opinion on ", v.own(), " ", c.about(), " has been handled."))
	c.p(c.chronology())
	if c.req.Reason != "" {
		c.p(cat(v.cap(v.subj()), " asked for a second opinion because of doubts about the ", c.thingOrDiagnosis(), "."), sentence(c.req.Reason))
	}
	c.p(c.dailyLife())
	wanted, hoping := c.wanted()
	c.bullets("To put things right, I am asking for:",
		ifThen(hasRefused, "a full explanation, in writing, of the reasons for the decision"),
		"a referral for a second opinion, from a doctor as independent of "+v.poss()+" current care as possible",
		wanted)
	c.p(hoping)

	if c.f.Staged() && c.t.hasSent(data.KindComplaint) {
		c.p(c.stage2TimeLimit())
	} else {
		event := c.t.start(c.req)
		if hasRefused {
			event = refused.On
		}
		// A second complaint (in England, to the ICB after the provider's
		// answer) is about the same events: the answer to the first
		// complaint does not start the time again.
		if first, ok := c.t.firstSent(data.KindComplaint); ok {
			event = c.t.start(c.req)
			if before, ok := c.t.refusalBefore(first.On); ok {
				event = before.On
			}
		}
		c.p(c.timeLimit(event))
	}
	c.p(c.acknowledge())
	c.p("When you send your final response, please tell me how to contact the " + c.f.Ombudsman + " if the matter is still not resolved.")
	c.p(c.reply(), "Thank you for looking into this.")
}

// possessiveOrThe is "my" or "the" before "request": "Zoë's request"
// would be unclear about who made it.
func possessiveOrThe(v voice) string { return v.pick("my", "the") }

func (c *composer) thingOrDiagnosis() string {
	if c.req.Subject == data.SubjectDiagnosis {
		return "diagnosis"
	}
	return c.thing()
}

func ifThen(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

func fragmentLower(s string) string { return lowerFirst(trimStop(clean(s))) }

// timeLimit says the complaint is in time, or asks for it to be heard anyway.
func (c *composer) timeLimit(event data.Date) string {
	months := c.f.ComplaintLimitMonths
	if event.IsZero() || c.in.Date.IsZero() || months == 0 {
		return ""
	}
	if !c.in.Date.After(event.AddMonths(months)) {
		return fmt.Sprintf("I am making this complaint within the %d-month time limit.", months)
	}
	return fmt.Sprintf("I know that more than %d months have passed since then. I ask you to look at the complaint all the same, because the matter is still unresolved.", months)
}

// stage2TimeLimit says a request for stage 2 is in time, or asks for it to
// be heard anyway, counting as the agenda does: Scotland allows the later
// of 2 months from the stage 1 answer and 6 months from the event,
// Northern Ireland 30 days from the answer. With no answer logged it says
// nothing, rather than guess.
func (c *composer) stage2TimeLimit() string {
	limit, ok := process.Stage2Limit(c.t, c.f.Nation)
	if !ok || c.in.Date.IsZero() {
		return ""
	}
	if !c.in.Date.After(limit) {
		return "I am asking for stage 2 within the time limit for doing so."
	}
	return "I know that the usual time limit for asking for stage 2 has passed. I ask you to look at the complaint all the same, because the matter is still unresolved."
}

// acknowledge asks for the nation's deadlines by name.
func (c *composer) acknowledge() string {
	f := c.f
	if f.Staged() {
		return c.stagedComplaint()
	}
	s := fmt.Sprintf("Under %s, a complaint should be acknowledged within %d working days", f.ComplaintsProcess, f.AckWorkingDays)
	switch {
	case f.Nation == data.England || f.ResponseWorkingDays == 0:
		return s + ", with an offer to discuss how it will be handled. Please let me know who is dealing with it. I understand there is no fixed deadline for the full response, but I would be grateful to agree one with you, and to be told why if the investigation takes longer than six months."
	}
	return s + fmt.Sprintf(" and answered in full within %d working days. Please let me know who is dealing with it.", f.ResponseWorkingDays)
}

// stagedComplaint is the two stages of Scotland's and Northern Ireland's
// procedures, as the deadline rules count
// them: a request's first complaint letter is at stage 1 (early
// resolution), a later one at stage 2 (investigation).
func (c *composer) stagedComplaint() string {
	f := c.f
	if !c.t.hasSent(data.KindComplaint) {
		return fmt.Sprintf("Please handle this complaint at stage 1 of %s and answer it within %d working days. If it cannot be resolved at that stage, please move it to stage 2, the investigation stage, where it should be acknowledged within %d working days and answered within %d working days.",
			f.ComplaintsProcess, f.Stage1WorkingDays, f.AckWorkingDays, f.ResponseWorkingDays)
	}
	return fmt.Sprintf("A complaint about this was made before, and the matter has not been resolved. Please handle this one at stage 2 of %s, the investigation stage: it should be acknowledged within %d working days and answered within %d working days. Please let me know who is dealing with it.",
		f.ComplaintsProcess, f.AckWorkingDays, f.ResponseWorkingDays)
}

func ombudsman(c *composer) {
	v := c.v
	f := c.f
	c.subject("Complaint about a refused request for a second opinion", "Complaint about a refused request for a second opinion")
	c.open(cat("I am asking the ", f.Ombudsman, " to look into a complaint about how ", possessiveOrThe(v), " request for a second opinion on ", v.own(), " ", c.about(), " was handled."))

	sent, hasSent := c.t.sent(data.KindComplaint)
	var final data.Step
	hasFinal := false
	if hasSent {
		final, hasFinal = c.t.replyAfter(sent.On)
	}
	switch {
	case hasSent && hasFinal:
		c.p(cat("The complaint was made on ", sent.On.Long(), " and the final response came on ", final.On.Long(), ". The matter is still not resolved, so I am now bringing it to you, as the complaints procedure has been followed to its end."))
	case hasSent:
		c.p(cat("The complaint was made on ", sent.On.Long(), " under ", f.ComplaintsProcess, ". It has not been resolved there, so I am now bringing it to you."))
	default:
		c.p("The complaint has not been resolved locally under " + f.ComplaintsProcess + ", so I am now bringing it to you.")
	}
	c.p(c.chronology())
	if c.req.Reason != "" {
		c.p(cat(v.cap(v.subj()), " asked for a second opinion because of doubts about the ", c.thingOrDiagnosis(), "."), sentence(c.req.Reason))
	}
	c.p(c.dailyLife())
	c.p(c.ombudsmanTime(final, hasFinal))
	wanted, hoping := c.wanted()
	c.bullets("To put things right, I am asking for:",
		"an independent look at how the request and the complaint were handled",
		"a referral for a second opinion, if you find it should have been offered",
		wanted)
	c.p(hoping)
	c.p("I can send copies of the complaint, the final response and any other letters. Please tell me what else you need.", c.reply(), "Thank you for your help.")
}

func (c *composer) ombudsmanTime(final data.Step, hasFinal bool) string {
	f := c.f
	if f.OmbudsmanLimitMonths == 0 || c.in.Date.IsZero() {
		return ""
	}
	if f.OmbudsmanFromProcedure {
		if hasFinal && !c.in.Date.After(final.On.AddMonths(f.OmbudsmanLimitMonths)) {
			return fmt.Sprintf("I am writing within %d months of the end of the complaints procedure.", f.OmbudsmanLimitMonths)
		}
		return ""
	}
	// Counted, as the agenda counts it, from the first refusal: the latest
	// could be months after the events the ombudsman would count from.
	event, ok := process.EventDate(c.t)
	if ok && !c.in.Date.After(event.AddMonths(f.OmbudsmanLimitMonths)) {
		return fmt.Sprintf("I am writing within %d months of the events I am complaining about.", f.OmbudsmanLimitMonths)
	}
	return ""
}
