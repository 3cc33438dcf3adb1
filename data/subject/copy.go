// Package subject answers a person's rights over what is held about them:
// their own copy of everything (a subject access request under UK GDPR),
// choosing the person a command means, and who is past the time records
// are kept. It gathers records; it shows and sets nothing.
//
// # The copy's JSON (format "secondopinion-person-copy", version 1)
//
// One object:
//
//	format      "secondopinion-person-copy"
//	version     1; a later version only adds fields, or changes this number
//	made_at     when the copy was made (RFC 3339, UTC)
//	holder      who holds the records, from the user's own details (the
//	            practice or advocacy service): organisation, name, role,
//	            address, phone, email; null when none are set (someone
//	            keeping their own records)
//	person      their details: id, name, name_on_nhs_record, title, pronouns,
//	            date_of_birth, nhs_number, nation, address, phone, email,
//	            relationship, notes, flags, consent {given_on, scope} (null
//	            when none is recorded), created_at, updated_at
//	requests    each request, oldest first: its id, what it is about, route,
//	            who asked and how, the reasons and background as written,
//	            status (in words), recipient (a name), created_at, updated_at,
//	            letters and steps
//	letters     each letter: id, kind, recipient, large_print, sent_on,
//	            sent_how, text (as it reads), text_source ("edited": the
//	            words the user wrote; "composed": made from the records as
//	            the program prints it), created_at, updated_at
//	steps       each dated step, oldest first: id, on, kind, outcome,
//	            summary, due_on, due_what, minutes, letter_id, sent_how,
//	            received_on, no_reasons, created_at, and any attachment:
//	            {name, size, added_at, sha256, content_base64}
//
// Dates are ISO (2026-11-21) and "" when not given; codes (kinds, outcomes,
// routes) are the values the records store. Attached files are included
// whole, base64-encoded, so the JSON alone is the complete copy.
package subject

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"secondopinion/data"
	"secondopinion/data/process"
)

// Format and Version name the JSON's shape.
const (
	Format  = "secondopinion-person-copy"
	Version = 1
)

// Source is what gathering reads; *store.Store is one.
type Source interface {
	Person(ctx context.Context, id string) (data.Person, error)
	RequestsFor(ctx context.Context, personID string) ([]data.Request, error)
	LettersFor(ctx context.Context, requestID string) ([]data.Letter, error)
	StepsFor(ctx context.Context, requestID string) ([]data.Step, error)
	AttachedFile(ctx context.Context, stepID string) (string, []byte, error)
	Contacts(ctx context.Context) ([]data.Contact, error)
	Sender(ctx context.Context) (data.Sender, error)
	ChaseDays(ctx context.Context) int
}

// Copy is everything held about one person.
type Copy struct {
	Format   string    `json:"format"`
	Version  int       `json:"version"`
	MadeAt   time.Time `json:"made_at"`
	Holder   *Holder   `json:"holder"`
	Person   Person    `json:"person"`
	Requests []Request `json:"requests"`

	// Records are the records themselves, for composing the letters the
	// user never edited; they are not part of the JSON.
	Records Records `json:"-"`
}

// Records are the records a copy was made from.
type Records struct {
	Person    data.Person
	Requests  []data.Request
	Steps     map[string][]data.Step   // by request id
	Letters   map[string][]data.Letter // by request id
	Contacts  []data.Contact
	Sender    data.Sender
	ChaseDays int
}

