package letters

import (
	"fmt"

	"secondopinion/data"
)

// The letters to the treating doctor: review, second opinion, ask again,
// and the appeal to the medical director.

func reviewTreatment(c *composer) {
	v, thing := c.v, c.thing()
	c.subject(cat("Request to review my ", c.aboutTreatment()), cat("Request to review the ", c.aboutTreatment()))
	c.open(cat("I am writing to ask you to review ", v.poss(), " ", thing, wrap(" for ", c.condition(), ""), "."))

	it := "it"
	if c.currentTreatment() == "" {
		it = v.poss() + " " + thing
	}
	working := v.cap(v.does("do not feel", "does not feel")) + " that " + it + " is helping as it should."
	if c.req.Reason == "" {
		working = v.cap(v.does("do not feel", "does not feel")) + " that " + it + " is helping as much as it should, and I would like to look at the options again."
	}
	c.p(c.currentTreatment(), working, sentence(c.req.Reason))
	c.background("To give you the full picture, here is a short summary:")
	c.p(c.dailyLife())
	c.p(c.alreadyTried())
	c.p("I know that you have given " + v.poss() + " care careful thought, and I respect your view. Doctors can reasonably see these things differently, and I would like to be sure that every option has been considered before settling on long-term " + thing + ".")
	c.p(c.hopingFor())
	c.p(c.replyWithin(), c.reply(), "Thank you for your help.")
}

func reviewDiagnosis(c *composer) {
	v := c.v
	c.subject("Request to review my "+c.aboutDiagnosis(), "Request to review the "+c.aboutDiagnosis())
	c.open(cat("I am writing to ask you to review ", v.poss(), " diagnosis", wrap(" of ", c.condition(), ""), "."))
	if c.req.Reason != "" {
		c.p(v.pick("I do not feel that the diagnosis fits my experience.", v.short+" does not feel that the diagnosis fits."), sentence(c.req.Reason))
	} else {
		c.p(v.cap(v.be()) + " not sure that it explains " + v.own() + " symptoms fully, and I would value the chance to talk it through with you.")
	}
	c.p(c.currentTreatment())
	c.background("To give you the full picture, here is a short summary:")
	c.p(c.dailyLife())
	c.p(c.alreadyTried())
	c.p("I understand that a diagnosis is not always straightforward, and that it can take time to become clear. I am not asking you to change your view without good reason, only to look at it again with the full picture in mind, and to explain how the diagnosis was reached.")
	c.p(c.hopingFor())
	c.p(c.replyWithin(), c.reply(), "Thank you for your help.")
}

func secondOpinionTreatment(c *composer) { secondOpinion(c, false) }
func secondOpinionDiagnosis(c *composer) { secondOpinion(c, true) }

func secondOpinion(c *composer, diagnosis bool) {
	v := c.v
	about := c.aboutTreatment()
	if diagnosis {
		about = c.aboutDiagnosis()
	}
	c.subject("Request for a second opinion about my "+about, "Request for a second opinion about the "+about)
	c.open(cat("I am writing to ask you to refer ", v.obj(), " for a second opinion about ", v.own(), " ", about, "."))

	switch {
	case c.req.Reason != "":
		c.p(sentence(c.req.Reason))
	case diagnosis:
		c.p(v.cap(v.be()) + " still unsure about the diagnosis, and a second opinion would help " + v.obj() + " feel confident about it.")
	default:
		c.p(v.cap(v.be()) + " still unsure whether this is the right " + c.thing() + ", and a second opinion would help " + v.obj() + " feel confident about the way forward.")
	}
	if !diagnosis {
		c.p(c.currentTreatment())
	}
	c.background("To give you the full picture, here is a short summary:")
	c.p(c.dailyLife())
	c.p(c.alreadyTried())
	c.p(c.routeWish())
	c.p("I know that a second opinion is not a legal right, and that it may agree with yours. The General Medical Council's guidance, Good Medical Practice, asks doctors to respect a patient's right to seek one, and I hope you will support this request.")
	c.p("It would help if copies of the relevant records could be sent to the second-opinion doctor before the appointment, so that there is no delay and tests are not repeated.")
	c.p(c.hopingFor())
	c.p("If you feel unable to agree, please explain your reasons in writing.", c.replyWithin(), c.reply(), "Thank you for your help.")
}

// routeWish says which kind of second opinion is wanted.
func (c *composer) routeWish() string {
	if c.req.Route == data.RouteOutOfArea {
		return cat(c.v.cap(c.v.subj()), " would like the opinion to come from a specialist service, even if that means a referral outside the local area. I understand that this would need ", article(c.f.FundingRequest), " ", c.fundingRequest(), " to the ", c.commissioner(), ", which only a clinician can make.")
	}
	return "The opinion could come from another doctor in your team or in a different local team, whoever is best placed to give an independent view."
}

