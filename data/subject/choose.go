package subject

import (
	"fmt"
	"strings"

	"secondopinion/data"
)

// Choose finds the one person a command means by who: their id, or their
// whole name (letter case and spacing aside). A name shared by several
// people is refused, listing them with their dates of birth and ids, so
// that nothing is ever done to the wrong person.
func Choose(people []data.Person, who string) (data.Person, error) {
	who = strings.TrimSpace(who)
	if who == "" {
		return data.Person{}, &data.UserError{Message: "Please say whose records: their id or their full name."}
	}
	for _, p := range people {
		if p.ID == who {
			return p, nil
		}
	}
	var found []data.Person
	for _, p := range people {
		if sameName(p.Name, who) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return data.Person{}, &data.UserError{Err: data.ErrNotFound, Message: fmt.Sprintf(
			"No one in these records has the id or the full name %q. Names must match in full; "+
				"'secondopinion requests' lists everyone with a request.", who)}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d people are called %q. Please choose one by their id:", len(found), who)
	for _, p := range found {
		born := "date of birth not recorded"
		if !p.DateOfBirth.IsZero() {
			born = "born " + p.DateOfBirth.Long()
		}
		fmt.Fprintf(&b, "\n  %s\t%s, %s", p.ID, p.Name, born)
	}
	return data.Person{}, &data.UserError{Message: b.String()}
}

func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