// Holder is who holds the records: under UK GDPR, whom the person asks
// about them, or to put them right.
type Holder struct {
	Organisation string `json:"organisation"`
	Name         string `json:"name"`
	Role         string `json:"role"`
	Address      string `json:"address"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
}

// holderOf is the holder the user's own details name, or nil when they
// name no one.
func holderOf(s data.Sender) *Holder {
	if strings.TrimSpace(s.Organisation) == "" && strings.TrimSpace(s.Name) == "" {
		return nil
	}
	return &Holder{Organisation: s.Organisation, Name: s.Name, Role: s.Role, Address: s.Address, Phone: s.Phone, Email: s.Email}
}

// Person is the person's own details.
type Person struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	NHSName      string   `json:"name_on_nhs_record"`
	Title        string   `json:"title"`
	Pronouns     string   `json:"pronouns"`
	DateOfBirth  string   `json:"date_of_birth"`
	NHSNumber    string   `json:"nhs_number"`
	Nation       string   `json:"nation"`
	Address      string   `json:"address"`
	Phone        string   `json:"phone"`
	Email        string   `json:"email"`
	Relationship string   `json:"relationship"`
	Notes        string   `json:"notes"`
	Flags        []string `json:"flags"`
	Consent      *Consent `json:"consent"`
	CreatedAt    string   `json:"created_at"`
	UpdatedAt    string   `json:"updated_at"`
}

// Consent is the written consent recorded for an advocate to act for them.
type Consent struct {
	GivenOn string `json:"given_on"`
	Scope   string `json:"scope"`
}

// Request is one request, with its letters and steps.
type Request struct {
	ID                  string   `json:"id"`
	Subject             string   `json:"subject"`
	Route               string   `json:"route"`
	AskedBy             string   `json:"asked_by"`
	AskedHow            string   `json:"asked_how"`
	ReasonCategory      string   `json:"reason_category"`
	OnBehalf            bool     `json:"on_behalf"`
	Recipient           string   `json:"recipient"`
	Condition           string   `json:"condition"`
	Treatment           string   `json:"treatment"`
	RaisedWithDoctor    bool     `json:"raised_with_doctor"`
	Reason              string   `json:"reason"`
	OutcomeWanted       string   `json:"outcome_wanted"`
	UnwellSince         string   `json:"unwell_since"`
	Admissions          string   `json:"admissions"`
	MedicationsTried    string   `json:"medications_tried"`
	CurrentMedication   string   `json:"current_medication"`
	Problems            string   `json:"problems"`
	SideEffects         string   `json:"side_effects"`
	AlreadyTried        string   `json:"already_tried"`
	ReplyMethod         string   `json:"reply_method"`
	TestsAndAssessments string   `json:"tests_and_assessments"`
	RiskAssessment      string   `json:"risk_assessment"`
	Questions           string   `json:"questions"`
	Timescale           string   `json:"timescale"`
	Status              string   `json:"status"`
	CreatedAt           string   `json:"created_at"`
	UpdatedAt           string   `json:"updated_at"`
	Letters             []Letter `json:"letters"`
	Steps               []Step   `json:"steps"`
}

// Letter is one letter, with its text as it reads.
type Letter struct {
	ID         string `json:"id"`
	Kind       string `json:"kind"`
	Recipient  string `json:"recipient"`
	LargePrint bool   `json:"large_print"`
	SentOn     string `json:"sent_on"`
	SentHow    string `json:"sent_how"`
	Text       string `json:"text"`
	TextSource string `json:"text_source"`
	CreatedAt  string `json:"created_at"`
	UpdatedAt  string `json:"updated_at"`
}

// How a letter's text came about.
const (
	TextEdited   = "edited"
	TextComposed = "composed"
)

// Step is one dated step of a request.
type Step struct {
	ID         string      `json:"id"`
	On         string      `json:"on"`
	Kind       string      `json:"kind"`
	Outcome    string      `json:"outcome"`
	Summary    string      `json:"summary"`
	DueOn      string      `json:"due_on"`
	DueWhat    string      `json:"due_what"`
	Minutes    int         `json:"minutes"`
	LetterID   string      `json:"letter_id"`
	SentHow    string      `json:"sent_how"`
	ReceivedOn string      `json:"received_on"`
	NoReasons  bool        `json:"no_reasons"`
	CreatedAt  string      `json:"created_at"`
	Attachment *Attachment `json:"attachment"`
}

// Attachment is a file attached to a step, whole.
type Attachment struct {
	Name    string `json:"name"`
	Size    int    `json:"size"`
	AddedAt string `json:"added_at"`
	SHA256  string `json:"sha256"`
	// Content is the file itself; JSON carries it as base64.
	Content []byte `json:"content_base64"`
	// Missing is set for an older record naming a file the records do not
	// hold; the copy says so rather than leaving it out.
	Missing bool `json:"missing,omitempty"`
}

// Gather reads everything held about the person with this id. Letters
// the user never edited have no text yet: letters.FillCopy composes it.
func Gather(ctx context.Context, src Source, personID string, now time.Time) (Copy, error) {
	p, err := src.Person(ctx, personID)
	if err != nil {
		return Copy{}, err
	}
	recs := Records{Person: p, Steps: map[string][]data.Step{}, Letters: map[string][]data.Letter{}}
	if recs.Requests, err = src.RequestsFor(ctx, p.ID); err != nil {
		return Copy{}, err
	}
	if recs.Contacts, err = src.Contacts(ctx); err != nil {
		return Copy{}, err
	}
	if recs.Sender, err = src.Sender(ctx); err != nil {
		return Copy{}, err
	}
	recs.ChaseDays = src.ChaseDays(ctx)
	contacts := map[string]data.Contact{}
	for _, c := range recs.Contacts {
		contacts[c.ID] = c
	}
	c := Copy{Format: Format, Version: Version, MadeAt: now.UTC().Truncate(time.Second), Holder: holderOf(recs.Sender),
		Person: personOf(p)}
	c.Requests = []Request{}
	for _, r := range recs.Requests {
		steps, err := src.StepsFor(ctx, r.ID)
		if err != nil {
			return Copy{}, err
		}
		lets, err := src.LettersFor(ctx, r.ID)
		if err != nil {
			return Copy{}, err
		}
		recs.Steps[r.ID], recs.Letters[r.ID] = steps, lets
		out := requestOf(r, contacts)
		out.Status = process.StateOf(steps).Label()
		for _, l := range lets {
			out.Letters = append(out.Letters, letterOf(l, contacts))
		}
		for _, st := range steps {
			s, err := stepOf(ctx, src, st)
			if err != nil {
				return Copy{}, err
			}
			out.Steps = append(out.Steps, s)
		}
		c.Requests = append(c.Requests, out)
	}
	c.Records = recs
	return c, nil
}

// JSON is the copy as indented JSON, ending in a newline.
func (c Copy) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func personOf(p data.Person) Person {
	out := Person{ID: p.ID, Name: p.Name, NHSName: p.NHSName, Title: string(p.Title), Pronouns: string(p.Pronouns),
		DateOfBirth: p.DateOfBirth.String(), NHSNumber: p.NHSNumber, Nation: string(p.Nation), Address: p.Address,
		Phone: p.Phone, Email: p.Email, Relationship: p.Relationship, Notes: p.Notes, Flags: p.Flags,
		CreatedAt: stamp(p.CreatedAt), UpdatedAt: stamp(p.UpdatedAt)}
	if out.Flags == nil {
		out.Flags = []string{}
	}
	if p.HasConsent() || p.ConsentScope != "" {
		out.Consent = &Consent{GivenOn: p.ConsentOn.String(), Scope: p.ConsentScope}
	}
	return out
}

func requestOf(r data.Request, contacts map[string]data.Contact) Request {
	return Request{ID: r.ID, Subject: string(r.Subject), Route: string(r.Route), AskedBy: string(r.AskedBy),
		AskedHow: string(r.AskedHow), ReasonCategory: string(r.ReasonCategory), OnBehalf: r.OnBehalf,
		Recipient: contacts[r.RecipientID].DisplayName(), Condition: r.Condition, Treatment: r.Treatment,
		RaisedWithDoctor: r.RaisedWithDoctor, Reason: r.Reason, OutcomeWanted: r.OutcomeWanted,
		UnwellSince: r.UnwellSince, Admissions: r.Admissions, MedicationsTried: r.MedicationsTried,
		CurrentMedication: r.CurrentMedication, Problems: r.Problems, SideEffects: r.SideEffects,
		AlreadyTried: r.AlreadyTried, ReplyMethod: string(r.ReplyMethod), TestsAndAssessments: r.TestsAndAssessments,
		RiskAssessment: r.RiskAssessment, Questions: r.Questions, Timescale: r.Timescale,
		CreatedAt: stamp(r.CreatedAt), UpdatedAt: stamp(r.UpdatedAt), Letters: []Letter{}, Steps: []Step{}}
}

func letterOf(l data.Letter, contacts map[string]data.Contact) Letter {
	out := Letter{ID: l.ID, Kind: l.Kind, Recipient: contacts[l.RecipientID].DisplayName(), LargePrint: l.LargePrint,
		SentOn: l.SentOn.String(), SentHow: string(l.SentHow), TextSource: TextComposed,
		CreatedAt: stamp(l.CreatedAt), UpdatedAt: stamp(l.UpdatedAt)}
	if l.Edited() {
		out.Text, out.TextSource = l.Body, TextEdited
	}
	return out
}

func stepOf(ctx context.Context, src Source, st data.Step) (Step, error) {
	out := Step{ID: st.ID, On: st.On.String(), Kind: string(st.Kind), Outcome: string(st.Outcome), Summary: st.Summary,
		DueOn: st.DueOn.String(), DueWhat: st.DueWhat, Minutes: st.Minutes, LetterID: st.LetterID,
		SentHow: string(st.SentHow), ReceivedOn: st.ReceivedOn.String(), NoReasons: st.NoReasons,
		CreatedAt: stamp(st.CreatedAt)}
	if st.Attachment == "" {
		return out, nil
	}
	name, content, err := src.AttachedFile(ctx, st.ID)
	if errors.Is(err, data.ErrNotFound) {
		out.Attachment = &Attachment{Name: st.Attachment, AddedAt: stamp(st.CreatedAt), Missing: true}
		return out, nil
	}
	if err != nil {
		return Step{}, err
	}
	sum := sha256.Sum256(content)
	out.Attachment = &Attachment{Name: name, Size: len(content), AddedAt: stamp(st.CreatedAt),
		SHA256: hex.EncodeToString(sum[:]), Content: content}
	if content == nil {
		out.Attachment.Content = []byte{}
	}
	return out, nil
}

// FileName is the name, without extension, for a person's copy made on a
// day: their name and the date, with nothing a file system would refuse.
func FileName(p data.Person, on data.Date) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 32 {
			return '-'
		}
		return r
	}, strings.Join(strings.Fields(p.Name), " "))
	if name == "" {
		name = "person"
	}
	return "Records of " + name + " " + on.String()
}
