package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/subject"
)

// settingsScreen holds who the program is for, the user's own details for
// letters, how it looks, and the chase period.
type settingsScreen struct {
	s       *shell
	mode    *widget.RadioGroup
	name    *field
	role    *field
	org     *field
	address *field
	phone   *field
	email   *field
	// deskRecord is the surgery's word that it adds desk requests to the
	// medical record; only then does the patient's receipt say so.
	deskRecord *widget.Check
	look       *widget.RadioGroup
	textSize   *widget.RadioGroup
	chase      *field
	keep       *field
	keepYears  *field // the retention period
	lockAfter  *field // idle minutes before the window locks
	deskName   *field // who the privacy log says did things here
	saveBtn    *widget.Button
	saved      *widget.Label
}

var (
	lookLabels = []string{"Follow the computer", "Light", "Dark"}
	lookValues = []string{"", "light", "dark"}
	sizeLabels = []string{"Normal", "Large", "Larger"}
	sizeValues = []string{"", "large", "larger"}
)

func newSettingsScreen(s *shell) *settingsScreen {
	ss := &settingsScreen{s: s}
	labels := make([]string, len(modes))
	for i, m := range modes {
		labels[i] = m.Label()
	}
	ss.mode = widget.NewRadioGroup(labels, nil)
	ss.mode.SetSelected(s.modeNow().Label())
	ss.name = newField("Name", "Your name", "", nil)
	ss.role = newField("Role", "Your role", "Like Advocate or Practice manager. Leave blank if you are a relative or friend.", nil)
	ss.org = newField("Organisation", "Organisation", "", nil)
	ss.address = newTextField("Address", "Your address", "Where replies should go.", 3)
	ss.phone = newField("Phone", "Phone", "", data.CheckPhone)
	ss.email = newField("Email", "Email", "", data.CheckEmail)
	snd := s.cl.sender
	ss.name.set(snd.Name)
	ss.role.set(snd.Role)
	ss.org.set(snd.Organisation)
	ss.address.set(snd.Address)
	ss.phone.set(snd.Phone)
	ss.email.set(snd.Email)
	ss.deskRecord = widget.NewCheck("We add every request made at the desk to the patient's medical record (the receipt will say so)", nil)
	ss.deskRecord.Checked = snd.RecordsDeskRequests
	ss.look = widget.NewRadioGroup(lookLabels, nil)
	ss.look.Horizontal = true
	ss.look.SetSelected(labelFor(s.cl.settings[settingTheme], lookValues, lookLabels))
	ss.textSize = widget.NewRadioGroup(sizeLabels, nil)
	ss.textSize.Horizontal = true
	ss.textSize.SetSelected(labelFor(s.cl.settings[settingTextSize], sizeValues, sizeLabels))
	ss.chase = newField("ChaseDays", "Chase after (days)", "Days to wait for a reply before the program suggests chasing it.", checkChaseDays)
	ss.chase.set(strconv.Itoa(s.cl.chaseDays()))
	ss.keep = newField("BackupKeep", "Automatic backups to keep", "A backup is made each time the program closes; the oldest go once there are more than this.", checkBackupKeep)
	ss.keep.set(strconv.Itoa(s.cl.backupKeep()))
	ss.keepYears = newRetentionField(s.cl)
	ss.lockAfter = newLockField(s.cl)
	ss.deskName = newDeskNameField(s.cl)
	ss.saveBtn = widget.NewButtonWithIcon("Save settings", theme.DocumentSaveIcon(), ss.onSave)
	ss.saveBtn.Importance = widget.HighImportance
	ss.saved = note("")
	return ss
}

func labelFor(v string, values, labels []string) string {
	for i, x := range values {
		if x == v {
			return labels[i]
		}
	}
	return labels[0]
}

func valueFor(label string, values, labels []string) string {
	for i, x := range labels {
		if x == label {
			return values[i]
		}
	}
	return values[0]
}

