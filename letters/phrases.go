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
		return strings.TrimSpace(c.v.cap(c.v.have()) + " raised this with you before. " + tried)
	}
	return tried
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

func describeStep(s data.Step) string {
	what := s.Kind.Label()
	if s.Outcome != data.OutcomeNone {
		what += " (" + strings.ToLower(s.Outcome.Label()) + ")"
	}
	if sum := fragment(s.Summary); sum != "" {
		return what + ": " + sum
	}
	if k, ok := KindByID(s.LetterKind); ok && s.Kind == data.StepLetterSent {
		// Our own titles, so lowering the first letter is safe.
		return what + ": " + strings.ToLower(k.Title[:1]) + k.Title[1:]
	}
	return what
}
