package process

import (
	"reflect"
	"strings"
	"testing"

	"secondopinion/data"
)

// kinds shortens a list of actions to their letter kinds, or "log:<step>".
func kinds(as []Action) []string {
	var out []string
	for _, a := range as {
		if a.Letter != "" {
			out = append(out, a.Letter)
		} else {
			out = append(out, "log:"+string(a.Log))
		}
		if a.Reason == "" {
			out = append(out, "(no reason)")
		}
	}
	return out
}

func TestNextActions(t *testing.T) {
	req := func(route data.Route, subj data.Subject, raised bool) data.Request {
		return data.Request{ID: "r1", Route: route, Subject: subj, RaisedWithDoctor: raised}
	}
	today := "2026-03-02"
	cases := []struct {
		name  string
		req   data.Request
		steps []data.Step
		cfg   Config
		want  []string
	}{
		{"drafted, review of a diagnosis, not yet raised",
			req(data.RouteReview, data.SubjectDiagnosis, false), nil, Config{},
			[]string{"log:meeting", data.KindReviewDiagnosis, data.KindSecondOpinionDiagnosis, data.KindRecordsRequest}},
		{"drafted, local second opinion on a treatment",
			req(data.RouteLocal, data.SubjectTreatment, true), nil, Config{},
			[]string{data.KindSecondOpinionTreatment, data.KindRecordsRequest}},
		{"drafted, medication reads as treatment",
			req(data.RouteLocal, data.SubjectMedication, true), nil, Config{},
			[]string{data.KindSecondOpinionTreatment, data.KindRecordsRequest}},
		{"drafted, out of area needs a funding request",
			req(data.RouteOutOfArea, data.SubjectTreatment, true), nil, Config{},
			[]string{data.KindIFRRequest, data.KindRecordsRequest}},
		{"sent recently: log the reply first",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-25", data.KindSecondOpinionTreatment)}, Config{},
			[]string{"log:reply", "log:call", data.KindRecordsRequest}},
		{"sent 14 days ago: chase first",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-16", data.KindSecondOpinionTreatment)}, Config{},
			[]string{"log:call", "log:reply", data.KindRecordsRequest}},
		{"sent 14 days ago with a 21-day chase: not yet",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-16", data.KindSecondOpinionTreatment)}, Config{ChaseDays: 21},
			[]string{"log:reply", "log:call", data.KindRecordsRequest}},
		{"escalated: waiting on a complaint",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-25", data.KindComplaint)}, Config{},
			[]string{"log:reply", "log:call", data.KindRecordsRequest}},
		{"agreed: book it, send records, close",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), reply(t, "2026-02-05", data.OutcomeAgreed)}, Config{},
			[]string{"log:meeting", data.KindRecordsRequest, "log:closed"}},
		{"refused at review: ask again first, then a second opinion on the diagnosis",
			req(data.RouteReview, data.SubjectDiagnosis, true),
			[]data.Step{sent(t, "2026-02-01", data.KindReviewDiagnosis), reply(t, "2026-02-05", data.OutcomeRefused)}, Config{},
			[]string{data.KindAskAgain, data.KindSecondOpinionDiagnosis, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused second opinion: ask again first, then the medical director",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), reply(t, "2026-02-05", data.OutcomeRefused)}, Config{},
			[]string{data.KindAskAgain, data.KindAppeal, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused second opinion, out of area: ask again, then a funding request",
			req(data.RouteOutOfArea, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), reply(t, "2026-02-05", data.OutcomeRefused)}, Config{},
			[]string{data.KindAskAgain, data.KindIFRRequest, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused on the phone, with no letter on record: ask again in writing first",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{step(t, "2026-02-05", data.StepCall, "", data.OutcomeRefused)}, Config{},
			[]string{data.KindAskAgain, data.KindAppeal, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused again after asking again: appeal",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindAskAgain), reply(t, "2026-02-05", data.OutcomeRefused)}, Config{},
			[]string{data.KindAppeal, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"PALS could not help: advocate, then complain",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindPALS), reply(t, "2026-02-05", data.OutcomeRefused)}, Config{},
			[]string{data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"complaint not upheld: the ombudsman",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindComplaint), reply(t, "2026-02-25", data.OutcomeRefused)}, Config{},
			[]string{data.KindOmbudsman, data.KindAdvocacy, data.KindRecordsRequest}},
		{"funding refused, ICB limit unknown: ask for it first",
			req(data.RouteOutOfArea, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindIFRRequest), reply(t, "2026-02-25", data.OutcomeRefused)}, Config{},
			[]string{"log:call", data.KindIFRReconsideration, data.KindAdvocacy, data.KindRecordsRequest}},
		{"funding refused, ICB limit known",
			req(data.RouteOutOfArea, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindIFRRequest), reply(t, "2026-02-25", data.OutcomeRefused)},
			Config{Recipient: data.Contact{Role: data.RoleCommissioner, FundingReviewDays: 28}},
			[]string{data.KindIFRReconsideration, data.KindAdvocacy, data.KindRecordsRequest}},
		{"reconsideration or review refused: the ombudsman",
			req(data.RouteOutOfArea, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindIFRReconsideration), reply(t, "2026-02-25", data.OutcomeRefused)}, Config{},
			[]string{data.KindOmbudsman, data.KindAdvocacy, data.KindRecordsRequest}},
		{"ombudsman refused: close",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindOmbudsman), reply(t, "2026-02-25", data.OutcomeRefused)}, Config{},
			[]string{"log:closed", data.KindRecordsRequest}},
		{"partly agreed: ask about the rest first",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), reply(t, "2026-02-05", data.OutcomePartly)}, Config{},
			[]string{data.KindAskAgain, data.KindAppeal, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"complaint partly upheld: note it, then the ombudsman",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindComplaint), reply(t, "2026-02-25", data.OutcomePartly)}, Config{},
			[]string{"log:note", data.KindOmbudsman, data.KindAdvocacy, data.KindRecordsRequest}},
		{"no reply: phone, then write again",
			req(data.RouteReview, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-01-05", data.KindReviewTreatment), reply(t, "2026-02-05", data.OutcomeNoReply)}, Config{},
			[]string{"log:call", data.KindAskAgain, data.KindSecondOpinionTreatment, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"records already asked for and not answered: not offered again",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindPALS), reply(t, "2026-02-05", data.OutcomeRefused), sent(t, "2026-02-06", data.KindRecordsRequest)}, Config{},
			[]string{data.KindAdvocacy, data.KindComplaint}},
		{"closed: nothing",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), step(t, "2026-02-05", data.StepClosed, "", data.OutcomeAgreed)}, Config{},
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := kinds(NextActionsFor(c.req, c.steps, d(t, today), c.cfg))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("next actions\n got %v\nwant %v", got, c.want)
			}
		})
	}
}