func (ss *settingsScreen) content() fyne.CanvasObject {
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	you := container.NewVBox(subheading("Your details"),
		quiet("Used on letters you write for someone else, so that replies come back to you."),
		fieldRows(ss.name, ss.role, ss.org, ss.address, ss.phone, ss.email))
	if ss.s.modeNow() == modeSurgery {
		you.Add(ss.deskRecord)
	}
	if ss.s.modeNow().personal() { // their letters come from their own record
		you = container.NewVBox(subheading("Your details"),
			quiet("Your letters use your own details, kept with your requests."),
			container.NewHBox(widget.NewButtonWithIcon("My details", theme.AccountIcon(), ss.s.showPeople)))
	}
	look := container.NewVBox(subheading("How it looks"), formRows(
		bold("Colours"), ss.look,
		bold("Text size"), ss.textSize,
	))
	work := container.NewVBox(subheading("Reminders"), fieldRows(ss.chase))
	who := container.NewVBox(subheading("Who is this for?"), ss.mode)
	example := widget.NewButtonWithIcon("Look around the example caseload", theme.VisibilityIcon(), ss.s.enterExample)
	if ss.s.example {
		example.Disable()
	}
	box := container.NewVBox(heading("Settings"), who, widget.NewSeparator(), you, widget.NewSeparator(), look,
		widget.NewSeparator(), work, widget.NewSeparator(), ss.backups(), widget.NewSeparator(), ss.retention(), widget.NewSeparator(), ss.protection(), widget.NewSeparator(), ss.privacy(), widget.NewSeparator(), ss.place(), ss.teamMembers(), widget.NewSeparator(), container.NewHBox(example))
	return container.NewBorder(nil, container.NewPadded(container.NewHBox(ss.saveBtn, ss.saved)), nil, nil,
		container.NewVScroll(container.NewPadded(container.New(&maxWidth{w: 760}, box))))
}

func (ss *settingsScreen) save() { ss.onSave() }

func (ss *settingsScreen) senderFields() []*field {
	return []*field{ss.name, ss.role, ss.org, ss.address, ss.phone, ss.email}
}

func (ss *settingsScreen) onSave() {
	ok := true
	for _, f := range append(ss.senderFields(), ss.chase, ss.keep, ss.keepYears, ss.lockAfter, ss.deskName) {
		if !f.validate() {
			ok = false
		}
	}
	if !ok {
		ss.saved.SetText("Please look at the messages in red first.")
		return
	}
	snd := data.Sender{Name: strings.TrimSpace(ss.name.text()), Role: strings.TrimSpace(ss.role.text()),
		Organisation: strings.TrimSpace(ss.org.text()), Address: strings.TrimSpace(ss.address.text()),
		Phone: strings.TrimSpace(ss.phone.text()), Email: strings.TrimSpace(ss.email.text()),
		RecordsDeskRequests: ss.deskRecord.Checked}
	if ss.s.modeNow().personal() {
		snd = ss.s.cl.sender // not shown, so not changed
	}
	values := map[string]string{
		settingTheme:                  valueFor(ss.look.Selected, lookValues, lookLabels),
		settingTextSize:               valueFor(ss.textSize.Selected, sizeValues, sizeLabels),
		settingChaseDays:              strings.TrimSpace(ss.chase.text()),
		settingBackupKeep:             strings.TrimSpace(ss.keep.text()),
		subject.SettingRetentionYears: strings.TrimSpace(ss.keepYears.text()),
		settingLockMinutes:            strings.TrimSpace(ss.lockAfter.text()),
		settingDeskName:               strings.TrimSpace(ss.deskName.text()),
	}
	for _, m := range modes {
		if m.Label() == ss.mode.Selected {
			values[settingMode] = string(m)
		}
	}
	st := ss.s.st
	// The screen stays open: a press during a save saves again after it.
	saveJob(ss.s, ss, ss.onSave, func(ctx context.Context) (struct{}, error) {
		if err := st.SaveSender(ctx, snd); err != nil {
			return struct{}{}, err
		}
		for k, v := range values {
			if err := st.SetSetting(ctx, k, v); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, nil
	}, func(struct{}) {
		modeChanged := values[settingMode] != ss.s.cl.settings[settingMode]
		ss.s.cl.sender = snd
		for k, v := range values {
			ss.s.cl.settings[k] = v
		}
		ss.s.applyTheme()
		ss.s.st.SetWho(values[settingDeskName])
		if modeChanged {
			ss.s.showMain() // the navigation's words follow the mode
			ss.s.showSettings()
		}
		ss.saved.SetText("Saved.")
	}, func(err error) { ss.s.showError(showProblems(err, ss.senderFields()...)) })
}
