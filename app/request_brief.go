package app

import (
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
//
// Its kinds are numbered (wordCode) and its creation time kept in eight
// bytes: with 60,000 requests, their sixteen-byte texts and times held
// 5 MB more.
type requestBrief struct {
	ID, PersonID, RecipientID string
	Condition, Treatment      string // short, and in every title
	created                   int64  // Unix nanoseconds, 0 for none (see unixNano)
	Version                   int    // of the request read: a newer one from another desk replaces it
	subject, route, askedBy   wordCode
	askedHow, reasonCategory  wordCode
	OnBehalf                  bool
	RaisedWithDoctor          bool
	// words are what a search looks in, folded: the words of what the
	// request is about and its searched long texts, each once, numbered
	// in the caseload's book (see search_book.go and words_pack.go).
	words string
}

// searchedTexts are the texts of a request a search looks in.
func searchedTexts(r *data.Request) []string {
	return []string{r.Condition, r.Treatment, r.Reason, r.OutcomeWanted, r.Problems, r.SideEffects}
}

func briefOfRequest(r *data.Request, words *bookWriter) *requestBrief {
	b := new(requestBrief)
	fillBrief(b, r, words)
	return b
}

// fillBrief makes b the brief of r, with its words numbered by words.
func fillBrief(b *requestBrief, r *data.Request, words *bookWriter) {
	for _, s := range searchedTexts(r) {
		words.add(s)
	}
	*b = requestBrief{ID: r.ID, PersonID: r.PersonID, RecipientID: r.RecipientID,
		subject: codeOf(string(r.Subject)), route: codeOf(string(r.Route)), askedBy: codeOf(string(r.AskedBy)),
		askedHow: codeOf(string(r.AskedHow)), reasonCategory: codeOf(string(r.ReasonCategory)),
		Condition: r.Condition, Treatment: r.Treatment, OnBehalf: r.OnBehalf, RaisedWithDoctor: r.RaisedWithDoctor,
		created: unixNano(r.CreatedAt), Version: r.Version, words: words.take()}
}

// Title names the request as data.Request.Title does.
func (b *requestBrief) Title() string { return b.forRules().Title() }

func (b *requestBrief) Route() data.Route       { return data.Route(b.route.text()) }
func (b *requestBrief) CreatedAt() time.Time    { return unixTime(b.created) }
func (b *requestBrief) AskedBy() data.AskedBy   { return data.AskedBy(b.askedBy.text()) }
func (b *requestBrief) Subject() data.Subject   { return data.Subject(b.subject.text()) }
func (b *requestBrief) AskedHow() data.AskedHow { return data.AskedHow(b.askedHow.text()) }

// forRules is the brief as a request for the rules, titles and reports to
// read: its long texts are empty, so it must never be saved or written from.
func (b *requestBrief) forRules() data.Request {
	return data.Request{ID: b.ID, PersonID: b.PersonID, RecipientID: b.RecipientID,
		Subject: b.Subject(), Route: b.Route(), AskedBy: b.AskedBy(), AskedHow: b.AskedHow(),
		ReasonCategory: data.ReasonCategory(b.reasonCategory.text()),
		Condition:      b.Condition, Treatment: b.Treatment, OnBehalf: b.OnBehalf, RaisedWithDoctor: b.RaisedWithDoctor,
		CreatedAt: b.CreatedAt(), Version: b.Version}
}
