package app

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"secondopinion/data"
	"secondopinion/data/process"
)

// A desk keeps of each request's timeline only a digest: where the request
// stands, the time logged, the words a search looks in, and each step in
// the short form the rules need. The whole timeline (summaries, letters'
// ids, attachments) is read when the request or one of its letters is
// opened. With 50,000 people the steps in full were a third of what a
// desk held in memory.

// digest is what the caseload keeps of a request's timeline. It is never
// changed, only replaced, so snapshots in the background may share it.
type digest struct {
	steps   []stepBrief // in timeline order
	words   string      // the words of the steps' summaries, folded, each once, numbered in the caseload's book
	minutes int
	st      stateBrief
}

// stateBrief is a process.State with its texts numbered: 16 bytes where
// the state took 56.
type stateBrief struct {
	kind, rung, outcome wordCode
	since               data.Date
}

func briefState(s process.State) stateBrief {
	return stateBrief{kind: codeOf(string(s.Kind)), rung: codeOf(string(s.Rung)), outcome: codeOf(string(s.Outcome)), since: s.Since}
}

// state is where the request stands, as the rules worked it out.
func (d *digest) state() process.State {
	return process.State{Kind: process.StateKind(d.st.kind.text()), Rung: process.Rung(d.st.rung.text()),
		Outcome: data.Outcome(d.st.outcome.text()), Since: d.st.since}
}

// stepBrief is a step without its summary, attachment and letter's id:
// what the rules, Today and the reports read. It is kept small, with no
// text of its own: 160,000 steps in full held 55 MB. What is owed, which
// the rules write, is numbered as the kinds are (a few hundred texts at
// most, some with a date in them): in 64 bytes, where a text took 80.
type stepBrief struct {
	id         stepID
	created    int64 // when it was logged, in Unix nanoseconds: it orders steps of one day
	dueWhat    wordCode
	On         data.Date
	DueOn      data.Date
	ReceivedOn data.Date
	Minutes    int32
	kind       wordCode
	outcome    wordCode
	sentHow    wordCode
	letterKind wordCode
	NoReasons  bool
}

func briefOf(s *data.Step) stepBrief {
	b := stepBrief{id: idOf(s.ID), dueWhat: codeOf(s.DueWhat), created: unixNano(s.CreatedAt), On: s.On, DueOn: s.DueOn, ReceivedOn: s.ReceivedOn,
		Minutes: int32(s.Minutes), kind: codeOf(string(s.Kind)), outcome: codeOf(string(s.Outcome)),
		sentHow: codeOf(string(s.SentHow)), letterKind: codeOf(s.LetterKind), NoReasons: s.NoReasons}
	return b
}

// stepID is a step's id in 16 bytes. An id as this program writes them,
// a UUID in text, is kept as the UUID's bytes. Any other (from a test, or
// the zero UUID) is numbered in oddIDs and kept as that number after
// twelve zero bytes: idOf never takes a UUID of that form as one, so the
// two cannot be confused. A step thus holds no text of its own for its id.
type stepID uuid.UUID

// oddIDs are the ids that are not UUIDs, numbered as codeOf numbers
// kinds. There are none among the steps this program writes.
var oddIDs = struct {
	sync.Mutex
	list  []string
	index map[string]uint32
}{index: map[string]uint32{}}

func idOf(s string) stepID {
	if u, err := uuid.Parse(s); err == nil && !isOdd(stepID(u)) && writtenAsUUIDs(s) {
		return stepID(u)
	}
	oddIDs.Lock()
	defer oddIDs.Unlock()
	n, ok := oddIDs.index[s]
	if !ok {
		n = uint32(len(oddIDs.list))
		oddIDs.list = append(oddIDs.list, strings.Clone(s))
		oddIDs.index[oddIDs.list[n]] = n
	}
	var id stepID
	binary.BigEndian.PutUint32(id[12:], n+1) // from 1: the zero id is no step's
	return id
}

// writtenAsUUIDs reports whether an id that parses as a UUID is written
// as String writes one: 36 characters, in lower case. (Asking String and
// comparing made a string for each of 160,000 steps at sign-in.)
func writtenAsUUIDs(s string) bool {
	return len(s) == 36 && !strings.ContainsAny(s, "ABCDEF")
}