func askAgain(c *composer) {
	v := c.v
	about := c.aboutTreatment()
	if c.req.Subject == data.SubjectDiagnosis {
		about = c.aboutDiagnosis()
	}
	c.subject("Asking again for a second opinion about my "+about, "Asking again for a second opinion about the "+about)
	asked, hasAsked := c.t.firstSent(askKinds...)
	refused, hasRefused := c.t.refusal()
	what := cat("a second opinion about ", v.own(), " ", about)
	if hasAsked {
		what = c.askedFor(asked.LetterKind)
	}
	var opening string
	switch {
	case hasAsked && hasRefused:
		opening = cat("On ", asked.On.Long(), " ", v.subj(), " asked you for ", what, ". On ", refused.On.Long(), " you let ", v.obj(), " know that you did not agree to it.")
	case hasRefused:
		opening = cat("On ", refused.On.Long(), " you let ", v.obj(), " know that you did not agree to ", v.poss(), " request for ", what, ".")
	case hasAsked:
		opening = cat("On ", asked.On.Long(), " ", v.subj(), " asked you for ", what, ", and I understand that you do not agree to it.")
	default:
		opening = cat(v.cap(v.subj()), " recently asked you for ", what, ", and I understand that you do not agree to it.")
	}
	c.open(opening)
	if hasAsked && isReview(asked.LetterKind) {
		c.p("Thank you for considering the request. I have thought carefully about your answer, and I am writing to ask you to think again, and to refer " + v.obj() + " for a second opinion so that another doctor can look at it.")
	} else {
		c.p("Thank you for considering the request. I have thought carefully about your answer, and I am writing to ask you to think again.")
	}
	c.p(c.askReasons())
	if c.req.Reason != "" {
		c.p(v.cap(v.does("still feel", "still feels"))+" that a second opinion is needed.", sentence(c.req.Reason))
	}
	c.background("To give you the full picture, here is a short summary:")
	c.p(c.dailyLife())
	c.p("I know there is no legal right to a second opinion, and that it may well agree with yours. It would still give " + v.obj() + " confidence in the way forward, and I would be grateful if you would reconsider.")
	c.p(c.hopingFor())
	c.p("If the answer is still no, please tell me how the request can be taken further.", c.replyWithin(), c.reply(), "Thank you for your time.")
}

func appeal(c *composer) {
	v := c.v
	about := c.aboutTreatment()
	if c.req.Subject == data.SubjectDiagnosis {
		about = c.aboutDiagnosis()
	}
	c.subject("Appeal against the refusal of a second opinion", "Appeal against the refusal of a second opinion")
	asked, hasAsked := c.t.firstSent(askKinds...)
	refused, hasRefused := c.t.refusal()
	c.open(cat("I am writing to appeal against the decision not to refer ", v.obj(), " for a second opinion about ", v.own(), " ", about, "."))
	// "asked for it" is the second opinion; a review asked for first is named.
	it := "it"
	if hasAsked && isReview(asked.LetterKind) {
		it = c.askedFor(asked.LetterKind)
	}
	switch {
	case hasAsked && hasRefused:
		c.p(cat(v.cap(v.subj()), " asked for ", it, " on ", asked.On.Long(), ", and the request was turned down on ", refused.On.Long(), "."))
	case hasRefused:
		c.p("The request was turned down on " + refused.On.Long() + ".")
	case hasAsked:
		c.p(cat(v.cap(v.subj()), " asked for ", it, " on ", asked.On.Long(), ", and the request has been turned down."))
	}
	// An appeal to the medical director is one trust's policy, not a
	// national rule, so the letter asks for it without claiming a right.
	c.p("I am writing to ask you, as medical director, to look at the decision again and, if you agree, to choose a second-opinion doctor who is as independent of " + v.poss() + " current care as possible. If your organisation's policy sets out another way to ask for this, please tell me what it is.")
	if c.req.Reason != "" {
		c.p(sentence(c.req.Reason))
	}
	c.background("To give you the full picture, here is a short summary:")
	c.p(c.dailyLife())
	c.p(c.alreadyTried())
	c.p(c.hopingFor())
	c.p("If the reasons for the refusal have not yet been given in writing, please include them in your reply.", c.reply(), "Thank you for looking at this.")
}

// askedFor is what the first letter to the doctor asked for, from its
// kind: a review, or a second opinion, of the treatment or the diagnosis.
func (c *composer) askedFor(kind string) string {
	own := c.v.own()
	switch kind {
	case data.KindReviewTreatment:
		return cat("a review of ", own, " ", c.aboutTreatment())
	case data.KindReviewDiagnosis:
		return cat("a review of ", own, " ", c.aboutDiagnosis())
	case data.KindSecondOpinionTreatment:
		return cat("a second opinion about ", own, " ", c.aboutTreatment())
	case data.KindSecondOpinionDiagnosis:
		return cat("a second opinion about ", own, " ", c.aboutDiagnosis())
	}
	return cat("a second opinion about ", own, " ", c.about())
}

func isReview(kind string) bool {
	return kind == data.KindReviewTreatment || kind == data.KindReviewDiagnosis
}

// askReasons asks for the reasons for a refusal in writing. No national
// rule sets a time for them: only a provider recorded as having its own
// policy on it (one trust's: reasons within 7 days) is reminded of it.
func (c *composer) askReasons() string {
	help := "knowing them would help " + c.v.obj() + " understand your view."
	if !c.trustPolicy() {
		return "Please explain your reasons in writing: " + help
	}
	return "Please explain your reasons in writing. Your trust's policy on second opinions says that a refusal is explained in writing, with the reasons, within 7 days, and " + help
}

// trustPolicy reports whether the letter goes to a provider recorded as
// having a policy of written reasons within 7 days (never a GP practice).
func (c *composer) trustPolicy() bool {
	return c.in.Recipient.RefusalPolicy && c.in.Recipient.Role != data.RoleGP
}

// replyWithin asks for a reply in the time the agenda will chase it, or in
// the 7 days the provider's own policy promises.
func (c *composer) replyWithin() string {
	days := c.in.ReplyDays
	if days <= 0 {
		days = 14
	}
	if c.trustPolicy() && (c.in.Kind == data.KindSecondOpinionTreatment || c.in.Kind == data.KindSecondOpinionDiagnosis || c.in.Kind == data.KindAskAgain) {
		days = 7
	}
	return fmt.Sprintf("I would be grateful for a reply within %d days.", days)
}
