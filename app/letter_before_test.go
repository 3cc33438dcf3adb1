package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
)

// The letter screen says, before the letter goes, that the recipient has
// no postal address and that no consent is recorded for a letter on
// someone's behalf.
func TestLetterScreenWarnsBeforeItGoes(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir) // Dr B Patel has no address; Joseph gave no consent
	s := openOn(t, dir)
	req, err := s.st.Request(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	req.OnBehalf = true
	if err := s.st.SaveRequest(ctx, &req); err != nil {
		t.Fatal(err)
	}
	s.cl.putRequest(req)
	s.showLetter(data.Letter{RequestID: r.ID, Kind: data.KindAskAgain, RecipientID: req.RecipientID})
	settle(t, s)
	ls := s.current.(*letterScreen)
	text := cardText(ls.content())
	for _, want := range []string{"the recipient's postal address", "No written consent from Joseph Okoro is recorded"} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter screen does not say %q:\n%s", want, text)
		}
	}
	if !strings.Contains(ls.editor.Text, "I do not yet have Joseph's written consent") {
		t.Errorf("the letter does not say consent is not yet given:\n%s", ls.editor.Text)
	}

	// With consent recorded and an address for the doctor, nothing is left to warn of.
	p := ls.person
	p.ConsentOn = data.Today().AddDays(-1)
	if err := s.st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	s.cl.putPerson(p)
	c, _ := s.cl.contact(req.RecipientID)
	c.Address = "1 Hill Road\nLeeds\nLS1 1AA"
	if err := s.st.SaveContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	s.cl.contacts = []data.Contact{c}
	s.showLetter(data.Letter{RequestID: r.ID, Kind: data.KindAskAgain, RecipientID: req.RecipientID})
	settle(t, s)
	if warn := s.current.(*letterScreen).before(); warn != "" {
		t.Errorf("still warns: %q", warn)
	}
}

// Pronouns, title, the name on the NHS record and who the person is to
// the user are typed in the person form and kept.
func TestPersonFormKeepsHowLettersSpeakOfThem(t *testing.T) {
	s, ps := openPeople(t)
	joseph, _ := s.cl.person(ps.s.cl.people[2].ID)
	form := newPersonForm(joseph, false)
	form.title.SetSelected(data.TitleMr.Label())
	form.pronoun.SetSelected(data.PronounsHe.Label())
	test.Type(form.nhsName.entry, "Joseph A Okoro")
	test.Type(form.consent.rel.entry, "my son")
	p, ok := form.value()
	if !ok {
		t.Fatal("the form does not pass its checks")
	}
	if err := s.st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	got, err := s.st.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != data.TitleMr || got.Pronouns != data.PronounsHe || got.NHSName != "Joseph A Okoro" || got.Relationship != "my son" {
		t.Errorf("stored as title %q, pronouns %q, NHS name %q, relationship %q", got.Title, got.Pronouns, got.NHSName, got.Relationship)
	}
	// Loaded again, the form shows what was stored.
	again := newPersonForm(got, false)
	if again.title.Selected != "Mr" || again.pronoun.Selected != data.PronounsHe.Label() || again.nhsName.text() != "Joseph A Okoro" {
		t.Errorf("the form does not show what was stored")
	}
	// Someone writing for themselves is not asked who they are to themselves.
	if newPersonForm(got, true).consent != nil {
		t.Error("the form for oneself asks for a relationship")
	}
}

// The surgery's statement that it records desk requests is saved with
// its details, and is off until it is ticked.
func TestSurgeryRecordsDeskRequestsSetting(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	if err := s.st.SetSetting(ctx, settingMode, string(modeSurgery)); err != nil {
		t.Fatal(err)
	}
	s.cl.settings[settingMode] = string(modeSurgery)
	s.showSettings()
	settle(t, s)
	ss := s.current.(*settingsScreen)
	if ss.deskRecord.Checked {
		t.Fatal("the practice is taken to record desk requests before it says so")
	}
	test.Tap(ss.deskRecord)
	test.Type(ss.org.entry, "Hillside Surgery")
	ss.onSave()
	settle(t, s)
	snd, err := s.st.Sender(ctx)
	if err != nil || !snd.RecordsDeskRequests || !s.cl.sender.RecordsDeskRequests {
		t.Errorf("the setting is not saved: %+v, %v", snd, err)
	}
}
