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
	trustCfg := Config{Recipient: data.Contact{Role: data.RoleClinician, Organisation: "Northtown NHS Trust", RefusalPolicy: true}}
	gpCfg := Config{Recipient: data.Contact{Role: data.RoleGP, Organisation: "Mill Lane Surgery"}}
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
		{"drafted, out of area in England: the right to choose first, then a funding request",
			req(data.RouteOutOfArea, data.SubjectTreatment, true), nil, Config{Nation: data.England},
			[]string{data.KindSecondOpinionTreatment, data.KindIFRRequest, data.KindRecordsRequest}},
		{"drafted, out of area in Wales: no right to choose, so a funding request",
			req(data.RouteOutOfArea, data.SubjectTreatment, true), nil, Config{Nation: data.Wales},
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
		{"refused second opinion: ask again first; no medical director without the trust's policy",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), reply(t, "2026-02-05", data.OutcomeRefused)}, Config{},
			[]string{data.KindAskAgain, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused by a trust whose policy offers an appeal: ask again, then the medical director",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), reply(t, "2026-02-05", data.OutcomeRefused)}, trustCfg,
			[]string{data.KindAskAgain, data.KindAppeal, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused second opinion, out of area: ask again, then a funding request",
			req(data.RouteOutOfArea, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), reply(t, "2026-02-05", data.OutcomeRefused)}, Config{},
			[]string{data.KindAskAgain, data.KindIFRRequest, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused on the phone, with no letter on record: ask again in writing first",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{step(t, "2026-02-05", data.StepCall, "", data.OutcomeRefused)}, Config{},
			[]string{data.KindAskAgain, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused again by the trust: appeal under its policy",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindAskAgain), reply(t, "2026-02-05", data.OutcomeRefused)}, trustCfg,
			[]string{data.KindAppeal, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused again by the GP: the practice manager or partners, never a medical director",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindAskAgain), reply(t, "2026-02-05", data.OutcomeRefused)}, gpCfg,
			[]string{data.KindAskAgain, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
		{"refused again, nothing known of the provider: no appeal offered",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindAskAgain), reply(t, "2026-02-05", data.OutcomeRefused)}, Config{},
			[]string{data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
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
		{"reconsideration or review refused: judicial review's time limit, then the ombudsman",
			req(data.RouteOutOfArea, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindIFRReconsideration), reply(t, "2026-02-25", data.OutcomeRefused)}, Config{},
			[]string{"log:note", data.KindOmbudsman, data.KindAdvocacy, data.KindRecordsRequest}},
		{"Scotland, complaint answered at stage 1: stage 2 next, not the ombudsman",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindComplaint), reply(t, "2026-02-06", data.OutcomeRefused)}, Config{Nation: data.Scotland},
			[]string{data.KindComplaint, data.KindAdvocacy, data.KindRecordsRequest}},
		{"Northern Ireland, complaint answered at stage 1: stage 2 next",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindComplaint), reply(t, "2026-02-06", data.OutcomeRefused)}, Config{Nation: data.NorthernIreland},
			[]string{data.KindComplaint, data.KindAdvocacy, data.KindRecordsRequest}},
		{"Northern Ireland, stage 2 answered: NIPSO",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-01-05", data.KindComplaint), reply(t, "2026-01-10", data.OutcomeRefused),
				sent(t, "2026-01-20", data.KindComplaint), reply(t, "2026-02-20", data.OutcomeRefused)}, Config{Nation: data.NorthernIreland},
			[]string{data.KindOmbudsman, data.KindAdvocacy, data.KindRecordsRequest}},
		{"records refused: complain to the ICO",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-01-05", data.KindRecordsRequest), step(t, "2026-02-01", data.StepReply, data.KindRecordsRequest, data.OutcomeRefused)}, Config{},
			[]string{data.KindSecondOpinionTreatment, data.KindRecordsRequest, "log:note"}},
		{"records a month late with no answer: complain to the ICO",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-01-20", data.KindRecordsRequest)}, Config{},
			[]string{data.KindSecondOpinionTreatment, "log:note"}},
		{"records a month late, but the date was moved on (they waited for proof of identity): no ICO yet",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-01-20", data.KindRecordsRequest), moved(step(t, "2026-02-10", data.StepCall, data.KindRecordsRequest, ""), d(t, "2026-03-31"))}, Config{},
			[]string{data.KindSecondOpinionTreatment}},
		{"records sent with the stored date moved on: no ICO yet",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{moved(sent(t, "2026-01-20", data.KindRecordsRequest), d(t, "2026-03-31"))}, Config{},
			[]string{data.KindSecondOpinionTreatment}},
		{"ombudsman refused: close",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindOmbudsman), reply(t, "2026-02-25", data.OutcomeRefused)}, Config{},
			[]string{"log:closed", data.KindRecordsRequest}},
		{"partly agreed: ask about the rest first",
			req(data.RouteLocal, data.SubjectTreatment, true),
			[]data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), reply(t, "2026-02-05", data.OutcomePartly)}, Config{},
			[]string{data.KindAskAgain, data.KindPALS, data.KindAdvocacy, data.KindComplaint, data.KindRecordsRequest}},
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
		{data.NorthernIreland, "SPPG"},
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

