package letters

import "secondopinion/data"

// voice writes about the patient in the first person, or by name when
// someone writes on their behalf. A pronoun is used only when the person's
// own pronouns are recorded; otherwise the letter repeats the name.
type voice struct {
	behalf bool
	name   string // in full, at first mention
	short  string // after that
	pron   data.Pronouns
}

func (v voice) subj() string { return v.pick("I", v.short) }
func (v voice) obj() string  { return v.pick("me", v.objName()) }
func (v voice) poss() string { return v.pick("my", v.possName()) }
func (v voice) be() string   { return v.pick("I am", v.short+" is") }
func (v voice) have() string { return v.pick("I have", v.short+" has") }

// objName is "her", "him" or "them" as recorded, else the name.
func (v voice) objName() string {
	if p := v.pron.Object(); p != "" {
		return p
	}
	return v.short
}

// possName is "her", "his" or "their" as recorded, else "Zoë's".
func (v voice) possName() string {
	if p := v.pron.Possessive(); p != "" {
		return p
	}
	return possessive(v.short)
}

// does conjugates a verb: does("feel", "feels") is "I feel" or "Zoë feels".
func (v voice) does(base, third string) string { return v.pick("I "+base, v.short+" "+third) }

func (v voice) pick(self, other string) string {
	if v.behalf {
		return other
	}
	return self
}

func (v voice) cap(s string) string { return upperFirst(s) }

// own is "my" in the patient's letters and "the" in letters on their
// behalf, where "Zoë would like … about Zoë's diagnosis" would read badly.
func (v voice) own() string { return v.pick("my", "the") }
