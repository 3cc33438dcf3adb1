package report

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
)

// anonymise turns rows into lines fit to send outside the practice or
// service: no names, dates of birth, addresses, contact details, NHS
// numbers or free text (none of those are in a Row's exported columns but
// the name and ids, which go). Ids become sequence numbers, the same
// number for the same person within one file; the opening day becomes its
// month. Within a month the order is shuffled, so that the order of the
// lines does not give away the days either.
func anonymise(rows []Row) [][]string {
	seed := maphash.MakeSeed() // new each time: numbers cannot be matched between files
	type keyed struct {
		month int
		key   uint64
		row   *Row
	}
	ks := make([]keyed, len(rows))
	for i := range rows {
		r := &rows[i]
		ks[i] = keyed{r.Opened.Year*12 + int(r.Opened.Month), maphash.String(seed, r.RequestID), r}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return cmp.Or(cmp.Compare(a.month, b.month), cmp.Compare(a.key, b.key)) })

	people := map[string]int{}
	out := make([][]string, len(ks))
	for i, k := range ks {
		r := k.row
		p, ok := people[r.PersonID]
		if !ok {
			p = len(people) + 1
			people[r.PersonID] = p
		}
		month := ""
		if !r.Opened.IsZero() {
			month = fmt.Sprintf("%04d-%02d", r.Opened.Year, int(r.Opened.Month))
		}
		out[i] = append([]string{fmt.Sprintf("R%05d", i+1), fmt.Sprintf("P%05d", p), r.Nation.Label(), month}, common(*r)...)
	}
	return out
}
