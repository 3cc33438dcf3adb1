package data

// How a person is spoken of and greeted in letters: their pronouns, their
// title, and the name their NHS record holds when it differs from the one
// they use.

// Pronouns are the words a letter uses for the person after their name.
type Pronouns string

const (
	PronounsName Pronouns = ""     // no pronoun: the letter repeats the name
	PronounsHe   Pronouns = "he"   // he, him, his
	PronounsShe  Pronouns = "she"  // she, her, her
	PronounsThey Pronouns = "they" // they, them, their
)

// PronounChoices lists the choices in display order.
var PronounChoices = []Pronouns{PronounsName, PronounsHe, PronounsShe, PronounsThey}

func (p Pronouns) Label() string {
	switch p {
	case PronounsName:
		return "Use their name"
	case PronounsHe:
		return "He, him, his"
	case PronounsShe:
		return "She, her"
	case PronounsThey:
		return "They, them, their"
	}
	return string(p)
}

// Object is "him", "her", "them"; Possessive "his", "her", "their". With no
// pronoun chosen both give "", and the letter uses the name.
func (p Pronouns) Object() string {
	return map[Pronouns]string{PronounsHe: "him", PronounsShe: "her", PronounsThey: "them"}[p]
}

func (p Pronouns) Possessive() string {
	return map[Pronouns]string{PronounsHe: "his", PronounsShe: "her", PronounsThey: "their"}[p]
}

// Title is how a letter to the person greets them: "Dear Ms Ng".
type Title string

const (
	TitleNone Title = "" // "Dear Zoë Ng"
	TitleMr   Title = "Mr"
	TitleMs   Title = "Ms"
	TitleMrs  Title = "Mrs"
	TitleMiss Title = "Miss"
	TitleMx   Title = "Mx"
	TitleDr   Title = "Dr"
)

// Titles lists the choices in display order.
var Titles = []Title{TitleNone, TitleMr, TitleMs, TitleMrs, TitleMiss, TitleMx, TitleDr}

func (t Title) Label() string {
	if t == TitleNone {
		return "None (use the full name)"
	}
	return string(t)
}
