package app

import (
	"strings"

	"secondopinion/data"
)

// The words a search looks in of each request and timeline (briefs' and
// digests' words) are kept once, and the Clients index points at them
// rather than copying them into each person's row. Read as they come,
// they lie scattered in memory, and a search that reads them from there
// took half as long again as one through copies laid out person by
// person. packWords lays them out so once, in the order of the people
// list, when the caseload is read.

// packChunk is the size of the strings the words are packed into, large
// enough that few are made. A chunk stays in memory until every request
// and timeline packed in it has been replaced, so words changed through
// the day are held beside it, at most a caseload's words more, until the
// caseload is next read.
const packChunk = 1 << 20

// wordPacker copies texts one after another into shared chunks, and
// points each owner at its copy as it is made. Each chunk is made once,
// at its full size: no more than packChunk, nor than what is still to
// come (left). Laying texts out in a buffer grown as it filled, copying
// it into a chunk and then pointing the owners at it was, with 50,000
// people, 40 MB asked of the system at each sign-in and let go at once.
type wordPacker struct {
	chunk strings.Builder
	left  int // bytes still to be laid out, as the caller counted them
}

// packLeast is the smallest chunk made: texts beyond what the caller
// counted go in chunks of this size, not one each.
const packLeast = 4 << 10

// A text of more than a quarter of a chunk is left where it is: it is
// large enough to lie well on its own, and a chunk begun for it would
// leave the space of the last one unused.
const packAlone = packChunk / 4

// add lays out *dst next and points *dst at its copy.
func (p *wordPacker) add(dst *string) {
	if n := len(*dst); n > 0 && n <= packAlone {
		at := p.room(n)
		p.chunk.WriteString(*dst)
		*dst = p.chunk.String()[at:]
	}
}

// addBytes lays out b next and gives its copy.
func (p *wordPacker) addBytes(b []byte) string {
	if len(b) == 0 || len(b) > packAlone {
		return string(b)
	}
	at := p.room(len(b))
	p.chunk.Write(b)
	return p.chunk.String()[at:]
}

// room makes sure the chunk has room for n bytes more, beginning a new
// one if not, and gives where they will go. A new chunk leaves the texts
// of the last where they are: only the chunk's String is taken, never
// its bytes changed.
func (p *wordPacker) room(n int) int {
	if p.chunk.Cap()-p.chunk.Len() < n {
		p.chunk = strings.Builder{}
		p.chunk.Grow(min(packChunk, max(p.left, n, packLeast)))
	}
	p.left -= n
	return p.chunk.Len()
}

// packWords lays out the words of every request and timeline of a
// caseload just read, person by person in the order of the list. The
// briefs and digests are new and not yet shared, so they may be changed.
func (c *caseload) packWords() {
	// Gathered first, in order, then counted and laid out: going through
	// the people twice looked every request and timeline up twice.
	words := make([]*string, 0, len(c.requests)+len(c.digests))
	for _, person := range c.people {
		for _, id := range c.byPerson[person.ID] {
			if b, ok := c.requests[id]; ok {
				words = append(words, &b.words)
			}
			if d, ok := c.digests[id]; ok {
				words = append(words, &d.words)
			}
		}
	}
	pack(func(visit func(*string)) {
		for _, w := range words {
			visit(w)
		}
	})
}

// pack lays out in shared chunks the texts each visits, in the order it
// visits them: each is called twice, to count the texts, then to lay
// them out in chunks made to that count.
func pack(each func(visit func(*string))) {
	var p wordPacker
	each(func(text *string) {
		if len(*text) <= packAlone {
			p.left += len(*text)
		}
	})
	each(p.add)
}

// personIDs gives each person's id, for the records that name them to
// point at rather than keep copies of their own. (The store lays out the
// texts of people read in shared blocks, as packWords does the words.)
func personIDs(people []data.Person) map[string]string {
	ids := make(map[string]string, len(people))
	for _, x := range people {
		ids[x.ID] = x.ID
	}
	return ids
}

// packBriefs lays out the texts briefs just made keep of the requests as
// read: their ids and what they are about.
func packBriefs(briefs []requestBrief) {
	pack(func(visit func(*string)) {
		for i := range briefs {
			visit(&briefs[i].ID)
			visit(&briefs[i].Condition)
			visit(&briefs[i].Treatment)
		}
	})
}
