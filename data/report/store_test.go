package report

import (
	"testing"

	"secondopinion/data"
	"secondopinion/data/store"
)

// The report from a data folder uses the chase period the user set.
func TestFromStoreUsesChaseSetting(t *testing.T) {
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	p := data.Person{Name: "Ann Lee", Nation: data.England}
	if err := st.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	r := data.Request{PersonID: p.ID, Subject: data.SubjectTreatment, Route: data.RouteLocal}
	if err := st.SaveRequest(ctx, &r); err != nil {
		t.Fatal(err)
	}
	s := data.Step{RequestID: r.ID, On: data.MustDate(2026, 11, 1), Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionTreatment}
	if err := st.AddStep(ctx, &s); err != nil {
		t.Fatal(err)
	}
	on := data.MustDate(2026, 11, 13) // chaser due on the 15th, or the 11th after 10 days
	rep, err := FromStore(ctx, st, data.Date{}, data.Date{}, on)
	if err != nil || rep.Opened != 1 || rep.OverdueItems != 0 {
		t.Fatalf("default chase: %d overdue, %v", rep.OverdueItems, err)
	}
	if err := st.SetSetting(ctx, store.SettingChaseDays, "10"); err != nil {
		t.Fatal(err)
	}
	if rep, _ = FromStore(ctx, st, data.Date{}, data.Date{}, on); rep.OverdueItems != 1 {
		t.Errorf("chase after 10 days: %d overdue, want 1", rep.OverdueItems)
	}
}
