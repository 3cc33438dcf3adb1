package letters

import (
	"strings"
	"unicode"

	"secondopinion/data"
)

// Choice is who a letter should go to: a contact's id, or, when nothing
// fitting is known, an empty id and a note telling the user whom to choose
// or add. A letter about someone's health sent to the wrong body is a
// privacy breach as well as a wasted month, so the rules never guess.
type Choice struct {
	ID   string
	Note string
}

// RecipientFor is the id of the contact a letter of this kind should go
// to, or "" when the user must choose (ChooseRecipient says why).
func RecipientFor(kind string, req data.Request, nation data.Nation, contacts []data.Contact) string {
	return ChooseRecipient(kind, req, nation, contacts).ID
}

// ChooseRecipient picks who a letter of this kind goes to, following the
// request: the person's own doctor for letters meant for the doctor; the
// provider's own PALS, complaints team, medical director or records team;
// the person's own commissioner; the nation's ombudsman and advocacy body.
// A body that serves only other nations is never chosen.
func ChooseRecipient(kind string, req data.Request, nation data.Nation, contacts []data.Contact) Choice {
	f := data.FactsFor(nation)
	p := picker{nation: nation, contacts: contacts}
	p.own, _ = p.byID(req.RecipientID)
	switch kind {
	case data.KindReviewTreatment, data.KindReviewDiagnosis, data.KindSecondOpinionTreatment,
		data.KindSecondOpinionDiagnosis, data.KindAskAgain, data.KindIFRRequest,
		data.KindClinicianReferral, data.KindReceptionReceipt:
		// Chosen by the user for this request: their doctor, the colleague
		// asked, or the clinician a desk request was passed to.
		if isDoctor(p.own.Role) {
			return Choice{ID: p.own.ID}
		}
		return Choice{Note: "Choose the doctor this letter is for: the GP or the consultant in charge of the care. Add them to the directory if they are not there yet."}
	case data.KindPALS:
		if id := p.atProvider(data.RolePALS, data.RoleComplaints); id != "" {
			return Choice{ID: id}
		}
		return Choice{Note: "Choose " + f.Advice + " of the hospital or service concerned, or add it to the directory."}
	case data.KindComplaint:
		if id := p.atProvider(data.RoleComplaints); id != "" {
			return Choice{ID: id}
		}
		if id := p.onlyOne(data.RoleCommissioner); id != "" && nation != data.NorthernIreland {
			// England's complaints may go to the ICB instead of the
			// provider; a Welsh or Scottish board is itself the provider.
			return Choice{ID: id}
		}
		return Choice{Note: "Choose the complaints team of the provider concerned (or, in England, the person's own ICB), or add it to the directory."}
	case data.KindAppeal:
		if id := p.atProvider(data.RoleMedicalDirector); id != "" {
			return Choice{ID: id}
		}
		return Choice{Note: "Choose the medical director of the trust concerned, or add them to the directory."}
	case data.KindRecordsRequest:
		if id := p.atProvider(data.RoleRecords); id != "" {
			return Choice{ID: id}
		}
		if isDoctor(p.own.Role) {
			// The practice or hospital that holds the records answers for them.
			return Choice{ID: p.own.ID}
		}
		return Choice{Note: "Choose the GP practice or hospital that holds the records (its records or data protection team if it has one), or add it to the directory."}
	case data.KindIFRReconsideration:
		if p.own.Role == data.RoleCommissioner && p.own.Serves(nation) {
			return Choice{ID: p.own.ID}
		}
		if id := p.onlyOne(data.RoleCommissioner); id != "" {
			return Choice{ID: id}
		}
		return Choice{Note: "Choose the person's own " + f.CommissionerShort + ", which decided the funding request, or add it to the directory."}
	case data.KindOmbudsman:
		if id := p.national(data.RoleOmbudsman, func(c data.Contact) bool { return sameName(c.Organisation, f.Ombudsman) }); id != "" {
			return Choice{ID: id}
		}
		return Choice{Note: "Add the " + f.Ombudsman + " to the directory, then choose it."}
	case data.KindAdvocacy:
		body := advocacyBody(f.Advocacy)
		if id := p.national(data.RoleAdvocacy, func(c data.Contact) bool { return namesBody(c.Organisation, body) }); id != "" {
			return Choice{ID: id}
		}
		if id := p.onlyOne(data.RoleAdvocacy); id != "" {
			return Choice{ID: id}
		}
		return Choice{Note: "Choose an advocacy service for " + f.Nation.Label() + ", or add the local one to the directory."}
	}
	return Choice{Note: "Choose who this letter goes to."}
}

// picker finds contacts fit for a letter about a person in one nation.
type picker struct {
	nation   data.Nation
	contacts []data.Contact
	own      data.Contact // the request's own recipient: the doctor or provider
}

func (p picker) byID(id string) (data.Contact, bool) {
	if id == "" {
		return data.Contact{}, false
	}
	for _, c := range p.contacts {
		if c.ID == id {
			return c, true
		}
	}
	return data.Contact{}, false
}

// atProvider is a contact in one of the roles (in order of preference) at
// the request's own provider, else the only one in the person's nation.
func (p picker) atProvider(roles ...data.ContactRole) string {
	org := clean(p.own.Organisation)
	for _, r := range roles {
		for _, c := range p.contacts {
			if c.Role == r && c.Serves(p.nation) && org != "" && strings.EqualFold(clean(c.Organisation), org) {
				return c.ID
			}
		}
	}
	for _, r := range roles {
		if id := p.onlyOne(r); id != "" {
			return id
		}
	}
	return ""
}

// onlyOne is the one contact in the role serving the nation; with none or
// several, there is no telling which is the person's, so "".
func (p picker) onlyOne(role data.ContactRole) string {
	found := ""
	for _, c := range p.contacts {
		if c.Role == role && c.Serves(p.nation) {
			if found != "" {
				return ""
			}
			found = c.ID
		}
	}
	return found
}

// national is the nation's own body in the role: the one named as the
// nation's (by preferred), else any that is recorded as serving it.
func (p picker) national(role data.ContactRole, preferred func(data.Contact) bool) string {
	// A body named as the nation's own is its own, even where the user
	// added it without saying which nations it serves.
	for _, c := range p.contacts {
		if c.Role == role && c.Serves(p.nation) && preferred(c) {
			return c.ID
		}
	}
	for _, c := range p.contacts {
		if c.Role == role && c.ServesOnly(p.nation) {
			return c.ID
		}
	}
	return ""
}

func isDoctor(r data.ContactRole) bool { return r == data.RoleGP || r == data.RoleClinician }

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