// The reasons speak to the reader: the person, a carer ("your son") or an
// advocate ("the client"), and never say "your records" to a carer.
func TestNextActionsSpeakToTheReader(t *testing.T) {
	r := data.Request{ID: "r", Route: data.RouteOutOfArea, Subject: data.SubjectTreatment, RaisedWithDoctor: true}
	refused := []data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), reply(t, "2026-02-05", data.OutcomeRefused)}
	for _, c := range []struct{ them, want string }{
		{"", "your records"}, {"your son", "your son's records"}, {"the client", "the client's records"},
	} {
		var all []string
		for _, a := range NextActionsFor(r, refused, data.MustDate(2026, 3, 1), Config{Nation: data.England, Them: c.them}) {
			all = append(all, a.Reason)
		}
		text := strings.Join(all, "\n")
		if !strings.Contains(text, c.want) {
			t.Errorf("reader %q: no %q in\n%s", c.them, c.want, text)
		}
		if c.them != "" && (strings.Contains(text, " your records") || strings.Contains(text, "your GP")) {
			t.Errorf("reader %q is told about their own records or GP:\n%s", c.them, text)
		}
	}
}

// Each nation's funding route: the right body, who makes it, and never
// PACS Tier 2 (for medicines only) for a Scottish second opinion.
func TestFundingRouteIsTheNations(t *testing.T) {
	r := data.Request{ID: "r", Route: data.RouteOutOfArea, Subject: data.SubjectTreatment, RaisedWithDoctor: true}
	for _, c := range []struct {
		nation data.Nation
		want   []string
	}{
		{data.England, []string{"GP or consultant", "individual funding request (IFR)"}},
		{data.Wales, []string{"GP or consultant", "individual patient funding request (IPFR)"}},
		{data.Scotland, []string{"out-of-area referral"}},
		{data.NorthernIreland, []string{"hospital consultant", "extra-contractual referral (ECR)"}},
	} {
		var reason string
		for _, a := range NextActionsFor(r, nil, data.MustDate(2026, 3, 1), Config{Nation: c.nation}) {
			if a.Letter == data.KindIFRRequest {
				reason = a.Reason
			}
		}
		for _, w := range c.want {
			if !strings.Contains(reason, w) {
				t.Errorf("%s: %q does not say %q", c.nation, reason, w)
			}
		}
		if strings.Contains(reason, "PACS") || strings.Contains(reason, "HSC trust") {
			t.Errorf("%s: %q names a route that does not fund second opinions", c.nation, reason)
		}
	}
}

// A refusal logged as giving no reasons makes asking for them the point.
func TestRefusalWithoutReasonsAsksForThem(t *testing.T) {
	r := data.Request{ID: "r", Route: data.RouteLocal, Subject: data.SubjectTreatment, RaisedWithDoctor: true}
	no := reply(t, "2026-02-05", data.OutcomeRefused)
	no.NoReasons = true
	acts := NextActionsFor(r, []data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), no}, d(t, "2026-03-01"), Config{})
	if acts[0].Letter != data.KindAskAgain || !strings.Contains(acts[0].Reason, "without giving reasons") {
		t.Errorf("first action %+v", acts[0])
	}
	with := reply(t, "2026-02-05", data.OutcomeRefused)
	acts = NextActionsFor(r, []data.Step{sent(t, "2026-02-01", data.KindSecondOpinionTreatment), with}, d(t, "2026-03-01"), Config{})
	if strings.Contains(acts[0].Reason, "without giving reasons") {
		t.Errorf("reasons were given, but: %+v", acts[0])
	}
}

