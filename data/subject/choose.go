package subject

import (
	"fmt"
	"strings"

	"secondopinion/data"
)

// Choose finds the one person a command means by who: their id, or their
// whole name (letter case and spacing aside). A name shared by several
// people is refused (see Ambiguous), so that nothing is ever done to the
// wrong person.
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
		return data.Person{}, &data.UserError{Err: data.ErrNotFound, Message: "No one in these records has that id " +
			"or that full name. Names must match in full; 'secondopinion requests' lists everyone with a request."}
	}
	amb := &Ambiguous{People: found}
	return data.Person{}, &data.UserError{Message: amb.Error(), Err: amb}
}

// Ambiguous is the error for a name several people share. Its message
// names no one, so it may go where errors go; Listing names them, with
// their dates of birth and ids, for the person choosing.
type Ambiguous struct{ People []data.Person }

func (e *Ambiguous) Error() string {
	return fmt.Sprintf("%d people have that name. Please choose one of them by their id.", len(e.People))
}

// Listing is one line per person: id, name and date of birth.
func (e *Ambiguous) Listing() string {
	var b strings.Builder
	for _, p := range e.People {
		born := "date of birth not recorded"
		if !p.DateOfBirth.IsZero() {
			born = "born " + p.DateOfBirth.Long()
		}
		fmt.Fprintf(&b, "%s\t%s, %s\n", p.ID, p.Name, born)
	}
	return b.String()
}

func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
