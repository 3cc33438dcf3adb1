package app

import (
	"strings"
	"time"

	"secondopinion/data"
)

// A desk keeps of each request only a brief: what lists, Today, the rules
// and the search read. The long texts the letters and the edit screen draw
// on (why, what was tried, the medicines, the questions for a colleague)
// are read with the timeline when the request is opened (request_read.go).
// With 50,000 people they were the largest part of the requests in memory.
//
// A brief is a type of its own so that no edit, letter or wizard can start
// from one: a request saved from it would lose its long texts.

// requestBrief is what the caseload keeps of a request. It is never
// changed, only replaced, so snapshots in the background may share it.
type requestBrief struct {
	ID, PersonID, RecipientID string
	Subject                   data.Subject
	Route                     data.Route
	AskedBy                   data.AskedBy
	AskedHow                  data.AskedHow
	ReasonCategory            data.ReasonCategory
	Condition, Treatment      string // short, and in every title
	OnBehalf                  bool
	RaisedWithDoctor          bool
	CreatedAt                 time.Time
	Version                   int // of the request read: a newer one from another desk replaces it
	// words are what a search looks in, folded: what the request is
	// about and its searched long texts (see words_pack.go).
	words string
}

// searchedTexts are the texts of a request a search looks in.
func searchedTexts(r *data.Request) []string {
	return []string{r.Condition, r.Treatment, r.Reason, r.OutcomeWanted, r.Problems, r.SideEffects}
}

func briefOfRequest(r *data.Request) *requestBrief {
	b := new(requestBrief)
	fillBrief(b, r)
	return b
}

// fillBrief makes b the brief of r.
func fillBrief(b *requestBrief, r *data.Request) {
	var words []string
	for _, s := range searchedTexts(r) {
		if s != "" {
			words = append(words, fold(s))
		}
	}
	*b = requestBrief{ID: r.ID, PersonID: r.PersonID, RecipientID: r.RecipientID,
		Subject: r.Subject, Route: r.Route, AskedBy: r.AskedBy, AskedHow: r.AskedHow, ReasonCategory: r.ReasonCategory,
		Condition: r.Condition, Treatment: r.Treatment, OnBehalf: r.OnBehalf, RaisedWithDoctor: r.RaisedWithDoctor,
		CreatedAt: r.CreatedAt, Version: r.Version, words: strings.Join(words, " ")}
}

// Title names the request as data.Request.Title does.
func (b *requestBrief) Title() string { return b.forRules().Title() }

// forRules is the brief as a request for the rules, titles and reports to
// read: its long texts are empty, so it must never be saved or written from.
func (b *requestBrief) forRules() data.Request {
	return data.Request{ID: b.ID, PersonID: b.PersonID, RecipientID: b.RecipientID,
		Subject: b.Subject, Route: b.Route, AskedBy: b.AskedBy, AskedHow: b.AskedHow, ReasonCategory: b.ReasonCategory,
		Condition: b.Condition, Treatment: b.Treatment, OnBehalf: b.OnBehalf, RaisedWithDoctor: b.RaisedWithDoctor,
		CreatedAt: b.CreatedAt, Version: b.Version}
}
