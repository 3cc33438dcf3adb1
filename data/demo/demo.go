// Package demo fills a data folder with a realistic, invented caseload:
// people in all four nations, requests at every stage, replies, and some
// steps overdue. It is for looking around, for tests and for benchmarks.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// Advocate is the demo's user, who writes on people's behalf.
var Advocate = data.Sender{
	Name: "Alex Morgan", Role: "Independent advocate", Organisation: "Northshire Advocacy (example)",
	Address: "Unit 4, Canal Wharf\nLeeds\nLS11 5AA", Phone: "0113 496 0123", Email: "alex.morgan@example.org",
}

// Stage is how far a demo request has got.
type Stage int

const (
	Drafted Stage = iota
	Awaiting
	NoReply // sent long ago, unanswered: overdue
	Agreed
	Refused
	Partly
	Escalated
	Closed
	stageCount
)

// Generate adds clients people, with their requests, letters and steps,
// dated up to today, in one transaction. The same seed gives the same
// caseload.
func Generate(ctx context.Context, st *store.Store, clients int, seed int64, today data.Date) error {
	return GenerateReporting(ctx, st, clients, seed, today, nil)
}

// GenerateReporting is Generate, calling invented (when not nil) with the
// number of people invented so far, and with clients before it saves them.
func GenerateReporting(ctx context.Context, st *store.Store, clients int, seed int64, today data.Date, invented func(n int)) error {
	b := build(clients, seed, today, invented)
	if err := st.SaveBatch(ctx, b); err != nil {
		return err
	}
	// Letters on someone's behalf come from the user: the demo's user is
	// an advocate, unless the folder already has its own details.
	if snd, err := st.Sender(ctx); err != nil || snd.Name != "" {
		return err
	}
	return st.SaveSender(ctx, Advocate)
}

// Build makes the caseload in memory without saving it.
func Build(clients int, seed int64, today data.Date) *store.Batch {
	return build(clients, seed, today, nil)
}

func build(clients int, seed int64, today data.Date, invented func(n int)) *store.Batch {
	g := &generator{rnd: rand.New(rand.NewPCG(uint64(seed), 0x5ec0)), today: today, b: &store.Batch{}}
	g.contacts()
	for i := 0; i < clients; i++ {
		g.client(i)
		if invented != nil && (i+1)%100 == 0 {
			invented(i + 1)
		}
	}
	if invented != nil {
		invented(clients)
	}
	return g.b
}

type generator struct {
	rnd   *rand.Rand
	today data.Date
	b     *store.Batch
	// byRole[nation][role] is the index of a contact in b.Contacts.
	byRole map[data.Nation]map[data.ContactRole]int
}

func (g *generator) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *generator) contacts() {
	g.byRole = map[data.Nation]map[data.ContactRole]int{}
	for _, n := range data.Nations {
		g.byRole[n] = map[data.ContactRole]int{}
		for _, c := range localContacts(n) {
			c.ID = newID(g.rnd)
			g.byRole[n][c.Role] = len(g.b.Contacts)
			g.b.Contacts = append(g.b.Contacts, c)
		}
	}
	for _, c := range nationalBodies() {
		c.ID = newID(g.rnd)
		g.b.Contacts = append(g.b.Contacts, c)
	}
}

func (g *generator) contact(n data.Nation, role data.ContactRole) data.Contact {
	return g.b.Contacts[g.byRole[n][role]]
}

func (g *generator) nation() data.Nation {
	switch r := g.rnd.IntN(100); {
	case r < 66:
		return data.England
	case r < 80:
		return data.Wales
	case r < 93:
		return data.Scotland
	}
	return data.NorthernIreland
}