// After any refusal of the opening request, asking again comes first,
// and its reason names the refusal.
func TestRefusedAsksAgainFirst(t *testing.T) {
	for _, route := range data.Routes {
		for _, first := range []string{data.KindReviewTreatment, data.KindSecondOpinionDiagnosis} {
			steps := []data.Step{sent(t, "2026-02-01", first), reply(t, "2026-02-05", data.OutcomeRefused)}
			acts := NextActions(data.Request{Route: route}, steps, d(t, "2026-02-06"))
			if len(acts) == 0 || acts[0].Letter != data.KindAskAgain {
				t.Errorf("%s refused on route %s: first action %+v, want ask-again", first, route, acts)
				continue
			}
			if acts[0].Reason == "" {
				t.Errorf("ask-again has no reason")
			}
		}
	}
}

// Every letter kind the ladder names is a real one, and every state has a row.
func TestLadderIsComplete(t *testing.T) {
	known := map[string]bool{letterReview: true, letterSecond: true}
	for _, k := range data.LetterKinds {
		known[k] = true
	}
	for _, row := range ladder {
		for _, a := range row.actions {
			if a.Letter != "" && !known[a.Letter] {
				t.Errorf("ladder names unknown letter kind %q", a.Letter)
			}
			if a.Letter == "" && a.Log == "" {
				t.Errorf("an action in %s/%s has neither a letter nor a step", row.state, row.rung)
			}
		}
	}
	// Every state has a row for any rung, and so for a rung not listed.
	for _, s := range []StateKind{StateDrafted, StateSent, StateEscalated, StateAgreed, StateRefused, StatePartly, StateNoReply, StateClosed} {
		if findRow(s, RungNone) == nil {
			t.Errorf("no ladder row for state %s", s)
		}
	}
}

func TestNextActionsNameTheNationsBodies(t *testing.T) {
	req := func(route data.Route, subj data.Subject, raised bool) data.Request {
		return data.Request{ID: "r", PersonID: "p", Route: route, Subject: subj, RaisedWithDoctor: raised}
	}
	refused := []data.Step{sent(t, "2026-02-01", data.KindIFRRequest), reply(t, "2026-02-25", data.OutcomeRefused)}
	r := req(data.RouteOutOfArea, data.SubjectTreatment, true)
	cases := []struct {
		nation data.Nation
		want   string
	}{
		{data.England, "ICB"},
		{data.Wales, "health board"},
		{data.Scotland, "NHS board"},
		{data.NorthernIreland, "HSC trust"},
	}
	for _, c := range cases {
		acts := NextActionsFor(r, refused, data.MustDate(2026, 3, 1), Config{Nation: c.nation})
		if !strings.Contains(acts[0].Reason, c.want) {
			t.Errorf("%s: %q does not name the %s", c.nation, acts[0].Reason, c.want)
		}
	}
	pals := NextActionsFor(req(data.RouteLocal, data.SubjectTreatment, true),
		[]data.Step{sent(t, "2026-02-01", data.KindAskAgain), reply(t, "2026-02-10", data.OutcomeRefused)},
		data.MustDate(2026, 3, 1), Config{Nation: data.Scotland})
	for _, a := range pals {
		if a.Letter == data.KindPALS && strings.Contains(a.Reason, "PALS") {
			t.Errorf("Scotland has no PALS, but the reason says %q", a.Reason)
		}
	}
	first := NextActionsFor(req(data.RouteOutOfArea, data.SubjectTreatment, true), nil, data.MustDate(2026, 3, 1), Config{Nation: data.Wales})
	for _, a := range first {
		if a.Letter == data.KindIFRRequest && !strings.Contains(a.Reason, "individual patient funding request") {
			t.Errorf("Wales: %q should name the IPFR", a.Reason)
		}
	}
}
