package app

import (
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/uuid"

	"secondopinion/data"
)

// A brief keeps a request's kinds as numbers and its creation time in
// eight bytes. The rules must get back exactly what was read, for every
// kind there is and for none.
func TestABriefGivesTheRulesTheKindsAndTimeItWasMadeFrom(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		london = time.FixedZone("BST", 3600)
	}
	created := time.Date(2026, 7, 14, 9, 30, 15, 123456789, london)
	n := max(len(data.Subjects), len(data.Routes), len(data.AskedBys), len(data.AskedHows), len(data.ReasonCategories))
	for i := 0; i <= n; i++ {
		r := data.Request{ID: uuid.NewString(), PersonID: "p", Condition: "asthma", Treatment: "inhalers", Version: i + 1}
		if i < n { // the last round has every kind empty and no time
			r.Subject = data.Subjects[i%len(data.Subjects)]
			r.Route = data.Routes[i%len(data.Routes)]
			r.AskedBy = data.AskedBys[i%len(data.AskedBys)]
			r.AskedHow = data.AskedHows[i%len(data.AskedHows)]
			r.ReasonCategory = data.ReasonCategories[i%len(data.ReasonCategories)]
			r.CreatedAt = created.Add(time.Duration(i) * time.Hour)
		}
		got := briefOfRequest(&r, newWordBook().writer()).forRules()
		if got.Subject != r.Subject || got.Route != r.Route || got.AskedBy != r.AskedBy ||
			got.AskedHow != r.AskedHow || got.ReasonCategory != r.ReasonCategory || got.Version != r.Version {
			t.Errorf("round %d: the rules got %+v from %+v", i, got, r)
		}
		if !got.CreatedAt.Equal(r.CreatedAt) || got.CreatedAt.IsZero() != r.CreatedAt.IsZero() {
			t.Errorf("round %d: made at %v, the brief says %v", i, r.CreatedAt, got.CreatedAt)
		}
	}
}

// A step's id is kept in 16 bytes: a UUID as its bytes, anything else by
// number. Every id must come back as written, and two ids must be the
// same in 16 bytes only when they are the same text: a UUID that looks
// like a number must not be taken for one.
func TestStepIDsComeBackAsWritten(t *testing.T) {
	written := uuid.NewString()
	ids := []string{written, "s1", "s2", "", "b1",
		"00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000001",
		"00000000-0000-0000-0000-000000000002", strings.ToUpper(written), "{" + written + "}",
		"urn:uuid:" + written, strings.ReplaceAll(written, "-", ""), written[:9] + "ABCD" + written[13:]}
	seen := map[stepID]string{}
	for _, id := range ids {
		key := idOf(id)
		if got := key.String(); got != id {
			t.Errorf("the id %q came back as %q", id, got)
		}
		if other, ok := seen[key]; ok && other != id {
			t.Errorf("the ids %q and %q are kept the same", other, id)
		}
		seen[key] = id
		if idOf(id) != key {
			t.Errorf("the id %q is kept two ways", id)
		}
	}
	if isOdd(idOf(written)) {
		t.Errorf("a UUID written by this program is kept by number")
	}
	if got := (stepID{}).String(); got != "" {
		t.Errorf("the zero id reads as %q, another step's", got)
	}
}

// What a desk keeps of each request, timeline and step is laid out to a
// budget: with 50,000 people, each eight bytes more on a step is 1.3 MB.
// A field added must find room or say why the budget grows.
func TestTheBriefsKeepToTheirSize(t *testing.T) {
	for _, c := range []struct {
		name       string
		size, most uintptr
	}{
		{"a step's brief", unsafe.Sizeof(stepBrief{}), 64},
		{"a timeline's digest", unsafe.Sizeof(digest{}), 64},
		{"a request's brief", unsafe.Sizeof(requestBrief{}), 136},
	} {
		if c.size > c.most {
			t.Errorf("%s takes %d bytes, more than %d", c.name, c.size, c.most)
		}
	}
}