// isOdd reports whether id is the number of an odd id: twelve zero bytes.
func isOdd(id stepID) bool { return [12]byte(id[:12]) == [12]byte{} }

// String is the id as written.
func (id stepID) String() string {
	if isOdd(id) {
		oddIDs.Lock()
		defer oddIDs.Unlock()
		if n := binary.BigEndian.Uint32(id[12:]); n > 0 {
			return oddIDs.list[n-1]
		}
		return "" // the zero id, of no step
	}
	return uuid.UUID(id).String()
}

// ID is the step's id.
func (b *stepBrief) ID() string { return b.id.String() }

// unnamedStep is the brief as a step of request requestID, for the rules:
// its summary, attachment and letter's id are empty, and so is its own id,
// which the state and the window's agendas do not read (see
// caseload.timelines). Writing the id out made a third of the garbage of
// working out Today.
func (b *stepBrief) unnamedStep(requestID string) data.Step {
	return data.Step{RequestID: requestID, On: b.On, Kind: data.StepKind(b.kind.text()),
		Outcome: data.Outcome(b.outcome.text()), LetterKind: b.letterKind.text(), DueOn: b.DueOn, DueWhat: b.dueWhat.text(),
		Minutes: int(b.Minutes), SentHow: data.SentHow(b.sentHow.text()), ReceivedOn: b.ReceivedOn,
		NoReasons: b.NoReasons, CreatedAt: unixTime(b.created)}
}

