package data

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Size limits, in characters. Generous enough for a real life story,
// small enough that a stray paste cannot swamp the program.
const (
	LimitName     = 200
	LimitLine     = 300    // a phone number, an email, a short answer
	LimitAddress  = 1000   // several lines
	LimitText     = 50_000 // background, reasons and other free text
	LimitLetter   = 1 << 20
	LimitNotes    = 1 << 20
	earliestBirth = 1880
)

// checkText refuses text that is too long or holds control characters
// (other than new lines and tabs where several lines are allowed). It never
// changes the text: names keep every accent, apostrophe and hyphen.
func checkText(p *Problems, field, label, value string, limit int, multiline bool) {
	if !utf8.ValidString(value) {
		p.add(field, label+" holds characters that could not be read. Please type it again.")
		return
	}
	if n := utf8.RuneCountInString(value); n > limit {
		p.add(field, fmt.Sprintf("%s is too long: %s characters, and the most it can hold is %s. Please shorten it.",
			label, groupThousands(n), groupThousands(limit)))
		return
	}
	for _, r := range value {
		if r == '\n' || r == '\t' || r == '\r' {
			if !multiline {
				p.add(field, label+" should be on one line.")
				return
			}
			continue
		}
		if unicode.IsControl(r) {
			p.add(field, label+" holds a hidden control character. Please type it again rather than pasting it.")
			return
		}
	}
}

func groupThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func required(p *Problems, field, label, value string) bool {
	if strings.TrimSpace(value) == "" {
		p.add(field, label+" is needed.")
		return false
	}
	return true
}

// CheckEmail returns a message if s is not blank and does not look like an email address.
func CheckEmail(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	at := strings.LastIndexByte(s, '@')
	if at < 1 || at == len(s)-1 || strings.ContainsAny(s, " \t\n<>,;") || !strings.Contains(s[at+1:], ".") {
		return "This does not look like an email address. It should be like name@example.org."
	}
	return ""
}

// CheckPhone returns a message if s is not blank and is not a phone number.
func CheckPhone(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +-()ext.", r):
		default:
			return "A phone number should hold only digits, spaces and + ( ) -, for example 01632 960123."
		}
	}
	if (digits < 7 || digits > 15) && !shortServiceNumber(s) {
		return "This phone number has too few or too many digits. Please check it."
	}
	return ""
}

// shortServiceNumber reports the UK's short numbers a contact may have:
// the 116 helplines (Samaritans on 116 123) and 111.
func shortServiceNumber(s string) bool {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	return (len(d) == 6 && strings.HasPrefix(d, "116")) || d == "111"
}

