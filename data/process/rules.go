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

var verified = data.MustDate(2026, 11, 21)

// The rules. The numbers for complaints come from data.FactsFor, by nation;
// these carry the source of each.
var (
	RuleRefusalReasons = Rule{"refusal-reasons", "A refusal explained in writing within 7 days",
		"NHS trust guidance on second opinions: a refusal is explained verbally and in writing, with the reasons, within 7 days of the request; the patient may appeal to the medical director.", verified}
	RuleChase = Rule{"chase", "Chase a letter with no reply",
		"The program's own reminder: no body sets a reply time for these letters, so a chaser is suggested after a period you choose (14 days unless changed).", verified}

	RuleComplaintAck = map[data.Nation]Rule{
		data.England: {"complaint-ack-england", "Complaint acknowledged within 3 working days",
			"Local Authority Social Services and National Health Service Complaints (England) Regulations 2009, regulation 13: acknowledge not later than 3 working days after receipt, and offer to discuss how it will be handled.", verified},
		data.Wales: {"complaint-ack-wales", "Concern acknowledged within 2 working days",
			"NHS (Concerns, Complaints and Redress Arrangements) (Wales) Regulations 2011 (Putting Things Right): acknowledge within 2 working days.", verified},
		data.Scotland: {"complaint-ack-scotland", "Stage 2 complaint acknowledged within 3 working days",
			"NHS Scotland Model Complaints Handling Procedure (SPSO): a stage 2 complaint is acknowledged within 3 working days.", verified},
		data.NorthernIreland: {"complaint-ack-ni", "Complaint acknowledged within 2 working days (3 in primary care)",
			"Health and Social Care Complaints Procedure (Department of Health, Northern Ireland): trusts acknowledge within 2 working days, family practitioner (primary care) services within 3.", verified},
	}
	RuleComplaintResponse = map[data.Nation]Rule{
		data.England: {"complaint-delay-england", "After 6 months, a delayed response must be explained",
			"Complaints (England) Regulations 2009, regulation 14: no fixed time for the response, but if it is not sent within 6 months the body must write to explain why; the final response must name the Ombudsman.", verified},
		data.Wales: {"complaint-response-wales", "Concern answered within 30 working days",
			"NHS (Concerns, Complaints and Redress Arrangements) (Wales) Regulations 2011 (Putting Things Right): a response within 30 working days of receipt, or an explanation of the delay.", verified},
		data.Scotland: {"complaint-response-scotland", "Stage 2 complaint answered within 20 working days",
			"NHS Scotland Model Complaints Handling Procedure (SPSO): stage 2 responses within 20 working days, unless an extension is explained.", verified},
		data.NorthernIreland: {"complaint-response-ni", "Complaint answered within 20 working days",
			"Health and Social Care Complaints Procedure (Northern Ireland): a response normally within 20 working days, or an explanation of the delay.", verified},
	}
	RuleStage1Scotland = Rule{"complaint-stage1-scotland", "Stage 1 complaint answered within 5 working days",
		"NHS Scotland Model Complaints Handling Procedure (SPSO): stage 1 (early resolution) within 5 working days; if not resolved it moves to stage 2.", verified}
	RuleComplaintLimit = map[data.Nation]Rule{
		data.England: {"complaint-limit-england", "Complain within 12 months",
			"Complaints (England) Regulations 2009, regulation 12: within 12 months of the event or of becoming aware of it (later complaints may be considered with good reason).", verified},
		data.Wales: {"complaint-limit-wales", "Raise a concern within 12 months",
			"Putting Things Right (Wales) 2011: within 12 months of the event or of becoming aware of it.", verified},
		data.Scotland: {"complaint-limit-scotland", "Complain within 6 months",
			"NHS Scotland Model Complaints Handling Procedure: within 6 months of the event or of becoming aware of it (and normally within 12 months of the event).", verified},
		data.NorthernIreland: {"complaint-limit-ni", "Complain within 6 months",
			"Health and Social Care Complaints Procedure (Northern Ireland): within 6 months of the event or of becoming aware of it (and normally within 12 months of the event).", verified},
	}
	RuleOmbudsmanLimit = map[data.Nation]Rule{
		data.England: {"ombudsman-limit-england", "Go to the Ombudsman within 12 months",
			"Health Service Commissioners Act 1993, section 9: the PHSO normally takes complaints within 12 months of becoming aware of the problem, after local resolution.", verified},
		data.Wales: {"ombudsman-limit-wales", "Go to the Ombudsman within 12 months",
			"Public Services Ombudsman (Wales) Act 2019: normally within 12 months of becoming aware of the matter.", verified},
		data.Scotland: {"ombudsman-limit-scotland", "Go to the SPSO within 12 months",
			"Scottish Public Services Ombudsman Act 2002, section 10: normally within 12 months of becoming aware of the matter.", verified},
		data.NorthernIreland: {"ombudsman-limit-ni", "Go to NIPSO within 6 months of the end of the complaints procedure",
			"Public Services Ombudsman Act (Northern Ireland) 2016: within 6 months of the end of the complaints procedure.", verified},
	}
	RuleRecords = Rule{"subject-access", "Copies of records within one calendar month",
		"UK GDPR Article 12(3) and the ICO's guidance on the right of access: free, answered within one calendar month of receipt, extendable by two further months for complex requests if the person is told within the first month.", verified}
	RuleRecordsExtended = Rule{"subject-access-extended", "Copies of records within three months when extended",
		"UK GDPR Article 12(3): the one-month time limit may be extended by two further months if the request is complex and the person is told, with reasons, within the first month.", verified}
	RuleFundingReview = Rule{"funding-review", "Ask for a reconsideration or review of a refused funding request",
		"Each ICB's individual funding request policy sets its own time limit to ask for a reconsideration (new clinical information) or a review (the process was not followed); the program keeps it per ICB.", verified}
)

// Rules lists every rule, for a help screen that shows the sources.
func Rules() []Rule {
	rs := []Rule{RuleRefusalReasons, RuleChase, RuleStage1Scotland, RuleRecords, RuleRecordsExtended, RuleFundingReview}
	for _, n := range data.Nations {
		rs = append(rs, RuleComplaintAck[n], RuleComplaintResponse[n], RuleComplaintLimit[n], RuleOmbudsmanLimit[n])
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
