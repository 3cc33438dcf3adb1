package app

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"secondopinion/data"
)

// compareNames must order names exactly as the lowered names compare, or
// the list of people would be out of order and a binary search miss them.
func TestCompareNamesIsComparingTheLoweredNames(t *testing.T) {
	names := []string{"", "a", "A", "ab", "aB", "Ab", "b", "Ó Dónaill", "ó dónaill", "o donaill", "Órla", "Zoë", "zoe",
		"Ⅷ", "ⅷ", "İstanbul", "istanbul", "ΣΑΣ", "σας", "\xff", "\xffa", "\uFFFD", "Ǆ", "ǆ", "ǅ", "K", "k", "\u212a"}
	for _, a := range names {
		for _, b := range names {
			if got, want := compareNames(a, b), strings.Compare(strings.ToLower(a), strings.ToLower(b)); got != want {
				t.Errorf("compareNames(%q, %q) = %d, lowered they compare %d", a, b, got, want)
			}
		}
	}
}

func FuzzCompareNames(f *testing.F) {
	for _, s := range [][2]string{{"Aoife", "aoife"}, {"Ó", "o"}, {"\xff", "\uFFFD"}, {"ΣΑ", "σα"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := compareNames(a, b), strings.Compare(strings.ToLower(a), strings.ToLower(b)); cmp.Compare(got, 0) != want {
			t.Errorf("compareNames(%q, %q) = %d, lowered they compare %d", a, b, got, want)
		}
	})
}

// People read in the store's order, which lowers only ASCII letters, are
// kept where they lie when that is already the list's order, and put in
// the list's order, stably, when a name beyond ASCII differs in case.
func TestSortPeopleCopiesOnlyWhatIsOutOfOrder(t *testing.T) {
	c := newCaseload()
	c.people = []data.Person{{ID: "1", Name: "Aled"}, {ID: "2", Name: "bethan"}, {ID: "3", Name: "Bethan"}, {ID: "4", Name: "Ó Dónaill"}}
	read := &c.people[0]
	c.sortPeople()
	if &c.people[0] != read {
		t.Error("people already in order were copied to be sorted")
	}
	// The store puts "Ó…" before "ó…" by their bytes; lowered, they tie.
	c = newCaseload()
	c.people = []data.Person{{ID: "1", Name: "Órla"}, {ID: "2", Name: "ómar"}, {ID: "3", Name: "Ómar"}, {ID: "4", Name: "Zoe"}, {ID: "5", Name: "óg"}}
	shared := slices.Clone(c.people)
	c.people = shared
	c.sortPeople()
	var got []string
	for i, p := range c.people {
		got = append(got, p.ID)
		if c.personAt[p.ID] != i || c.hay[i] != searchText(p) {
			t.Errorf("%s at %d is out of step with the index or its search text", p.Name, i)
		}
	}
	if strings.Join(got, " ") != "4 5 2 3 1" {
		t.Errorf("sorted as %v, want Zoe, óg, ómar, Ómar, Órla", got)
	}
	if shared[0].ID != "1" {
		t.Error("sorting changed the list a snapshot may share")
	}
}