func (g *generator) client(i int) {
	n := g.nation()
	first, last := g.pick(firstNames[n]), g.pick(surnames[n])
	place := places[n][g.rnd.IntN(len(places[n]))]
	p := data.Person{
		ID:          newID(g.rnd),
		Name:        first + " " + last,
		DateOfBirth: data.MustDate(1940+g.rnd.IntN(66), 1+timeMonth(g.rnd.IntN(12)), 1+g.rnd.IntN(28)),
		Address:     fmt.Sprintf("%d %s\n%s\n%s", 1+g.rnd.IntN(120), place.street, place.town, place.postcode),
		Nation:      n,
	}
	if g.rnd.IntN(3) > 0 {
		p.Phone = fmt.Sprintf("07700 9%05d", g.rnd.IntN(100000))
	}
	if g.rnd.IntN(2) == 0 {
		p.Email = fmt.Sprintf("client%d@example.org", i+1)
	}
	if n != data.Scotland && n != data.NorthernIreland && g.rnd.IntN(2) == 0 {
		p.NHSNumber = nhsNumber(g.rnd)
	}
	g.b.People = append(g.b.People, p)
	g.request(p)
	if g.rnd.IntN(5) == 0 {
		g.request(p)
	}
}

func (g *generator) request(p data.Person) {
	askedBy := []data.AskedBy{data.AskedBySelf, data.AskedBySelf, data.AskedByCarer, data.AskedByAdvocate, data.AskedBySurgery}[g.rnd.IntN(5)]
	onBehalf := askedBy == data.AskedByCarer || askedBy == data.AskedByAdvocate
	c := cases[g.rnd.IntN(len(cases))]
	if onBehalf {
		c = onBehalfCases[g.rnd.IntN(len(onBehalfCases))].about(strings.Fields(p.Name)[0])
	}
	clinician := g.contact(p.Nation, data.RoleClinician)
	if g.rnd.IntN(3) == 0 {
		clinician = g.contact(p.Nation, data.RoleGP)
	}
	route := []data.Route{data.RouteReview, data.RouteLocal, data.RouteLocal, data.RouteOutOfArea}[g.rnd.IntN(4)]
	r := data.Request{
		ID: newID(g.rnd), PersonID: p.ID, Subject: c.subject, Route: route, AskedBy: askedBy,
		AskedHow: data.AskedInWriting, ReasonCategory: c.category, OnBehalf: onBehalf,
		RecipientID: clinician.ID, Condition: c.condition, Treatment: c.treatment, RaisedWithDoctor: g.rnd.IntN(3) > 0,
		Reason: c.reason, OutcomeWanted: c.outcome, CurrentMedication: c.current, MedicationsTried: c.tried,
		Problems: c.problems, SideEffects: c.sideEffects, ReplyMethod: data.ReplyByLetter,
	}
	if askedBy == data.AskedBySurgery {
		r.AskedHow = data.AskedVerbally
	}
	if g.rnd.IntN(2) == 0 {
		r.UnwellSince = fmt.Sprintf("since %d", g.today.Year()-1-g.rnd.IntN(8))
	}
	stage := Stage(g.rnd.IntN(int(stageCount)))
	// Spread starts over the past year, far enough back for the stage's
	// steps to fit before today, so reports have a year of months to show.
	span := 100 // days the longest timeline takes
	start := g.today.AddDays(-(span + g.rnd.IntN(365-span)))
	switch stage {
	case Drafted:
		start = g.today.AddDays(-g.rnd.IntN(30))
	case Escalated:
		// Still in progress, so started within the last few months.
		start = g.today.AddDays(-(45 + g.rnd.IntN(45)))
	case Awaiting:
		start = g.today.AddDays(-(1 + g.rnd.IntN(10)))
	case NoReply:
		start = g.today.AddDays(-(20 + g.rnd.IntN(40)))
	}
	r.CreatedAt = start.Time()
	g.b.Requests = append(g.b.Requests, r)
	g.steps(p, r, clinician, stage, start)
}

