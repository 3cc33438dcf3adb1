package app

import (
	"errors"
	"log"

	"fyne.io/fyne/v2/dialog"

	"secondopinion/data"
)

// showError is the one way an error reaches the person: a calm dialog in
// plain words from data.Message, never the technical detail, which goes
// to the log for whoever helps them.
func (s *shell) showError(err error) {
	if err == nil {
		return
	}
	// A UserError's text is what the person sees; its cause is what helps.
	var ue *data.UserError
	if errors.As(err, &ue) && ue.Err != nil {
		log.Printf("error: %s (cause: %v)", ue.Message, ue.Err)
	} else {
		log.Printf("error: %v", err)
	}
	// Two things failing for one reason (a request's timeline and its
	// letters, with the server out of reach) say so once.
	msg := data.Message(err)
	shown := map[dialog.Dialog]string{}
	for _, open := range s.dialogs {
		if words, ok := s.errorWords[open]; ok {
			if words == msg {
				return
			}
			shown[open] = words
		}
	}
	d := dialog.NewInformation("Something needs your attention", msg, s.win)
	shown[d] = msg
	s.errorWords = shown
	s.showDialog(d)
}
