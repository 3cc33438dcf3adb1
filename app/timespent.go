package app

import (
	"fmt"

	"secondopinion/data"
)

// Advocacy hours are often capped, so the time logged on each step adds
// up per request and per person.

func stepMinutes(steps []data.Step) int {
	n := 0
	for _, s := range steps {
		n += s.Minutes
	}
	return n
}

// requestMinutes is the time logged on one request.
func (c *caseload) requestMinutes(requestID string) int { return c.digest(requestID).minutes }

// personMinutes is the time logged on all of a person's requests.
func (c *caseload) personMinutes(personID string) int {
	n := 0
	for _, id := range c.byPerson[personID] {
		n += c.requestMinutes(id)
	}
	return n
}

// minutesText says a time the way people do: "1 h 20 min", "45 min".
func minutesText(m int) string {
	switch {
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}
