package process

import "secondopinion/data"

// Rule is one deadline the program knows, with where it comes from and
// when that source was last checked, so a reader can verify it.
type Rule struct {
	ID           string
	Title        string
	Source       string
	LastVerified data.Date
}

var (
	verified = data.MustDate(2026, 11, 21)
	// checked is when the rules changed for the NIPSO procedure, the
	// funding routes and delivery were looked up again.
	checked = data.MustDate(2026, 12, 2)
	// rechecked is when the ICO's limit, the SPPG's funding route and
	// Northern Ireland's complaint limits were looked up once more.
	rechecked = data.MustDate(2026, 12, 4)
)

// The rules. The numbers for complaints come from data.FactsFor, by nation;
// these carry the source of each.
var (
	// RuleTrustPolicy applies only to a provider whose own policy is
	// recorded as promising it (data.Contact.RefusalPolicy): no national
	// rule sets a time for a decision on a second opinion.
	RuleTrustPolicy = Rule{"trust-refusal-policy", "The trust's policy: a refusal explained in writing within 7 days",
		"One NHS trust's second-opinion policy (CLPg004): a refusal is explained verbally and in writing, with the reasons, within 7 days of the request, and the patient may appeal to the medical director. It is that trust's policy, not a national rule, so it applies only where the provider is recorded as having such a policy.", checked}
	RuleChase = Rule{"chase", "Chase a letter with no reply",
		"The program's own reminder: no national rule sets a reply time for these letters, so a chaser is suggested after a period you choose (14 days unless changed), and the letters ask for a reply in the same time.", checked}
	// RuleDelivery is why the other side's time is counted from two
	// working days after posting when no date of receipt is known.
	RuleDelivery = Rule{"delivery", "A posted letter counts as received on the second working day",
		"Interpretation Act 1978, section 7, with the Practice Direction of 8 March 1985 ([1985] 1 All ER 889): unless the contrary is shown, a first class letter is taken to arrive on the second working day after posting. Times owed by the other side run from receipt; an email or a letter given by hand counts from the day sent. Checked 2026-12-02 (VOA Council Tax Manual, appendix 3.5, quoting both).", checked}

	RuleComplaintAck = map[data.Nation]Rule{
		data.England: {"complaint-ack-england", "Complaint acknowledged within 3 working days",
			"Local Authority Social Services and National Health Service Complaints (England) Regulations 2009, regulation 13: acknowledge not later than 3 working days after receipt, and offer to discuss how it will be handled.", verified},
		data.Wales: {"complaint-ack-wales", "Concern acknowledged within 2 working days",
			"NHS (Concerns, Complaints and Redress Arrangements) (Wales) Regulations 2011 (SI 2011/704, Putting Things Right), regulation 22(1): acknowledge not later than 2 working days after receipt.", checked},
		data.Scotland: {"complaint-ack-scotland", "Stage 2 complaint acknowledged within 3 working days",
			"NHS Scotland Model Complaints Handling Procedure (SPSO): a stage 2 complaint is acknowledged within 3 working days.", verified},
		data.NorthernIreland: {"complaint-ack-ni", "Stage 2 complaint acknowledged within 3 working days",
			"NIPSO Model Complaints Handling Procedure for Health and Social Care (published 1 July 2025, in force 1 January 2026 for every HSC body, GPs included; Public Services Ombudsman Act (NI) 2016, section 38): a stage 2 complaint is acknowledged within 3 working days. It replaced the Department of Health's complaints procedure and its 2- and 3-day acknowledgements. Checked 2026-12-02 (NIPSO news; South Eastern Trust and GP practices' published procedures).", checked},
	}
	RuleComplaintResponse = map[data.Nation]Rule{
		data.England: {"complaint-delay-england", "After 6 months, a delayed response must be explained",
			"Complaints (England) Regulations 2009, regulation 14: no fixed time for the response, but if it is not sent within 6 months the body must write to explain why; the final response must name the Ombudsman.", verified},
		data.Wales: {"complaint-response-wales", "Concern answered within 30 working days",
			"NHS (Concerns, Complaints and Redress Arrangements) (Wales) Regulations 2011 (Putting Things Right), regulation 24: a response within 30 working days of receipt, or an explanation of the delay and a new date.", checked},
		data.Scotland: {"complaint-response-scotland", "Stage 2 complaint answered within 20 working days",
			"NHS Scotland Model Complaints Handling Procedure (SPSO): stage 2 responses within 20 working days, unless an extension is explained.", verified},
		data.NorthernIreland: {"complaint-response-ni", "Stage 2 complaint answered within 20 working days",
			"NIPSO Model Complaints Handling Procedure for Health and Social Care (in force 1 January 2026): a stage 2 response within 20 working days, or an explanation of the delay. Checked 2026-12-02.", checked},
	}
	RuleStage1 = map[data.Nation]Rule{
		data.Scotland: {"complaint-stage1-scotland", "Stage 1 complaint answered within 5 working days",
			"NHS Scotland Model Complaints Handling Procedure (SPSO): stage 1 (early resolution) within 5 working days (up to 10 if extended); if not resolved it can move to stage 2.", verified},
		data.NorthernIreland: {"complaint-stage1-ni", "Stage 1 complaint answered within 5 working days",
			"NIPSO Model Complaints Handling Procedure for Health and Social Care (in force 1 January 2026): stage 1 (frontline) decision within 5 working days, up to 10 if extended. Checked 2026-12-02 (South Eastern Trust; Sperrin Family Practice).", checked},
	}
	// RuleStage2Request is the time to ask for stage 2 after a stage 1 answer.
	RuleStage2Request = map[data.Nation]Rule{
		data.Scotland: {"complaint-stage2-scotland", "Ask for stage 2 within 6 months of the event or 2 months of the stage 1 answer, whichever is later",
			"NHS Scotland Model Complaints Handling Procedure (SPSO): a stage 2 complaint is made within 6 months of the event or of becoming aware of it, or within 2 months of the stage 1 answer, whichever is later. A person should confirm the wording against the SPSO's published procedure.", checked},
		data.NorthernIreland: {"complaint-stage2-ni", "Ask for stage 2 within 30 days of the stage 1 answer",
			"NIPSO Model Complaints Handling Procedure for Health and Social Care: stage 2 is asked for within 30 days of the stage 1 answer (South Eastern Trust: 30 days; some GP practices say 30 working days). The program uses the shorter, 30 calendar days, to be safe; a person should confirm it against NIPSO's published procedure. Checked 2026-12-02.", checked},
	}
	RuleComplaintLimit = map[data.Nation]Rule{
		data.England: {"complaint-limit-england", "Complain within 12 months",
			"Complaints (England) Regulations 2009, regulation 12: within 12 months of the event or of becoming aware of it (later complaints may be considered with good reason).", verified},
		data.Wales: {"complaint-limit-wales", "Raise a concern within 12 months",
			"NHS (Concerns, Complaints and Redress Arrangements) (Wales) Regulations 2011, regulation 15: within 12 months of the event or of becoming aware of it.", checked},
		data.Scotland: {"complaint-limit-scotland", "Complain within 6 months",
			"NHS Scotland Model Complaints Handling Procedure: within 6 months of the event or of becoming aware of it.", checked},
		data.NorthernIreland: {"complaint-limit-ni", "Complain within 6 months",
			"NIPSO Model Complaints Handling Procedure for Health and Social Care (in force 1 January 2026): within 6 months of the event or of finding out there is a reason to complain, and normally no later than 12 months after the event; later complaints only in exceptional circumstances. Checked 2026-12-04 (Belfast Trust, 'Making a complaint').", rechecked},
	}
	RuleOmbudsmanLimit = map[data.Nation]Rule{
		data.England: {"ombudsman-limit-england", "Go to the Ombudsman within 12 months",
			"Health Service Commissioners Act 1993, section 9(4): the PHSO normally takes complaints within 12 months of first having notice of the matter, after local resolution.", checked},
		data.Wales: {"ombudsman-limit-wales", "Go to the Ombudsman within 12 months",
			"Public Services Ombudsman (Wales) Act 2019, section 8(1)(c): normally within one year of first having notice of the matter.", checked},
		data.Scotland: {"ombudsman-limit-scotland", "Go to the SPSO within 12 months",
			"Scottish Public Services Ombudsman Act 2002, section 10: normally within 12 months of becoming aware of the matter, after stage 2.", verified},
		data.NorthernIreland: {"ombudsman-limit-ni", "Go to NIPSO within 6 months of the end of the complaints procedure",
			"Public Services Ombudsman Act (Northern Ireland) 2016, section 26(2): within 6 months of the day the body sends its final response saying the complaints procedure is over.", checked},
	}
	RuleRecords = Rule{"subject-access", "Copies of records within one calendar month",
		"UK GDPR Article 12(3) and the ICO's guidance on the right of access: free, answered within one calendar month of receipt; if that day is a weekend or bank holiday, by the next working day. Extendable by two further months for complex requests if the person is told within the first month; since 2026 the clock also stops while the organisation waits for proof of identity or a clarification it reasonably needs (Data (Use and Access) Act 2025). Checked 2026-12-02 (ico.org.uk, SAR time limits).", checked}
	RuleRecordsExtended = Rule{"subject-access-extended", "Copies of records within three months when extended",
		"UK GDPR Article 12(3): the one-month time limit may be extended by two further months if the request is complex and the person is told, with reasons, within the first month.", verified}
	// RuleICO is the next step after a late or refused subject access request.
	RuleICO = Rule{"ico-complaint", "Complain to the ICO within 3 months of the last contact",
		"Information Commissioner's Office, 'What do I need to do before I can complain to the ICO?': complain to the organisation first; if there is no answer after a month, or the answer is not right, complain to the ICO within 3 months of your last contact with the organisation ('You should do this within three months of your last contact with the organisation': ico.org.uk, 'What to expect'). Checked 2026-12-04.", rechecked}
	RuleFundingReview = Rule{"funding-review", "Ask for a reconsideration or review of a refused funding request",
		"Each commissioner's funding policy (an ICB's IFR policy, a Welsh health board's IPFR policy, a Scottish NHS board's out-of-area referral protocol, and, in Northern Ireland, the SPPG for extra-contractual referrals) sets its own time limit, where it offers one, to ask for a reconsideration (new clinical information) or a review (the process was not followed); the program keeps it per body. No published way for a patient to have an extra-contractual referral decision reviewed was found (checked 2026-12-04), so the program suggests asking the body what it offers rather than naming a process.", rechecked}
	// RuleJudicialReview is the court's limit once the last local review of
	// a funding decision has failed.
	RuleJudicialReview = map[data.Nation]Rule{
		data.England: {"judicial-review-england", "Judicial review: promptly, and within 3 months",
			"Civil Procedure Rules 54.5(1): a claim for judicial review must be filed promptly and in any event not later than 3 months after the grounds arose. Checked 2026-12-02.", checked},
		data.Wales: {"judicial-review-wales", "Judicial review: promptly, and within 3 months",
			"Civil Procedure Rules 54.5(1) (England and Wales): promptly and in any event not later than 3 months after the grounds arose. Checked 2026-12-02.", checked},
		data.Scotland: {"judicial-review-scotland", "Judicial review: within 3 months",
			"Court of Session Act 1988, section 27A: an application for judicial review within 3 months of the date the grounds arose, or a longer period the court thinks equitable. Checked 2026-12-02.", checked},
		data.NorthernIreland: {"judicial-review-ni", "Judicial review: promptly, and within 3 months",
			"Rules of the Court of Judicature (Northern Ireland) 1980, Order 53 rule 4: promptly and in any event within 3 months of the grounds arising. Checked 2026-12-02.", checked},
	}
)

// Rules lists every rule, for a help screen that shows the sources.
func Rules() []Rule {
	rs := []Rule{RuleTrustPolicy, RuleChase, RuleDelivery, RuleRecords, RuleRecordsExtended, RuleICO, RuleFundingReview}
	for _, n := range data.Nations {
		rs = append(rs, RuleComplaintAck[n], RuleComplaintResponse[n], RuleComplaintLimit[n], RuleOmbudsmanLimit[n],
			RuleJudicialReview[n])
		for _, m := range []map[data.Nation]Rule{RuleStage1, RuleStage2Request} {
			if r, ok := m[n]; ok {
				rs = append(rs, r)
			}
		}
	}
	return rs
}

// ruleFor picks a nation's rule, falling back to England's as data.FactsFor does.
func ruleFor(m map[data.Nation]Rule, n data.Nation) Rule {
	if r, ok := m[n]; ok {
		return r
	}
	return m[data.England]
}
