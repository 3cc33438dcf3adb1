package app

import "secondopinion/data"

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

// wordPacker copies texts into shared chunks and points each owner at
// its copy once the chunk is made. Its zero value is ready to use.
type wordPacker struct {
	buf     []byte
	pending []packed
}

type packed struct {
	dst      *string
	from, to int
}

// add lays out *dst next; *dst is pointed at its copy at the next flush.
func (p *wordPacker) add(dst *string) {
	if *dst == "" {
		return
	}
	if len(p.buf)+len(*dst) > packChunk && len(p.buf) > 0 {
		p.flush()
	}
	from := len(p.buf)
	p.buf = append(p.buf, *dst...)
	p.pending = append(p.pending, packed{dst, from, len(p.buf)})
}

func (p *wordPacker) flush() {
	chunk := string(p.buf)
	for _, w := range p.pending {
		*w.dst = chunk[w.from:w.to]
	}
	p.buf, p.pending = p.buf[:0], p.pending[:0]
}

// packWords lays out the words of every request and timeline of a
// caseload just read, person by person in the order of the list. The
// briefs and digests are new and not yet shared, so they may be changed.
func (c *caseload) packWords() {
	var p wordPacker
	for _, person := range c.people {
		for _, id := range c.byPerson[person.ID] {
			if b, ok := c.requests[id]; ok {
				p.add(&b.words)
			}
			if d, ok := c.digests[id]; ok {
				p.add(&d.words)
			}
		}
	}
	p.flush()
}

// packPeople lays out the texts of people just read in shared chunks, as
// packWords does for the search words: read as they came, among the texts
// of every request and step, they kept pages of memory in use that held
// little else. It gives each person's id as laid out, for the records
// that name them to point at.
func packPeople(people []data.Person) map[string]string {
	var p wordPacker
	for i := range people {
		x := &people[i]
		for _, f := range []*string{&x.ID, &x.Name, &x.Address, &x.Phone, &x.Email, &x.NHSNumber,
			&x.Notes, &x.NHSName, &x.Relationship, &x.ConsentScope} {
			p.add(f)
		}
		for j := range x.Flags {
			p.add(&x.Flags[j])
		}
	}
	p.flush()
	ids := make(map[string]string, len(people))
	for _, x := range people {
		ids[x.ID] = x.ID
	}
	return ids
}

// packTexts lays out texts in shared chunks.
func packTexts(texts []string) {
	var p wordPacker
	for i := range texts {
		p.add(&texts[i])
	}
	p.flush()
}

// packBriefs lays out the texts briefs just made keep of the requests as
// read: their ids and what they are about.
func packBriefs(briefs []requestBrief) {
	var p wordPacker
	for i := range briefs {
		p.add(&briefs[i].ID)
		p.add(&briefs[i].Condition)
		p.add(&briefs[i].Treatment)
	}
	p.flush()
}
