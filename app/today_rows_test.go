package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"secondopinion/data"
	"secondopinion/data/store"
)

// seedSecondOpinion is one request for a second opinion, sent 20 days
// ago and unanswered: both its decision (7 days) and its chase are overdue.
func seedSecondOpinion(t *testing.T, dir string) {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := data.Person{Name: "Jack Wood", Nation: data.England}
	c := data.Contact{Name: "Dr B Patel", Organisation: "Hillside Surgery", Role: data.RoleGP}
	if err := st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Route: data.RouteLocal, Condition: "asthma", RecipientID: c.ID}
	if err := st.SaveRequest(ctx, &r); err != nil {
		t.Fatal(err)
	}
	l := data.Letter{RequestID: r.ID, Kind: data.KindSecondOpinionDiagnosis, RecipientID: c.ID, SentHow: data.SentByPost}
	step := data.Step{On: data.Today().AddDays(-20)}
	if err := st.MarkSent(ctx, &l, &step); err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, settingMode, string(modeAdvocate)); err != nil {
		t.Fatal(err)
	}
}

// One request is one row on Today, by its most pressing date.
func TestTodayShowsARequestOnce(t *testing.T) {
	dir := t.TempDir()
	seedSecondOpinion(t, dir)
	s := openOn(t, dir)
	today := s.current.(*todayScreen)
	if len(today.items) != 1 {
		for _, it := range today.items {
			t.Logf("%s: %s (%s)", it.PersonName, it.What, it.Date)
		}
		t.Fatalf("Today lists one request %d times", len(today.items))
	}
	if it := today.items[0]; it.Date != s.today().AddDays(-6) {
		t.Errorf("the row is dated %s, want the chaser 14 days after the letter (%s)", it.Date, s.today().AddDays(-6))
	}
}

// At the largest text size every date fits its column, so none overlaps
// the name beside it.
func TestTodayDatesFitAtTheLargestText(t *testing.T) {
	dir := t.TempDir()
	seedSecondOpinion(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(ctx, settingTextSize, sizeValues[len(sizeValues)-1]); err != nil {
		t.Fatal(err)
	}
	st.Close()
	s := openOn(t, dir)
	today := s.current.(*todayScreen)
	today.items[0].Date = s.today().AddDays(-999) // the widest overdue date
	row := today.newRow().(*fyne.Container)
	today.updateRow(0, row)
	column := row.Objects[1].(*fyne.Container)
	date := column.Objects[0].(*widget.Label)
	if need, room := date.MinSize().Width, column.MinSize().Width; need > room {
		t.Errorf("%q needs %.0f pixels at the largest text; its column has %.0f", date.Text, need, room)
	}
}

// Today narrows as the caseload does: overdue only, by nation, by flag.
func TestTodayHasTheCaseloadsFilters(t *testing.T) {
	dir := t.TempDir()
	seedCaseload(t, dir)
	s := openOn(t, dir)
	today := s.current.(*todayScreen)
	who := func() []string {
		var out []string
		for _, it := range today.items {
			out = append(out, it.PersonName)
		}
		return out
	}
	if today.only == nil {
		t.Fatal("an advocate's Today has no filters")
	}
	if got := who(); len(got) != 2 {
		t.Fatalf("Today lists %q, want Ada Lovelace's draft and Joseph Okoro's overdue letter", got)
	}
	test.Tap(today.only.overdue)
	if got := who(); len(got) != 1 || got[0] != "Joseph Okoro" || today.list.Length() != 1 {
		t.Errorf("overdue only lists %q", got)
	}
	test.Tap(today.only.overdue)
	today.only.nation.SetSelected(data.Wales.Label())
	if got := who(); len(got) != 1 || got[0] != "Ada Lovelace" {
		t.Errorf("Wales lists %q", got)
	}
	today.only.nation.SetSelected(anywhere)
	today.only.flag.SetSelected("urgent")
	if got := who(); len(got) != 1 || got[0] != "Ada Lovelace" {
		t.Errorf("flagged urgent lists %q", got)
	}
	if today.only.count.Text != "1 of 2" {
		t.Errorf("the count reads %q", today.only.count.Text)
	}
}

// Today lets go of its items once another screen takes its place, even
// when they are worked out after it has gone: the window keeps a screen's
// widgets a while, and with 50,000 people each visit's items were 8 MB.
func TestTodayLetsGoOfItsItemsWhenLeft(t *testing.T) {
	dir := t.TempDir()
	seedRequest(t, dir)
	s := openOn(t, dir)
	s.showToday()
	settle(t, s)
	today := s.current.(*todayScreen)
	if len(today.items) == 0 {
		t.Fatal("Today shows nothing for an overdue letter")
	}
	s.showPeople()
	settle(t, s)
	if today.items != nil || (today.only != nil && today.only.all != nil) {
		t.Errorf("Today left behind still holds %d items", len(today.items))
	}

	s.showToday()
	late := s.current.(*todayScreen)
	s.showPeople() // before the items are worked out
	settle(t, s)
	if late.items != nil || late.body.Objects != nil {
		t.Errorf("Today left before its items came holds %d items", len(late.items))
	}
}
