package letters

// The letters asking for help: PALS, an advocate, and copies of records.

import (
	"strings"

	"secondopinion/data"
)

func pals(c *composer) {
	v := c.v
	c.subject("Help with a request for a second opinion", "Help with a request for a second opinion")
	what := cat("a second opinion about ", v.own(), " ", c.about())
	if refused, ok := c.t.refusal(); ok {
		c.open(cat("I am writing to ask for your help. ", v.cap(v.subj()), " asked for ", what, ", and on ", refused.On.Long(), " the request was turned down."))
	} else {
		c.open(cat("I am writing to ask for your help. ", v.cap(v.subj()), " would like ", what, ", and I would be grateful for advice on how to ask for one."))
	}
	c.p(sentence(c.req.Reason))
	c.bullets("Could you please:",
		"send me a copy of any policy you have on second opinions",
		"explain how a request for a second opinion is dealt with, and who makes the decision",
		"help "+v.obj()+" raise the request with the clinical team",
		"tell me about independent advocacy services that could offer support")
	c.p(c.hopingFor())
	c.p(c.reply(), "Thank you for your help.")
}

func advocacy(c *composer) {
	v := c.v
	c.subject("Request for support from an advocate", "Request for support from an advocate")
	c.open(cat("I am looking for an independent advocate to support ", v.obj(), " with a request for a second opinion about ", v.own(), " ", c.about(), "."))
	if refused, ok := c.t.refusal(); ok {
		c.p(cat("The request was turned down on ", refused.On.Long(), ". ", v.cap(v.subj()), " would like help to ask again, and to understand the options, including making a complaint."))
	} else {
		c.p(cat(v.cap(v.subj()), " would like help to make the request, and to understand what can be done if it is turned down."))
	}
	c.p(sentence(c.req.Reason))
	c.bullets("These are the kinds of help that would make a difference:",
		"writing to the doctor, or going over a letter before it is sent",
		"coming to appointments or meetings about the request, if needed",
		"advice on making a complaint, if it comes to that")
	other := ""
	if !c.mayBeReader(c.f.Advocacy) {
		other = "Another place to ask is " + c.f.Advocacy + "."
	}
	c.p("If you are not the right service, I would be grateful if you could tell me who is.", other)
	c.p(c.reply(), "Thank you for your help.")
}

func recordsRequest(c *composer) {
	v := c.v
	c.subject("Subject access request: copies of my health records", "Subject access request: copies of health records")
	c.open("I am making a subject access request under the UK General Data Protection Regulation (UK GDPR) for a copy of the personal information you hold about " + v.obj() + ".")
	c.bullets("Please include:",
		cat(v.poss(), " health records, including clinic letters, notes and test results", wrap(" relating to ", inline(c.req.Condition), "")),
		"any record of "+v.poss()+" request for a second opinion, and of the decisions made about it",
		"letters and emails about "+v.poss()+" care sent between the professionals involved")
	c.p("I understand that there is normally no charge for this, and that you should reply within one calendar month of receiving this request. If you need longer because the request is complex, please let me know within that month.")
	c.p(c.sendCopies())
	switch {
	case v.behalf && !c.in.Person.HasConsent():
		c.p("I will send " + possessive(v.short) + " written consent before you release the records to me. If you also need proof of identity, please let me know.")
	case v.behalf:
		c.p("If you need " + possessive(v.short) + " written consent, or proof of identity, before you can release the records to me, please let me know and I will send it.")
	default:
		c.p("If you need proof of my identity, please let me know what you need and I will send it.")
	}
	c.p("Thank you for your help.")
}

// sendCopies says where the records should go, from the same contact
// details and reply method as every other letter's reply.
func (c *composer) sendCopies() string {
	phone, email, addr := c.replyTo()
	switch {
	case c.req.ReplyMethod == data.ReplyByEmail && email != "":
		return "I would like to receive the copies electronically, by email to " + email + "."
	case addr != "":
		return "Please send the copies to me at the address above, or tell me how you will send them."
	case email != "":
		return "Please send the copies by email to " + email + ", or tell me how you will send them."
	case phone != "":
		return "Please call me on " + phone + " to arrange how I will receive the copies."
	}
	return "Please tell me how you will send the copies."
}

// mayBeReader reports whether the body named in the nation's facts may be
// the very service the letter goes to, so the letter must not send the
// reader to it: the recipient's name holds the body's name, or the body is
// a kind of service ("NHS complaints advocacy") the recipient is one of.
// With no recipient chosen, it may be anyone.
func (c *composer) mayBeReader(body string) bool {
	reader := strings.ToLower(c.in.Recipient.Name + " " + c.in.Recipient.Organisation)
	if strings.TrimSpace(reader) == "" {
		return true
	}
	key := strings.ToLower(strings.TrimPrefix(body, "the "))
	if i := strings.IndexAny(key, ",("); i > 0 {
		key = strings.TrimSpace(key[:i])
	}
	return strings.Contains(reader, key) || (strings.Contains(key, "advocacy") && strings.Contains(reader, "advocacy"))
}
