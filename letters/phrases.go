package letters

import (
	"strings"

	"secondopinion/data"
)

// Phrases shared by several kinds. Each returns "" when its records are
// empty, so the letter simply leaves it out.

func cat(parts ...string) string { return strings.Join(parts, "") }

// wrap puts text between a prefix and a suffix, or gives "" for no text.
func wrap(pre, s, post string) string {
	if s == "" {
		return ""
	}
	return pre + s + post
}

// open is the first paragraph; a letter on someone's behalf first says whose.
func (c *composer) open(text string) {
	if c.v.behalf {
		// "I am writing on behalf of …" comes first; do not say "writing" twice.
		c.p(c.identify())
		if rest, ok := strings.CutPrefix(text, "I am writing to "); ok {
			text = "I would like to " + rest
		}
		c.p(text)
		return
	}
	c.p(text, c.identify())
}

func (c *composer) aboutTreatment() string { return c.thing() + wrap(" for ", c.condition(), "") }
func (c *composer) aboutDiagnosis() string { return "diagnosis" + wrap(" of ", c.condition(), "") }

// about is the subject of the request in a few words.
func (c *composer) about() string {
	if c.req.Subject == data.SubjectDiagnosis {
		return c.aboutDiagnosis()
	}
	return c.aboutTreatment()
}

// inline is free text set inside a sentence: tidy, lower case first
// letter unless it is a name, no closing stop.
func inline(s string) string {
	return lowerFirst(strings.TrimRight(clean(s), ". "))
}

// currentTreatment names the current treatment in a sentence, and notes
// that it has been said.
func (c *composer) currentTreatment() string {
	if t := inline(c.req.Treatment); t != "" {
		c.saidTreatment = true
		return cat(c.v.cap(c.v.poss()), " current ", c.thing(), " is ", t, ".")
	}
	return ""
}

// besides is what a list of medication says beyond the one already named:
// "lithium 800 mg and quetiapine 100 mg" besides "Lithium 800 mg" is
// "quetiapine 100 mg"; nothing when it says no more, and the whole list
// when the named one is not in it.
func besides(list, named string) string {
	list, named = trimStop(clean(list)), trimStop(clean(named))
	if named == "" {
		return list
	}
	ll, ln := strings.ToLower(list), strings.ToLower(named)
	if strings.Contains(ln, ll) {
		return ""
	}
	i := strings.Index(ll, ln)
	if i < 0 {
		return list
	}
	// The whole item goes, not just the name: "clozapine" named in
	// "Clozapine 300 mg, sertraline" leaves "sertraline", never a bare
	// "300 mg" that would read as another medicine.
	start, end := itemAround(ll, i, i+len(ln))
	rest := list[:start] + " " + list[end:]
	rest = strings.Trim(clean(rest), " ,;")
	for _, joiner := range []string{"and ", "with ", "plus ", "also "} {
		rest = strings.TrimPrefix(rest, joiner)
	}
	for _, joiner := range []string{" and", " with", " plus"} {
		rest = strings.TrimSuffix(rest, joiner)
	}
	return strings.Trim(rest, " ,;")
}

// medicineSeparators part one medicine from the next in a list.
var medicineSeparators = []string{",", ";", " and ", " with ", " plus ", " also "}

// itemAround widens [from, to) in a lower-cased list to the whole item it
// lies in: from the end of the separator before it to the next separator.
func itemAround(list string, from, to int) (int, int) {
	start, end := 0, len(list)
	for _, sep := range medicineSeparators {
		if j := strings.LastIndex(list[:from], sep); j >= 0 && j+len(sep) > start {
			start = j + len(sep)
		}
		if j := strings.Index(list[to:], sep); j >= 0 && to+j < end {
			end = to + j
		}
	}
	return start, end
}

func (c *composer) alreadyTried() string {
	tried := sentence(c.req.AlreadyTried)
	if !c.toTreatingDoctor() {
		// "You increased the lithium" was said to the treating doctor; to
		// anyone else it would speak to the wrong reader.
		tried = addressesNoOne(tried)
	}
	if c.req.RaisedWithDoctor {
		with := "you"
		if !c.toTreatingDoctor() {
			with = c.v.own() + " doctor"
		}
		return strings.TrimSpace(c.v.cap(c.v.have()) + " raised this with " + with + " before. " + tried)
	}
	return tried
}

// toTreatingDoctor reports whether the letter goes to the doctor the
// request was raised with: a clinician or GP, in a letter to the doctor.
// The medical director, a funding request's GP, PALS and the complaints
// bodies are someone else.
func (c *composer) toTreatingDoctor() bool {
	switch c.in.Kind {
	case data.KindAppeal, data.KindIFRRequest, data.KindPALS, data.KindComplaint, data.KindAdvocacy, data.KindOmbudsman:
		return false
	}
	r := c.in.Recipient.Role
	return r == data.RoleClinician || r == data.RoleGP
}

// hopingFor says what the person hopes for, in their words: a phrase
// ("a referral to …") follows "I am hoping for", one starting "to" follows
// "I am hoping", and a sentence of their own stands as it is.
func (c *composer) hopingFor() string {
	s := trimStop(clean(c.req.OutcomeWanted))
	if s == "" {
		return ""
	}
	first, _, _ := strings.Cut(strings.ToLower(s), " ")
	switch {
	case first == "to":
		return cat(c.v.be(), " hoping ", s, ".")
	case ownSentence(s, c.v.short):
		return sentence(s)
	}
	return cat(c.v.be(), " hoping for ", lowerFirst(s), ".")
}

// wanted is what the person hopes for, for a list after "I am asking
// for:" when it is a thing asked for ("a referral to …"); otherwise, as
// when it is a sentence of their own or starts "to …", a sentence to
// follow the list, so every item of the list reads the same way.
func (c *composer) wanted() (item, after string) {
	s := fragmentLower(c.req.OutcomeWanted)
	first, _, _ := strings.Cut(strings.ToLower(s), " ")
	if s == "" || (first != "to" && !ownSentence(s, c.v.short)) {
		return s, ""
	}
	return "", c.hopingFor()
}

// ownSentence reports whether free text is already a sentence with its own
// subject: "I would like …", "We hope …", "Zoë wants …".
func ownSentence(s, name string) bool {
	first, _, _ := strings.Cut(s, " ")
	first = strings.ToLower(strings.TrimRight(first, ",'’"))
	switch first {
	case "i", "i'd", "i’d", "i'm", "i’m", "we", "we'd", "we’d", "he", "she", "they", "please":
		return true
	}
	return name != "" && strings.HasPrefix(s, name+" ")
}

// addsTo reports whether a letter's summary says more than its title and
// how it was sent: "Letter sent by post" does not.
func addsTo(summary, title string) bool {
	s := strings.ToLower(strings.TrimRight(strings.TrimSpace(summary), ".!"))
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "letter sent"), "sent"))
	s = strings.TrimSpace(strings.TrimLeft(s, ":,-–—"))
	if s == "" || s == strings.ToLower(title) {
		return false
	}
	for _, h := range data.SentHows {
		if s == strings.ToLower(h.Label()) {
			return false
		}
	}
	return true
}
