package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
)

// A Welsh advocate adds her health board once, from the Directory: its
// concerns team and data protection officer are added as serving Wales,
// saved, and a complaint for a Welsh client then goes to the concerns team
// without typing it in by hand.
func TestAddLocalBodiesFromTheDirectory(t *testing.T) {
	s := openOn(t, t.TempDir())
	chooseMode(t, s, modeAdvocate)
	s.cl.people = []data.Person{{ID: "p", Name: "Carys Jones", Nation: data.Wales}}
	test.Tap(s.nav.buttons[navDirectory])
	d, ok := s.current.(*directoryScreen)
	if !ok {
		t.Fatalf("the Directory button opened %T", s.current)
	}
	before := len(s.cl.contacts)
	d.onAddLocal()
	f := d.local
	if f.chosenNation() != data.Wales {
		t.Fatalf("the form starts at %s; most of the caseload is in Wales", f.chosenNation())
	}
	if len(f.parts) != 1 || !strings.Contains(f.parts[0].body.Kind, "health board") {
		t.Fatalf("Wales asks for %d bodies, want the health board", len(f.parts))
	}

	// Nothing named: nothing added, and the form says why.
	tapInDialog(t, s, "Add to the directory")
	s.jobs.wait()
	if len(s.cl.contacts) != before || !strings.Contains(topDialogText(s), "at least one organisation") {
		t.Fatalf("an empty form added %d contacts; it says %q", len(s.cl.contacts)-before, topDialogText(s))
	}

	// Details typed without the body's name are not dropped: the form asks for the name.
	hb := f.parts[0]
	test.Type(hb.address.entry, "Headquarters")
	tapInDialog(t, s, "Add to the directory")
	s.jobs.wait()
	if len(s.cl.contacts) != before || !strings.Contains(hb.org.msg.Text, "give its name") {
		t.Fatalf("an address with no name was dropped or saved: %d added, the name field says %q", len(s.cl.contacts)-before, hb.org.msg.Text)
	}
	hb.address.set("")
	test.Type(hb.org.entry, "Example University Health Board")
	test.Type(hb.address.entry, "Headquarters\nExample Road\nCardiff")
	test.Type(hb.teams[1].email.entry, "concerns@example.wales")
	tapInDialog(t, s, "Add to the directory")
	settle(t, s)

	saved, err := s.st.Contacts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var roles []data.ContactRole
	for _, c := range saved {
		if c.Organisation != "Example University Health Board" {
			continue
		}
		roles = append(roles, c.Role)
		if !c.ServesOnly(data.Wales) || len(c.Nations) != 1 {
			t.Errorf("%s serves %v, want Wales only", c.DisplayName(), c.Nations)
		}
		if c.Role == data.RoleComplaints && (c.Email != "concerns@example.wales" || c.Name != "Concerns team") {
			t.Errorf("the concerns team was saved as %+v", c)
		}
	}
	want := []data.ContactRole{data.RoleCommissioner, data.RoleComplaints, data.RoleRecords} // PALS is not ticked in Wales
	slices.Sort(roles)
	slices.Sort(want)
	if !slices.Equal(roles, want) {
		t.Errorf("saved roles %v, want %v", roles, want)
	}
	if !strings.Contains(d.saved.Text, "3 contacts added for Wales") {
		t.Errorf("the Directory says %q", d.saved.Text)
	}
}

// The wizard's list of who the letter goes to shows the person's nation's
// bodies (and those with no nation recorded), hides the others, says how
// many are hidden, and shows them when asked.
func TestWizardPickerShowsThePersonsNationFirst(t *testing.T) {
	s := openOn(t, t.TempDir())
	chooseMode(t, s, modeAdvocate)
	s.cl.contacts = []data.Contact{
		{ID: "belfast", Role: data.RoleClinician, Name: "Dr Quinn", Organisation: "Belfast Trust", Nations: []data.Nation{data.NorthernIreland}},
		{ID: "nowhere", Role: data.RoleClinician, Name: "Dr Nowhere", Organisation: "Unrecorded"},
		{ID: "cardiff", Role: data.RoleClinician, Name: "Dr Evans", Organisation: "Cardiff Hospital", Nations: []data.Nation{data.Wales}},
		{ID: "leeds", Role: data.RoleGP, Name: "Dr Leeds", Organisation: "Leeds Surgery", Nations: []data.Nation{data.England}},
	}
	cp := newContactPicker(s)
	cp.suggest(data.KindReviewTreatment, data.Wales)
	if shown := cp.shown; strings.Join(shown, ",") != "cardiff,nowhere" {
		t.Errorf("a Welsh person's picker shows %v, want the Welsh doctor first, then the one with no nation", shown)
	}
	if !strings.Contains(cp.hidden.Text, "2 bodies") || !strings.Contains(cp.hidden.Text, "Wales") {
		t.Errorf("the hidden note says %q", cp.hidden.Text)
	}
	test.Tap(cp.others)
	if len(cp.shown) != 4 || cp.hidden.Text != "" {
		t.Errorf("showing other nations lists %d (note %q), want all 4", len(cp.shown), cp.hidden.Text)
	}
	// A new contact added from the picker starts as serving the person's nation.
	if got := cp.form.nations.Selected; len(got) != 1 || got[0] != data.Wales.Label() {
		t.Errorf("a new contact's nations start as %v, want Wales", got)
	}
}

// On a small screen every dialog opens inside the window: none is larger
// than the window or starts beyond its edges, and none needs more room
// than the window has (what is long scrolls inside it).
func TestDialogsOpenInsideASmallWindow(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	s.win.Resize(fyne.NewSize(640, 480))
	test.Tap(s.nav.buttons[navDirectory])
	s.current.(*directoryScreen).onAddLocal()
	dialogFits(t, s, "Add your local NHS bodies")
	s.dialogs[len(s.dialogs)-1].Hide()

	s.showRequest(r.ID)
	s.current.(*requestScreen).logStep(data.StepReply)
	dialogFits(t, s, "Log what happened")
	s.dialogs[len(s.dialogs)-1].Hide()

	s.askPractice(func() {})
	dialogFits(t, s, "Your practice's details")
	s.dialogs[len(s.dialogs)-1].Hide()

	p := s.cl.people[0]
	s.editPerson(p, func(data.Person) {})
	dialogFits(t, s, "Edit the person")
	s.dialogs[len(s.dialogs)-1].Hide()

	s.confirmErase(p, "1 request, 1 letter and 1 step")
	dialogFits(t, s, "Erase this person")
}

func dialogFits(t *testing.T, s *shell, name string) {
	t.Helper()
	top, ok := s.win.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		t.Fatalf("%s: no dialog opened", name)
	}
	canvas := s.win.Canvas().Size()
	box := top.Content
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(box)
	size, least := box.Size(), box.MinSize()
	if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > canvas.Width || pos.Y+size.Height > canvas.Height {
		t.Errorf("%s lies at %v, size %v, outside the %v window", name, pos, size, canvas)
	}
	if least.Width > canvas.Width || least.Height > canvas.Height {
		t.Errorf("%s needs %v, more than the %v window: its foot would be cut off", name, least, canvas)
	}
}
