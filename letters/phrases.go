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

func (c *composer) currentTreatment() string {
	if t := inline(c.req.Treatment); t != "" {
		return cat(c.v.cap(c.v.poss()), " current ", c.thing(), " is ", t, ".")
	}
	return ""
}

func (c *composer) alreadyTried() string {
	tried := sentence(c.req.AlreadyTried)
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

func (c *composer) hopingFor() string {
	if s := sentence(c.req.OutcomeWanted); s != "" {
		return cat("What ", c.v.be(), " hoping for is this: ", lowerFirst(s))
	}
	return ""
}

// chronology lists the dated steps so far, for a complaint or the ombudsman.
func (c *composer) chronology() []string {
	var out []string
	for _, s := range c.t {
		if s.On.IsZero() {
			continue
		}
		out = append(out, s.On.Long()+": "+describeStep(s))
	}
	return out
}

// describeStep is one line of the chronology. A letter is named by its
// title; its summary follows only if it says more than that a letter went.
func describeStep(s data.Step) string {
	what := s.Kind.Label()
	if s.Outcome != data.OutcomeNone {
		what += " (" + strings.ToLower(s.Outcome.Label()) + ")"
	}
	sum := fragment(s.Summary)
	k, ok := KindByID(s.LetterKind)
	if s.Kind != data.StepLetterSent || !ok {
		return what + wrap(": ", sum, "")
	}
	// Our own titles, so lowering the first letter is safe.
	title := strings.ToLower(k.Title[:1]) + k.Title[1:]
	what += ": " + title
	switch {
	case !addsTo(sum, title):
		return what
	case strings.Contains(trimStop(sum), ". ") || strings.ContainsAny(sum, "()"):
		return what + ". " + sentence(sum)
	}
	return what + " (" + lowerFirst(sum) + ")"
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