// steps writes the timeline of one request up to its stage.
func (g *generator) steps(p data.Person, r data.Request, to data.Contact, stage Stage, on data.Date) {
	first := data.KindSecondOpinionDiagnosis
	switch {
	case r.Route == data.RouteReview && r.Subject == data.SubjectDiagnosis:
		first = data.KindReviewDiagnosis
	case r.Route == data.RouteReview:
		first = data.KindReviewTreatment
	case r.Subject != data.SubjectDiagnosis:
		first = data.KindSecondOpinionTreatment
	}
	if stage == Drafted {
		g.b.Letters = append(g.b.Letters, data.Letter{ID: newID(g.rnd), RequestID: r.ID, Kind: first, RecipientID: to.ID})
		return
	}
	var timeline []data.Step
	send := func(kind string, rcpt data.Contact, day data.Date) {
		l := data.Letter{ID: newID(g.rnd), RequestID: r.ID, Kind: kind, RecipientID: rcpt.ID, SentOn: day, SentHow: data.SentByPost}
		st := data.Step{ID: newID(g.rnd), RequestID: r.ID, On: day, Kind: data.StepLetterSent, LetterID: l.ID, LetterKind: kind,
			Summary: "Letter sent by post", Minutes: 20 + 10*g.rnd.IntN(4)}
		st.DueOn, st.DueWhat = process.DueAfter(timeline, st, p.Nation, process.Config{Recipient: rcpt})
		g.b.Letters = append(g.b.Letters, l)
		timeline = append(timeline, st)
	}
	reply := func(o data.Outcome, day data.Date, summary string) {
		st := data.Step{ID: newID(g.rnd), RequestID: r.ID, On: day, Kind: data.StepReply, Outcome: o, Summary: summary}
		st.DueOn, st.DueWhat = process.DueAfter(timeline, st, p.Nation, process.Config{})
		timeline = append(timeline, st)
	}
	later := func(min, spread int) data.Date {
		on = on.AddDays(min + g.rnd.IntN(spread))
		if on.After(g.today) {
			on = g.today
		}
		return on
	}

	send(first, to, on)
	switch stage {
	case Awaiting:
		// Sent recently; nothing back yet.
	case NoReply:
		// Sent weeks ago and never answered: the chaser is overdue, or,
		// for some, the silence was logged after chasing by phone.
		if g.rnd.IntN(2) == 0 {
			reply(data.OutcomeNoReply, later(15, 5), "No answer, even after a phone call to the secretary.")
		}
	case Agreed:
		reply(data.OutcomeAgreed, later(3, 14), "The consultant agreed to refer for a second opinion.")
	case Partly:
		reply(data.OutcomePartly, later(3, 14), "Agreed to review the medication, but not to refer elsewhere.")
	case Refused:
		reply(data.OutcomeRefused, later(3, 14), "Refused: the team feels the current plan is right.")
	case Escalated, Closed:
		reply(data.OutcomeRefused, later(4, 10), "Refused without giving reasons.")
		send(data.KindAskAgain, to, later(3, 4))
		reply(data.OutcomeRefused, later(10, 6), "Refused again, with reasons.")
		next := []string{data.KindPALS, data.KindComplaint, data.KindAdvocacy}[g.rnd.IntN(3)]
		role := map[string]data.ContactRole{data.KindPALS: data.RolePALS, data.KindComplaint: data.RoleComplaints,
			data.KindAdvocacy: data.RoleComplaints}[next]
		send(next, g.contact(p.Nation, role), later(3, 5))
		if g.rnd.IntN(2) == 0 && !on.After(g.today.AddDays(-4)) {
			timeline = append(timeline, data.Step{ID: newID(g.rnd), RequestID: r.ID, On: later(2, 2), Kind: data.StepCall,
				Summary: "They phoned to say the letter had arrived and is being looked at.", Minutes: 10})
		}
		if stage == Closed {
			reply(data.OutcomeAgreed, later(10, 10), "After the complaint, a second opinion was arranged.")
			timeline = append(timeline, data.Step{ID: newID(g.rnd), RequestID: r.ID, On: later(15, 10), Kind: data.StepClosed,
				Outcome: data.OutcomeAgreed, Summary: "Second opinion seen; request closed."})
		}
	}
	g.b.Steps = append(g.b.Steps, timeline...)
}
