package app

// Settings the window keeps in the store, beside the store's own.
const (
	settingMode      = "ui.mode"       // who the program is for; "" until the first run is done
	settingTheme     = "ui.theme"      // "", "light" or "dark"
	settingTextSize  = "ui.text-size"  // "", "large" or "larger"
	settingChaseDays = "ui.chase-days" // days before a letter with no reply needs chasing
	settingDraft     = "ui.draft"      // the unfinished request in the wizard, as JSON
	settingExample   = "ui.example"    // "yes" in the example caseload's own folder
)

var settingKeys = []string{settingMode, settingTheme, settingTextSize, settingChaseDays, settingDraft, settingExample}

// mode is who the program is for; it decides how much of a caseload shows.
type mode string

const (
	modeSelf     mode = "self"
	modeCarer    mode = "carer"
	modeAdvocate mode = "advocate"
	modeSurgery  mode = "surgery"
)

var modes = []mode{modeSelf, modeCarer, modeAdvocate, modeSurgery}

func (m mode) Label() string {
	switch m {
	case modeSelf:
		return "Just me"
	case modeCarer:
		return "Someone I care for"
	case modeAdvocate:
		return "I'm an advocate with several clients"
	case modeSurgery:
		return "I work at a GP surgery"
	}
	return string(m)
}

func (m mode) describe() string {
	switch m {
	case modeSelf:
		return "I'd like a second opinion about my own care."
	case modeCarer:
		return "I'm helping a relative, a friend or someone I look after."
	case modeAdvocate:
		return "I support people with their requests and need to keep track of them all."
	case modeSurgery:
		return "Patients ask us at the desk or by phone, and we record and route their requests."
	}
	return ""
}

// personal modes show one person's requests rather than a caseload.
func (m mode) personal() bool { return m == modeSelf }

// onBehalf reports whether letters are written for someone else.
func (m mode) onBehalf() bool { return m != modeSelf && m != "" }

// peopleWord is what the list of people is called in this mode.
func (m mode) peopleWord() string {
	switch m {
	case modeSelf:
		return "My requests"
	case modeAdvocate:
		return "Clients"
	case modeSurgery:
		return "Patients"
	}
	return "People"
}

// voice picks the words for the person using the program for themselves,
// or for someone writing on another's behalf.
func (s *shell) voice(self, other string) string {
	if s.modeNow().personal() {
		return self
	}
	return other
}
