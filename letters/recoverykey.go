package letters

import (
	"strings"

	"secondopinion/data"
)

// The recovery key is shown once, when protection is turned on. A page to
// print and keep away from the computer says, beside the key, what it is
// for and what is lost if it and the passphrase are both lost: the page
// will be read years later by someone who does not remember the screen.

// RecoveryKeyPDF sets the recovery key on one A4 page, with the day it was
// made, the data folder it opens, and what to do with it.
func RecoveryKeyPDF(groups []string, folder string, made data.Date) ([]byte, error) {
	return RenderPDF(recoveryKeyPage(groups, folder, made), PDFOptions{})
}

func recoveryKeyPage(groups []string, folder string, made data.Date) Letter {
	d := &doc{}
	d.para("This is the recovery key for the Second Opinion records kept in the folder " + folder +
		" on this computer, made on " + made.Long() + " when they were protected with a passphrase.")
	d.heading(strings.Join(groups, "   "))
	d.para("It uses the digits 0 to 9 and capital letters, never I, L, O or U, so nothing can be mistaken " +
		"for anything else. Spaces, hyphens and small letters do not matter when it is typed.")
	d.heading("What it is for")
	d.para("If the passphrase is ever forgotten, choose \u201cUse the recovery key instead\u201d where Second Opinion " +
		"asks for the passphrase, and type this key. The records open, and you choose a new passphrase. The key keeps " +
		"working when the passphrase is changed, and it opens the backups made while the records are protected.")
	d.heading("Keep it safe")
	d.para("Keep this page somewhere safe, away from the computer, such as a locked drawer or with your important " +
		"papers. Anyone with this key and a copy of the records can read them, so do not keep it in the data folder, " +
		"in an email, or on a note stuck to the screen.")
	d.heading("If both are lost")
	d.para("If the passphrase and this key are both lost, no one can open these records again: not you, not the " +
		"people who make Second Opinion, not anyone. There is no back door. Everything in them (names, letters, notes " +
		"and attached files) would be lost for good, and so would the backups made while they were protected.")
	return Letter{Kind: "recovery-key", Date: made, Subject: "Your recovery key for Second Opinion", Body: d.blocks}
}