// NormaliseNHSNumber strips the spaces and dashes people type in an NHS number.
func NormaliseNHSNumber(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// CheckNHSNumber returns a message if s is not blank and is not a valid NHS
// number: ten digits whose last is the modulus-11 check digit of the rest.
// Scotland's CHI number and Northern Ireland's Health and Care Number share
// that form, so the messages name none of the three alone.
func CheckNHSNumber(s string) string {
	n := NormaliseNHSNumber(s)
	if n == "" {
		return ""
	}
	if len(n) != 10 || strings.Trim(n, "0123456789") != "" {
		return "The number has 10 digits, like 943 476 5919, whether it is an NHS number, a CHI number (Scotland) or a Health and Care Number (Northern Ireland). Please check it."
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(n[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	if check == 10 || check != int(n[9]-'0') {
		return "This is not a valid number: one of the digits may be wrong. Please check it against a letter from your GP or hospital."
	}
	return ""
}

// Validate checks a person before saving.
func (p Person) Validate() error {
	var ps Problems
	if required(&ps, "Name", "Their name", p.Name) {
		checkText(&ps, "Name", "The name", p.Name, LimitName, false)
	}
	if !p.DateOfBirth.IsZero() {
		if msg := CheckDateOfBirth(p.DateOfBirth, Today()); msg != "" {
			ps.add("DateOfBirth", msg)
		}
	}
	checkText(&ps, "Address", "The address", p.Address, LimitAddress, true)
	checkText(&ps, "Phone", "The phone number", p.Phone, LimitLine, false)
	if msg := CheckPhone(p.Phone); msg != "" {
		ps.add("Phone", msg)
	}
	checkText(&ps, "Email", "The email address", p.Email, LimitLine, false)
	if msg := CheckEmail(p.Email); msg != "" {
		ps.add("Email", msg)
	}
	if msg := CheckNHSNumber(p.NHSNumber); msg != "" {
		ps.add("NHSNumber", msg)
	}
	if !oneOf(p.Nation, Nations) {
		ps.add("Nation", "Please choose where they live: England, Wales, Scotland or Northern Ireland.")
	}
	checkText(&ps, "Notes", "The notes", p.Notes, LimitNotes, true)
	if !oneOf(p.Pronouns, PronounChoices) {
		ps.add("Pronouns", "Please choose he, she, they, or to use their name.")
	}
	if !oneOf(p.Title, Titles) {
		ps.add("Title", "Please choose a title from the list, or none.")
	}
	checkText(&ps, "NHSName", "The name on the NHS record", p.NHSName, LimitName, false)
	checkText(&ps, "Relationship", "Who they are to you", p.Relationship, LimitName, false)
	if p.ConsentOn.After(Today()) {
		ps.add("ConsentOn", "The date of consent cannot be in the future.")
	}
	checkText(&ps, "ConsentScope", "What the consent covers", p.ConsentScope, LimitLine, false)
	checkText(&ps, "Relationship", "Who they are to you", p.Relationship, LimitLine, false)
	for _, f := range p.Flags {
		if strings.TrimSpace(f) == "" || strings.ContainsAny(f, "\n\r") || utf8.RuneCountInString(f) > 40 {
			ps.add("Flags", "Each flag should be a short word or two on one line.")
			break
		}
	}
	if len(p.Flags) > 20 {
		ps.add("Flags", "A person can have at most 20 flags.")
	}
	return ps.orNil()
}

// CheckDateOfBirth returns a message if a date of birth is in the future or implausibly old.
func CheckDateOfBirth(d, today Date) string {
	switch {
	case d.After(today):
		return "A date of birth cannot be in the future. Please check the year."
	case d.Year() < earliestBirth:
		return "This date of birth is too long ago. Please check the year."
	}
	return ""
}

// Validate checks a contact before saving.
func (c Contact) Validate() error {
	var ps Problems
	if strings.TrimSpace(c.Name) == "" && strings.TrimSpace(c.Organisation) == "" {
		ps.add("Name", "Please give a name, an organisation, or both.")
	}
	checkText(&ps, "Name", "The name", c.Name, LimitName, false)
	checkText(&ps, "Organisation", "The organisation", c.Organisation, LimitName, false)
	checkText(&ps, "Address", "The address", c.Address, LimitAddress, true)
	checkText(&ps, "Email", "The email address", c.Email, LimitLine, false)
	if msg := CheckEmail(c.Email); msg != "" {
		ps.add("Email", msg)
	}
	checkText(&ps, "Phone", "The phone number", c.Phone, LimitLine, false)
	if msg := CheckPhone(c.Phone); msg != "" {
		ps.add("Phone", msg)
	}
	checkText(&ps, "Notes", "The notes", c.Notes, LimitNotes, true)
	if !oneOf(c.Role, ContactRoles) {
		ps.add("Role", "Please choose what kind of contact this is.")
	}
	for _, n := range c.Nations {
		if !oneOf(n, Nations) {
			ps.add("Nations", "Please choose the nations this contact serves from the list.")
			break
		}
	}
	return ps.orNil()
}

// Validate checks a request before saving. Only the person and the subject
// are needed: a draft may be saved with everything else still blank.
func (r Request) Validate() error {
	var ps Problems
	if r.PersonID == "" {
		ps.add("PersonID", "Please choose who this request is for.")
	}
	if !oneOf(r.Subject, Subjects) {
		ps.add("Subject", "Please choose what this is about: the diagnosis, the treatment or the medication.")
	}
	if r.Route != "" && !oneOf(r.Route, Routes) {
		ps.add("Route", "Please choose a route.")
	}
	if r.AskedBy != "" && !oneOf(r.AskedBy, AskedBys) {
		ps.add("AskedBy", "Please choose who asked.")
	}
	if r.AskedHow != "" && !oneOf(r.AskedHow, AskedHows) {
		ps.add("AskedHow", "Please choose how they asked.")
	}
	if r.ReasonCategory != "" && !oneOf(r.ReasonCategory, ReasonCategories) {
		ps.add("ReasonCategory", "Please choose a kind of reason.")
	}
	if r.ReplyMethod != "" && !oneOf(r.ReplyMethod, ReplyMethods) {
		ps.add("ReplyMethod", "Please choose how they would like a reply.")
	}
	checkText(&ps, "Condition", "The diagnosis or condition", r.Condition, LimitLine, false)
	checkText(&ps, "Treatment", "The treatment", r.Treatment, LimitLine, false)
	checkText(&ps, "Timescale", "The timescale", r.Timescale, LimitLine, false)
	for _, f := range []struct{ field, label, value string }{
		{"Reason", "The reasons", r.Reason},
		{"OutcomeWanted", "What they are asking for", r.OutcomeWanted},
		{"UnwellSince", "How long they have been unwell", r.UnwellSince},
		{"Admissions", "The hospital admissions", r.Admissions},
		{"MedicationsTried", "The medication tried", r.MedicationsTried},
		{"CurrentMedication", "The current medication", r.CurrentMedication},
		{"Problems", "The problems", r.Problems},
		{"SideEffects", "The side effects", r.SideEffects},
		{"AlreadyTried", "What was already tried", r.AlreadyTried},
		{"TestsAndAssessments", "The tests and assessments", r.TestsAndAssessments},
		{"RiskAssessment", "The risk assessment", r.RiskAssessment},
		{"Questions", "The questions", r.Questions},
	} {
		checkText(&ps, f.field, f.label, f.value, LimitText, true)
	}
	return ps.orNil()
}

// Validate checks a letter before saving.
func (l Letter) Validate() error {
	var ps Problems
	if l.RequestID == "" {
		ps.add("RequestID", "A letter must belong to a request.")
	}
	if strings.TrimSpace(l.Kind) == "" {
		ps.add("Kind", "Please choose which letter this is.")
	}
	checkText(&ps, "Body", "The letter", l.Body, LimitLetter, true)
	if l.SentHow != "" && !oneOf(l.SentHow, SentHows) {
		ps.add("SentHow", "Please choose how the letter was sent.")
	}
	return ps.orNil()
}

// Validate checks a step before saving.
func (s Step) Validate() error {
	var ps Problems
	if s.RequestID == "" {
		ps.add("RequestID", "A step must belong to a request.")
	}
	if s.On.IsZero() {
		ps.add("On", "Please give the date this happened.")
	} else if s.On.After(Today().AddDays(1)) {
		ps.add("On", "This date is in the future. Please give the date it happened.")
	}
	if !oneOf(s.Kind, StepKinds) {
		ps.add("Kind", "Please choose what happened.")
	}
	if s.Kind == StepReply && !oneOf(s.Outcome, ReplyOutcomes) {
		ps.add("Outcome", "Please choose what they said: agreed, refused, partly agreed or no reply.")
	}
	if !s.DueOn.IsZero() && s.DueOn.Before(s.On) {
		ps.add("DueOn", "The due date is before the date of the step. Please check it.")
	}
	if s.SentHow != "" && !oneOf(s.SentHow, SentHows) {
		ps.add("SentHow", "Please choose how the letter was sent.")
	}
	if !s.ReceivedOn.IsZero() && s.ReceivedOn.Before(s.On) {
		ps.add("ReceivedOn", "The day it was received is before the day it was sent. Please check it.")
	}
	if s.Minutes < 0 || s.Minutes > 24*60 {
		ps.add("Minutes", "Time spent should be between 0 and 1,440 minutes (a whole day).")
	}
	checkText(&ps, "Summary", "The summary", s.Summary, LimitNotes, true)
	checkText(&ps, "DueWhat", "What is due", s.DueWhat, LimitLine, false)
	return ps.orNil()
}

func oneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if v == x {
			return true
		}
	}
	return false
}
