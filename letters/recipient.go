package letters

import (
	"strings"
	"unicode"

	"secondopinion/data"
)

// RecipientFor is the id of the contact a letter of this kind should go
// to: the request's recipient if their role fits the kind's usual
// recipient, else the first contact whose role fits (for the ombudsman
// letter, the nation's ombudsman first; for advocacy, the nation's
// advocacy body first), else the request's recipient.
func RecipientFor(kind string, req data.Request, nation data.Nation, contacts []data.Contact) string {
	k, ok := KindByID(kind)
	if !ok {
		return req.RecipientID
	}
	fits := func(c data.Contact) bool { return c.Role == k.Recipient }
	// The person's own doctor, GP or consultant, answers the letters meant
	// for "the doctor": a stranger's consultant from the directory never should.
	doctor := func(r data.ContactRole) bool { return r == data.RoleGP || r == data.RoleClinician }
	if doctor(k.Recipient) && kind != data.KindClinicianReferral {
		for _, c := range contacts {
			if c.ID == req.RecipientID && doctor(c.Role) {
				return c.ID
			}
		}
	}
	for _, c := range contacts {
		if c.ID == req.RecipientID && fits(c) {
			return c.ID
		}
	}
	f := data.FactsFor(nation)
	var preferred func(data.Contact) bool
	switch kind {
	case data.KindOmbudsman:
		preferred = func(c data.Contact) bool { return sameName(c.Organisation, f.Ombudsman) }
	case data.KindAdvocacy:
		body := advocacyBody(f.Advocacy)
		preferred = func(c data.Contact) bool { return namesBody(c.Organisation, body) }
	}
	if preferred != nil {
		for _, c := range contacts {
			if fits(c) && preferred(c) {
				return c.ID
			}
		}
	}
	for _, c := range contacts {
		if fits(c) {
			return c.ID
		}
	}
	return req.RecipientID
}

func sameName(a, b string) bool {
	a, b = clean(a), clean(b)
	return a != "" && strings.EqualFold(a, b)
}

// advocacyBody is the names of the body at the start of the nation's
// advocacy text: "Llais, the independent body …" is "Llais"; "the Patient
// Advice and Support Service (PASS), which …" is that name and "PASS".
func advocacyBody(text string) []string {
	name := strings.TrimPrefix(clean(text), "the ")
	var out []string
	if open := strings.Index(name, "("); open >= 0 {
		if end := strings.Index(name[open:], ")"); end > 0 {
			out = append(out, name[open+1:open+end])
		}
	}
	if i := strings.IndexAny(name, ",("); i >= 0 {
		name = name[:i]
	}
	return append(out, strings.TrimSpace(name))
}

// namesBody reports whether an organisation's name contains one of the
// body's names as whole words, ignoring case: "Llais Cardiff and Vale"
// is Llais, and "PASS Scotland" is PASS, but "Compass" is not.
func namesBody(org string, names []string) bool {
	words := func(s string) string {
		return " " + strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ") + " "
	}
	o := words(org)
	for _, n := range names {
		if w := words(n); strings.TrimSpace(w) != "" && strings.Contains(o, w) {
			return true
		}
	}
	return false
}
