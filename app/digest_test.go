package app

import (
	"maps"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

// readDemo writes a demo caseload to a real store and reads it back twice:
// whole, and as a desk reads it.
func readDemo(t *testing.T, clients int, seed int64, today data.Date) (store.Records, *caseload) {
	t.Helper()
	st, err := store.Open(demoFolder(t, clients, seed, today))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.LoadAll(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cl, err := loadCaseload(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	return all, cl
}

// The caseload keeps each timeline only as a digest. Today, the states,
// the next steps, the time logged and the search must come out of it just
// as they come out of the whole timelines, for a varied caseload.
func TestDigestsGiveWhatWholeTimelinesGive(t *testing.T) {
	today := data.MustDate(2026, 12, 1)
	all, cl := readDemo(t, 300, 7, today)
	wantPackedInOrder(t, cl)
	cfg := cl.config()
	want := process.Agenda(all.People, all.Requests, all.Steps, today, cfg)
	for i := range want {
		want[i].StepID = "" // the window's agendas do not name the steps (caseload.timelines)
	}
	got := process.AgendaOf(cl.people, cl.requestList(), (*requestBrief).forRules, cl.timelines(), today, cfg)
	if len(want) < 50 || !reflect.DeepEqual(got, want) {
		t.Fatalf("Today from the digests has %d items, from the timelines %d (equal: %v)", len(got), len(want), reflect.DeepEqual(got, want))
	}
	whole := process.GroupSteps(all.Steps)
	for _, r := range all.Requests {
		steps := whole[r.ID]
		if got, want := cl.state(r.ID), process.StateOf(steps); got != want {
			t.Errorf("request %s: state %v from its digest, %v from its timeline", r.ID, got, want)
		}
		rcfg := cl.configFor(r)
		if got, want := process.NextActionsFor(r, cl.rulesTimeline(r.ID), today, rcfg), process.NextActionsFor(r, steps, today, rcfg); !reflect.DeepEqual(got, want) {
			t.Errorf("request %s: next steps %v from its digest, %v from its timeline", r.ID, got, want)
		}
		// Today works out only the first, with only its reason written out.
		all := process.NextActionsFor(r, steps, today, rcfg)
		if first, ok := process.NextActionFor(r, steps, today, rcfg); ok != (len(all) > 0) || ok && first != all[0] {
			t.Errorf("request %s: the first next step is %v (%v), of all %v", r.ID, first, ok, all)
		}
		minutes := 0
		for _, s := range steps {
			minutes += s.Minutes
			for _, w := range strings.Fields(fold(s.Summary)) {
				if !slices.Contains(cl.book.spell(cl.digest(r.ID).words), w) {
					t.Errorf("request %s: the digest's words lack %q", r.ID, w)
				}
			}
		}
		if got := cl.requestMinutes(r.ID); got != minutes {
			t.Errorf("request %s: %d minutes from its digest, %d from its timeline", r.ID, got, minutes)
		}
	}
}

// Steps logged, corrected and removed one by one leave the digest as a
// whole reading of the timeline would make it, in the same order: by day,
// then as logged, a step of an earlier day going before later ones.
func TestADigestChangedStepByStepIsAsIfReadWhole(t *testing.T) {
	on := data.MustDate(2026, 11, 2)
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	steps := []data.Step{
		{ID: "sent", RequestID: "r", On: on, Kind: data.StepLetterSent, LetterKind: data.KindSecondOpinionDiagnosis, CreatedAt: at, Minutes: 30},
		{ID: "refused", RequestID: "r", On: on.AddDays(20), Kind: data.StepReply, Outcome: data.OutcomeRefused, CreatedAt: at.Add(time.Hour), Summary: "No reasons given", NoReasons: true},
		{ID: "call", RequestID: "r", On: on, Kind: data.StepCall, CreatedAt: at.Add(2 * time.Hour), Minutes: 15, Summary: "Rang PALS"},
	}
	book := newWordBook()
	d := noSteps
	for _, s := range steps {
		d = d.with(s, book.writer())
	}
	d = d.with(steps[2], book.writer()) // logged twice (read back just after it was saved): kept once
	whole := []data.Step{steps[0], steps[2], steps[1]}
	checkDigest(t, "after three steps", d, digestOf(whole, book.writer()))
	if d.words != digestOf(whole, book.writer()).words {
		t.Error("after three steps the words differ from those of the whole timeline")
	}
	if got, want := book.spell(d.words), []string{"no", "reasons", "given", "rang", "pals"}; !slices.Equal(got, want) {
		t.Errorf("after three steps the words are %q, want %q, each once", got, want)
	}
	d = d.without("call")
	checkDigest(t, "after removing the call", d, digestOf([]data.Step{steps[0], steps[1]}, book.writer()))
	if got := book.spell(d.words); !slices.Contains(got, "rang") || !slices.Contains(got, "pals") {
		t.Errorf("the words %q lost what a search found the request by before it is read again", got)
	}
	if d = d.without("sent").without("refused"); len(d.steps) != 0 || d.st != noSteps.st || d == noSteps {
		t.Errorf("with every step removed the digest is %+v", d)
	}
}

func checkDigest(t *testing.T, when string, got, want *digest) {
	t.Helper()
	if !reflect.DeepEqual(got.steps, want.steps) || got.st != want.st || got.minutes != want.minutes {
		t.Errorf("%s: the digest is %+v, want %+v", when, got, want)
	}
	if got.timeline("r", nil)[0].RequestID != "r" {
		t.Errorf("%s: its steps do not name their request", when)
	}
}

// A step logged while the request's timeline is being read is not lost
// from the timeline shown: the timeline is read again.
func TestATimelineReadAsAStepIsLoggedIsReadAgain(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	var shown []data.Step
	s.readRequest(r.ID, func(_ data.Request, steps []data.Step) { shown = steps }, nil)
	s.jobs.wg.Wait() // read, but not yet handed back
	call := data.Step{RequestID: r.ID, On: s.today(), Kind: data.StepCall, Summary: "Rang the surgery"}
	if err := s.st.AddStep(ctx, &call); err != nil {
		t.Fatal(err)
	}
	s.cl.addStep(call)
	settle(t, s)
	if len(shown) != 2 || shown[1].Summary != "Rang the surgery" {
		t.Fatalf("the timeline shown has %d steps: %+v", len(shown), shown)
	}
	if kept, _ := s.cl.timeline(r.ID); len(kept) != 2 {
		t.Errorf("the caseload keeps a timeline of %d steps", len(kept))
	}
}

// A letter tells what happened in the steps' own words, which the
// caseload keeps only in the timelines it reads when a request or letter
// is opened; and a search still finds the person by those words.
func TestALetterAndASearchUseTheStepsOwnWords(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	reply := data.Step{RequestID: r.ID, On: data.Today().AddDays(-5), Kind: data.StepReply, Outcome: data.OutcomeRefused,
		Summary: "Dr Patel wrote that the spirometry was normal"}
	if err := st.AddStep(ctx, &reply); err != nil {
		t.Fatal(err)
	}
	st.Close()

	s := openOn(t, dir)
	s.showNewLetter(r.ID, data.KindComplaint)
	settle(t, s)
	ls, ok := s.current.(*letterScreen)
	if !ok {
		t.Fatalf("the screen is %T, want the letter", s.current)
	}
	if text := ls.editor.Text; !strings.Contains(text, "spirometry was normal") {
		t.Errorf("the complaint does not tell the reply in its own words:\n%s", text)
	}

	s.onSearch()
	settle(t, s)
	ps := s.current.(*peopleScreen)
	test.Type(ps.search, "spirometry")
	settle(t, s)
	if len(ps.shown) != 1 || s.cl.people[ps.shown[0]].ID != r.PersonID {
		t.Errorf("searching for a word of the reply found %d people", len(ps.shown))
	}
}

// A letter whose timeline is still being read when the person moves to
// another screen is not opened over it.
func TestALetterIsNotOpenedOverTheScreenMovedTo(t *testing.T) {
	dir := t.TempDir()
	r := seedRequest(t, dir)
	s := openOn(t, dir)
	ls, err := s.st.LettersFor(ctx, r.ID)
	if err != nil || len(ls) != 1 {
		t.Fatalf("letters %v, %v", ls, err)
	}
	s.showLetter(ls[0])
	s.showToday()
	settle(t, s)
	if _, ok := s.current.(*todayScreen); !ok {
		t.Errorf("the screen is %T, want Today, where the person went", s.current)
	}
}

// The digests made at sign-in, on every processor at once, are those made
// one timeline at a time: the same steps, state, time and words.
func TestDigestsMadeAtOnceAreThoseMadeOneByOne(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2)) // two parts, even on one processor
	batch := demo.Build(3000, 3, data.MustDate(2026, 11, 20))
	timelines := process.GroupSteps(batch.Steps)
	ids := slices.Sorted(maps.Keys(timelines))
	if len(ids) < minPart {
		t.Fatalf("only %d timelines: too few to be shared between processors", len(ids))
	}
	var read []briefRead
	book := newWordBook()
	brief := briefReader(book)
	for _, id := range ids {
		for i := range timelines[id] {
			read = append(read, brief(&timelines[id][i]))
		}
	}
	got := digestsOf(read, book)
	if len(got) != len(ids) {
		t.Fatalf("%d digests made of %d timelines", len(got), len(ids))
	}
	for _, id := range ids {
		want := digestOf(timelines[id], book.writer())
		checkDigest(t, "request "+id, got[id], want)
		if got[id].words != want.words {
			t.Errorf("request %s: the words %q, want %q", id, book.spell(got[id].words), book.spell(want.words))
		}
	}
}