// moved is a step with a due date the user stored over the rules' date.
func moved(s data.Step, due data.Date) data.Step {
	s.DueOn = due
	return s
}

// Every reason the ladder can give fills each word it names, in every
// nation, for every subject and reader: a name the words do not know is
// left on screen in braces, as "{they}" once was in England's right to
// choose.
func TestEveryReasonFillsItsWords(t *testing.T) {
	all := []rungAction{actRecords, actICO}
	for _, row := range ladder {
		all = append(all, row.actions...)
	}
	for _, n := range data.Nations {
		f := data.FactsFor(n)
		for _, them := range []string{"", "the client"} {
			cfg := Config{Nation: n, Them: them}
			for _, subj := range data.Subjects {
				req := data.Request{Subject: subj}
				word := func(name string) (string, bool) { return reasonWord(name, &req, &cfg, &f) }
				for _, a := range all {
					got := fillWords(a.Reason, word)
					if strings.ContainsAny(got, "{}") {
						t.Errorf("%s, reader %q: a word is left unfilled in %q", n, them, got)
					}
				}
			}
		}
	}
}

// England's right to choose names whom it is for and when it does not
// apply, in words that fit both the person and an advocate.
func TestRightToChooseSaysWhomAndWhenNot(t *testing.T) {
	r := data.Request{ID: "r", Route: data.RouteOutOfArea, Subject: data.SubjectTreatment, RaisedWithDoctor: true}
	for _, c := range []struct{ them, who string }{{"", "you can choose"}, {"the client", "the client can choose"}} {
		var reason string
		for _, a := range NextActionsFor(r, nil, data.MustDate(2026, 3, 1), Config{Nation: data.England, Them: c.them}) {
			if strings.Contains(a.Reason, "right to choose") {
				reason = a.Reason
			}
		}
		for _, w := range []string{c.who, "crisis care", "detained under the Mental Health Act", "already being treated for the same condition"} {
			if !strings.Contains(reason, w) {
				t.Errorf("reader %q: %q does not say %q", c.them, reason, w)
			}
		}
	}
	for _, n := range []data.Nation{data.Wales, data.Scotland, data.NorthernIreland} {
		for _, a := range NextActionsFor(r, nil, data.MustDate(2026, 3, 1), Config{Nation: n}) {
			if strings.Contains(a.Reason, "right to choose") {
				t.Errorf("%s has no legal right to choose, but the ladder says %q", n, a.Reason)
			}
		}
	}
}

// A complaint goes where each nation sends it. In Northern Ireland every
// health and social care body, GP practices included, answers its own
// complaints: the SPPG commissions care but does not take complaints.
func TestComplaintsGoWhereTheNationSendsThem(t *testing.T) {
	r := data.Request{ID: "r", Route: data.RouteLocal, Subject: data.SubjectTreatment, RaisedWithDoctor: true}
	refused := []data.Step{sent(t, "2026-02-01", data.KindAskAgain), reply(t, "2026-02-10", data.OutcomeRefused)}
	for _, c := range []struct {
		nation      data.Nation
		want, never string
	}{
		{data.England, "to the provider (the trust or GP practice) or to the ICB", ""},
		{data.Wales, "health board", "ICB"},
		{data.Scotland, "NHS board", "ICB"},
		{data.NorthernIreland, "trust or GP practice that gave the care", "SPPG"},
	} {
		var reason string
		for _, a := range NextActionsFor(r, refused, data.MustDate(2026, 3, 1), Config{Nation: c.nation}) {
			if a.Letter == data.KindComplaint {
				reason = a.Reason
			}
		}
		if !strings.Contains(reason, c.want) || (c.never != "" && strings.Contains(reason, c.never)) {
			t.Errorf("%s: the complaint's reason is %q; want %q, never %q", c.nation, reason, c.want, c.never)
		}
	}
}
