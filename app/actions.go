package app

import (
	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/letters"
)

// actionTitle is the words on a next-action button.
func actionTitle(a process.Action) string {
	if a.Letter != "" {
		if k, ok := letters.KindByID(a.Letter); ok {
			return k.Title
		}
		return "Write the letter"
	}
	switch a.Log {
	case data.StepReply:
		return "Log their reply"
	case data.StepCall:
		return "Log a phone call"
	case data.StepMeeting:
		return "Log a meeting or appointment"
	case data.StepNote:
		return "Add a note"
	case data.StepClosed:
		return "Close the request"
	}
	return "Open the request"
}

// doAction starts a next action: the right letter, or the right log.
func (s *shell) doAction(requestID string, a process.Action) {
	if a.Letter != "" {
		s.showNewLetter(requestID, a.Letter)
		return
	}
	rs := newRequestScreen(s, requestID)
	s.show(rs, navPeople)
	if a.Log != "" {
		rs.logStep(a.Log)
	}
}
