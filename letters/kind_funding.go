package letters

import (
	"fmt"
	"strings"

	"secondopinion/data"
)

// The funding request for an out-of-area specialist, and the challenge to
// a refusal. Only a clinician can make the request itself.

func ifrRequest(c *composer) {
	v, f := c.v, c.f
	c.subject(upperFirst(c.fundingRequest())+" for a specialist second opinion", upperFirst(c.fundingRequest())+" for a specialist second opinion")
	// Northern Ireland: a GP cannot make the referral, but can ask the
	// consultant who can, or refer the person to one.
	gpCannot := c.in.Recipient.Role == data.RoleGP && !strings.Contains(f.FundingMadeBy, "GP")
	askTo := "I am writing to ask you to make "
	if gpCannot {
		askTo = "I am writing to ask for "
	}
	c.open(cat(askTo, article(f.FundingRequest), " ", c.fundingRequest(), ifThen(gpCannot, " to be made"), " to the ", c.commissioner(),
		", so that ", v.subj(), " can have a second opinion about ", v.own(), " ", c.about(), " from a specialist ", f.OutsideArea, "."))

	c.p(cat("I understand that only ", article(f.FundingMadeBy), " ", f.FundingMadeBy, " can submit this request, and that the ", f.CommissionerShort,
		" will need to be shown ", c.fundingTest(), "."))
	if gpCannot {
		c.p(cat("As a GP cannot make it, I would be grateful if you would ask the hospital consultant responsible for ", v.poss(),
			" care to make the request, or refer ", v.obj(), " to a consultant who can."))
	}

	// The supporting statement, only when there is something to say.
	var statement []Block
	saved := c.out.Body
	c.out.Body = nil
	c.p(sentence(c.req.Reason))
	c.background("In summary:")
	c.p(c.dailyLife())
	c.p(c.alreadyTried())
	statement, c.out.Body = c.out.Body, saved
	if len(statement) > 0 {
		// A letter has no headings: a lead-in sentence introduces the statement.
		c.p("I would like the following supporting statement to go with the request.")
		c.out.Body = append(c.out.Body, statement...)
	} else {
		c.p("I would like to add a supporting statement of my own to the request. Please tell me what information would help, and I will send it.")
	}
	c.p(c.hopingFor())
	c.p("If you know of a specialist service that would be suitable, I would be glad to talk it through with you.")
	c.p("Please let me know whether you are willing to make the request and, if not, the reasons.", c.reply(), "Thank you for your help.")
}

func ifrReconsideration(c *composer) {
	v, f := c.v, c.f
	c.subject("Request to reconsider a refused "+c.fundingRequest(), "Request to reconsider a refused "+c.fundingRequest())
	sent, hasSent := c.t.sent(data.KindIFRRequest)
	var refused data.Step
	hasRefused := false
	if hasSent {
		refused, hasRefused = c.t.replyAfter(sent.On, data.OutcomeRefused, data.OutcomePartly)
	}
	what := cat("I am writing about the ", c.fundingRequest(), " made for ", v.obj(), ", for a specialist second opinion about ", v.own(), " ", c.about())
	if hasRefused {
		c.open(what + ". It was turned down on " + refused.On.Long() + ".")
	} else {
		c.open(what + ", which was turned down.")
	}
	// The panel decides; a doctor who made the request is asked to take it
	// back to the panel, never spoken to as if they were the panel.
	panel, yourPolicy := "the panel", "your policy"
	ask := "I am asking for the decision to be reconsidered."
	if c.toDoctor() {
		panel, yourPolicy = "the "+f.CommissionerShort+"'s panel", "the "+f.CommissionerShort+"'s policy"
		ask = "I would be grateful if you would ask the " + f.CommissionerShort + " to reconsider the decision."
	}
	if !f.FundingChallenge {
		// No published reconsideration or review: ask for the decision to
		// be looked at again, and how else it can be challenged.
		panel = "the " + f.CommissionerShort
		ask = "I am asking for the decision to be looked at again."
		if c.toDoctor() {
			ask = "I would be grateful if you would ask the " + f.CommissionerShort + " to look at the decision again."
		}
	}
	understand := " I understand that a reconsideration looks at new clinical information"
	if !f.FundingChallenge {
		understand = " New clinical information may help"
	}
	intro := ask + understand + ", so here is what " + panel + " may not have had:"
	if !c.bullets(intro, backgroundItems(c.req, false)...) {
		if c.toDoctor() {
			c.p(ask + understand + ", which you would be best placed to give.")
		} else {
			c.p(ask + understand + ", which " + v.poss() + " doctor can send to you.")
		}
	}
	c.p(sentence(c.req.Reason))
	c.p(c.dailyLife())
	review := "If you decide there is no new information to consider, please treat this letter as a request for a review of how the decision was made. In particular, I would like to know:"
	if c.toDoctor() {
		review = "If there is no new information to send, please ask the " + f.CommissionerShort + " instead for a review of how the decision was made. In particular, I would like to know:"
	}
	if !f.FundingChallenge {
		review = "If the decision cannot be looked at again, please tell me how it can be challenged. It would also help to know:"
	}
	c.bullets(review,
		"what information "+panel+" had when it decided",
		"how "+panel+" decided whether it had been shown "+f.FundingTest,
		"whether "+panel+" followed its own policy")
	c.p(c.reviewDeadline(refused, hasRefused))
	if c.toDoctor() {
		c.p("It would also help to have a copy of " + yourPolicy + " on " + fundingPlural(f) + ", if you have one.")
	} else {
		c.p("Please also send me a copy of " + yourPolicy + " on " + fundingPlural(f) + ".")
	}
	c.p(c.reply(), "Thank you for looking at this again.")
}

// fundingPlural names funding requests in general: "individual funding
// requests", "extra-contractual referrals"; Scotland's long name does not
// take a plural at its end.
func fundingPlural(f data.NationFacts) string {
	if fr := f.FundingRequest; !strings.HasPrefix(fr, "request ") && (strings.HasSuffix(fr, " request") || strings.HasSuffix(fr, " referral")) {
		return fr + "s"
	}
	return "funding requests like this one"
}

// toDoctor reports whether the letter is addressed to a GP or clinician.
func (c *composer) toDoctor() bool {
	r := c.in.Recipient.Role
	return r == data.RoleGP || r == data.RoleClinician
}

// reviewDeadline uses the time this board allows, when it is known.
func (c *composer) reviewDeadline(refused data.Step, hasRefused bool) string {
	days := c.in.Recipient.FundingReviewDays
	if days <= 0 {
		return "If there is a time limit or a form I should use, please let me know."
	}
	if !hasRefused {
		return fmt.Sprintf("I understand that a request like this should be made within %d days of the decision.", days)
	}
	by := refused.On.AddDays(days)
	if !c.in.Date.IsZero() && c.in.Date.After(by) {
		return fmt.Sprintf("I know that this is later than the %d days normally allowed, and I ask you to consider it all the same.", days)
	}
	return fmt.Sprintf("I understand that a request like this should be made within %d days of the decision, that is by %s, and I am writing within that time.", days, by.Long())
}

// fundingTest is what the panel must be shown, in the nation's terms, with
// exceptionality explained: it is the test most often misunderstood.
func (c *composer) fundingTest() string {
	t := c.f.FundingTest
	if strings.Contains(t, "exceptional") {
		t += ": different in a way that matters from other patients with the same condition"
	}
	return t
}