// unixNano and unixTime keep a time in eight bytes, the zero time as 0.
func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func unixTime(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// noSteps is the digest of a request with nothing logged yet.
var noSteps = &digest{st: briefState(process.StateOf(nil))}

// digestOf is the digest of a whole timeline, in timeline order.
func digestOf(steps []data.Step, words *bookWriter) *digest {
	if len(steps) == 0 {
		return &digest{st: noSteps.st} // new, as every change's digest is
	}
	d := &digest{steps: make([]stepBrief, len(steps))}
	for i := range steps {
		d.steps[i] = briefOf(&steps[i])
	}
	d.fill(func(i int) string { return steps[i].Summary }, words, nil)
	return d
}

// fill completes a digest whose steps are in place: the time logged, the
// words of the summaries (summary gives each step's), numbered by words,
// and the state. rules is room to work in, handed back to be used again.
func (d *digest) fill(summary func(i int) string, words *bookWriter, rules []data.Step) []data.Step {
	for i := range d.steps {
		if s := summary(i); !saidBefore(summary, i, s) {
			words.add(s)
		}
	}
	return d.finish(words, rules)
}

// fillNumbered is fill for steps whose summaries' words were numbered as
// they were read (numbered gives each step's, as take gave them).
func (d *digest) fillNumbered(numbered func(i int) string, words *bookWriter, rules []data.Step) []data.Step {
	for i := range d.steps {
		words.addList(numbered(i))
	}
	return d.finish(words, rules)
}

// finish completes fill: the time logged, the words taken in, the state.
func (d *digest) finish(words *bookWriter, rules []data.Step) []data.Step {
	for i := range d.steps {
		d.minutes += int(d.steps[i].Minutes)
	}
	d.words = words.take()
	return d.reckonState(rules)
}

// saidBefore reports whether an earlier step had the same summary (a
// letter's "Sent by post", a chase logged again): its words are in already.
func saidBefore(summary func(i int) string, i int, s string) bool {
	for j := range i {
		if summary(j) == s {
			return true
		}
	}
	return false
}

// reckonState works out where the request stands from the digest's steps;
// rules is room to work in, handed back to be used again.
func (d *digest) reckonState(rules []data.Step) []data.Step {
	rules = d.unnamedSteps("", rules[:0])
	d.st = briefState(process.StateOf(rules))
	return rules
}

// timeline is the digest's steps as steps of request requestID, put into
// into: only what the rules need of each is filled in.
func (d *digest) timeline(requestID string, into []data.Step) []data.Step {
	start := len(into)
	into = d.unnamedSteps(requestID, into)
	for i := range d.steps {
		into[start+i].ID = d.steps[i].ID()
	}
	return into
}

// unnamedSteps is timeline without the steps' ids.
func (d *digest) unnamedSteps(requestID string, into []data.Step) []data.Step {
	for i := range d.steps {
		into = append(into, d.steps[i].unnamedStep(requestID))
	}
	return into
}

// with is the digest with one more step, in its place on the timeline (in
// place of its earlier self, if it was there already).
func (d *digest) with(s data.Step, words *bookWriter) *digest {
	if d.has(idOf(s.ID)) {
		d = d.without(s.ID)
	}
	words.addList(d.words)
	words.add(s.Summary)
	b := briefOf(&s)
	at := len(d.steps)
	for at > 0 && b.before(&d.steps[at-1]) {
		at--
	}
	out := &digest{steps: make([]stepBrief, 0, len(d.steps)+1), minutes: d.minutes + s.Minutes,
		words: words.take()}
	out.steps = append(append(append(out.steps, d.steps[:at]...), b), d.steps[at:]...)
	out.reckonState(nil)
	return out
}

// has reports whether the digest holds the step with the id.
func (d *digest) has(id stepID) bool {
	return slices.ContainsFunc(d.steps, func(b stepBrief) bool { return b.id == id })
}

// without is the digest without the step with the id. Its summary's words
// stay until the request's timeline comes whole from another desk or the
// caseload is read again: a search may still find the request by them.
// Every change makes a new digest, even an empty one, so that a reading
// of the timeline can tell that something changed while it was made.
func (d *digest) without(id string) *digest {
	out := &digest{words: d.words, st: noSteps.st}
	key := idOf(id)
	for _, b := range d.steps {
		if b.id != key {
			out.steps = append(out.steps, b)
			out.minutes += int(b.Minutes)
		}
	}
	if len(out.steps) == 0 {
		return out
	}
	out.reckonState(nil)
	return out
}

// before reports whether b comes before c on a timeline: by day, then as
// logged.
func (b *stepBrief) before(c *stepBrief) bool {
	if b.On != c.On {
		return b.On.Before(c.On)
	}
	return b.created < c.created
}

// briefRead is, of each step read at sign-in, its request's id, its
// brief and the words of its summary, numbered in the caseload's book.
// Kept as text until every step was read and sorted, the summaries were
// 11 MB more at the height of signing in with 50,000 people.
type briefRead struct {
	requestID string
	brief     stepBrief
	words     string
}

// briefReader makes a briefRead of each step, sharing the request ids
// that repeat from row to row. It is for one goroutine at a time.
func briefReader(book *wordBook) func(*data.Step) briefRead {
	word := data.Words()
	words := book.writer()
	return func(s *data.Step) briefRead {
		words.add(s.Summary)
		return briefRead{requestID: word(s.RequestID), brief: briefOf(s), words: words.take()}
	}
}

// digestsOf gathers the steps read, grouped by request and in timeline
// order within each, into each request's digest.
//
// The steps of all the digests lie in one list, and the digests in another:
// made one by one, among what reading the steps left behind, they kept
// pages of memory in use that held little else.
func digestsOf(read []briefRead, book *wordBook) map[string]*digest {
	var starts []int // where each request's steps start, and at the end where the last ends
	for i := range read {
		if i == 0 || read[i].requestID != read[i-1].requestID {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(read))
	groups := len(starts) - 1
	all := make([]stepBrief, len(read))
	digests := make([]digest, groups)
	// On every processor: gathering the steps' words and working out each
	// state were most of the time this took, on the way to Today.
	inParts(groups, func(from, to int) {
		var rules []data.Step
		words := book.writer()
		for g := from; g < to; g++ {
			start, end := starts[g], starts[g+1]
			d := &digests[g]
			d.steps = all[start:end:end] // capped, so that nothing grows into the next digest's steps
			for i := start; i < end; i++ {
				d.steps[i-start] = read[i].brief
			}
			rules = d.fillNumbered(func(i int) string { return read[start+i].words }, words, rules)
		}
	})
	out := make(map[string]*digest, groups)
	for g := range digests {
		out[read[starts[g]].requestID] = &digests[g]
	}
	return out
}
