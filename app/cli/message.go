package cli

import "secondopinion/data"

// userMessage is the text shown for a failure: a record's own message when
// it has one, never a stack trace.
func userMessage(err error) string {
	msg := data.Message(err)
	if msg == data.Message(errInternal) {
		// Admin commands are run by people who can act on the detail.
		return msg + "\n(" + err.Error() + ")"
	}
	return msg
}

var errInternal = errorString("internal")

type errorString string

func (e errorString) Error() string { return string(e) }
