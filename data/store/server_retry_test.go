package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"secondopinion/data"
	"secondopinion/data/store/pgtest"
)

// cutConnection ends the server's side of tx's connection, waiting until
// it has gone: the network dropping under a save.
func cutConnection(t *testing.T, s *Store, tx txn) {
	t.Helper()
	var pid int
	if err := tx.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		t.Fatal(err)
	}
	var gone bool
	if err := s.db.QueryRowContext(ctx, "SELECT pg_terminate_backend(?, 5000)", pid).Scan(&gone); err != nil || !gone {
		t.Fatalf("cutting the connection: %v %v", gone, err)
	}
}

// cutFirstCommits cuts the connection just before the COMMIT of the next
// n saves, and counts the COMMITs tried.
func cutFirstCommits(t *testing.T, s *Store, n int) *int {
	tries := 0
	s.hooks.beforeCommit = func(_ context.Context, tx *sql.Tx) {
		if tries++; tries <= n {
			cutConnection(t, s, tx)
		}
	}
	return &tries
}

func TestASaveCutOffBeforeItsCommitIsMadeOnceWhenTheServerAnswers(t *testing.T) {
	s := openServerTemp(t)
	p := data.Person{Name: "Mair Jones", Nation: data.Wales}
	tries := cutFirstCommits(t, s, 1)
	if err := s.SavePerson(ctx, &p); err != nil {
		t.Fatalf("a save cut off once was not made when tried again: %v", err)
	}
	if *tries != 2 || p.Version != 0 {
		t.Fatalf("tried %d times, version %d; want 2 tries and version 0 (a new record's)", *tries, p.Version)
	}

	// A change to a record: the retried save sends the version it read,
	// so it is not taken for someone else's change.
	p.Notes = "Prefers phone calls"
	tries = cutFirstCommits(t, s, 2)
	if err := s.SavePerson(ctx, &p); err != nil {
		t.Fatalf("a change cut off twice: %v", err)
	}
	got, err := s.Person(ctx, p.ID)
	if err != nil || got.Notes != p.Notes || got.Version != 1 || p.Version != 1 {
		t.Fatalf("after the retried change: stored %q v%d, held v%d (%v); want v1", got.Notes, got.Version, p.Version, err)
	}

	// Several records together: a request with its receipt and its step.
	req := data.Request{Subject: data.SubjectDiagnosis, Condition: "asthma"}
	letter := data.Letter{Kind: data.KindSecondOpinionDiagnosis, Body: "Dear Dr Rees,"}
	step := data.Step{On: data.MustDate(2026, 11, 2)}
	tries = cutFirstCommits(t, s, 1)
	p.Notes = "Prefers letters"
	if err := s.SaveTogether(ctx, Together{Person: &p, Request: &req, Letter: &letter, Step: &step}); err != nil {
		t.Fatalf("saving together, cut off once: %v", err)
	}
	steps, err := s.StepsFor(ctx, req.ID)
	if err != nil || len(steps) != 1 || p.Version != 2 || req.Version != 0 || letter.Version != 0 {
		t.Fatalf("after the retried save: %d steps, versions %d %d %d (%v); want 1 step, versions 2 0 0",
			len(steps), p.Version, req.Version, letter.Version, err)
	}

	// Many records in one batch.
	b := Batch{People: []data.Person{p, {Name: "Ffion Rees", Nation: data.Wales}}}
	b.People[0].Notes = "Moved house"
	cutFirstCommits(t, s, 1)
	if err := s.SaveBatch(ctx, &b); err != nil {
		t.Fatalf("a batch cut off once: %v", err)
	}
	if b.People[0].Version != 3 || b.People[1].Version != 0 {
		t.Fatalf("batch versions %d %d; want 3 0", b.People[0].Version, b.People[1].Version)
	}
}

func TestASaveWhoseAnswerWasLostIsNotMadeTwice(t *testing.T) {
	s := openServerTemp(t)
	p := data.Person{Name: "Mair Jones", Nation: data.Wales}
	mustSave(t, s.SavePerson(ctx, &p))
	req := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Condition: "asthma"}
	mustSave(t, s.SaveRequest(ctx, &req))

	// The COMMIT is made, then its answer lost. Running the save again
	// would add the step twice (or be refused for its id): the server is
	// asked instead, and says it was made.
	lost := 0
	s.hooks.afterCommit = func() error {
		if lost++; lost == 1 {
			return driver.ErrBadConn
		}
		return nil
	}
	st := data.Step{RequestID: req.ID, On: data.MustDate(2026, 11, 2), Kind: data.StepNote, Summary: "Rang the clinic"}
	if err := s.AddStep(ctx, &st); err != nil {
		t.Fatalf("a save made but not answered was reported as %v", err)
	}
	steps, err := s.StepsFor(ctx, req.ID)
	if err != nil || len(steps) != 1 || lost != 1 {
		t.Fatalf("%d steps after one save (%d commits answered or lost, %v); want 1 step, 1 commit", len(steps), lost, err)
	}

	// A change made but not answered keeps the version the server gave it.
	lost = 0
	p.Notes = "Prefers phone calls"
	if err := s.SavePerson(ctx, &p); err != nil || p.Version != 1 || lost != 1 {
		t.Fatalf("change made but not answered: %v, version %d after %d commits; want version 1 after 1", err, p.Version, lost)
	}
}

func TestASaveTheServerNeverTakesSaysItWasNotSaved(t *testing.T) {
	s := openServerTemp(t)
	s.retryWindow = time.Second
	// The connection is cut under the save every time it is tried, so
	// no COMMIT is ever sent: it was certainly not saved.
	cutEveryTime := func(tx txn) error {
		cutConnection(t, s, tx)
		_, err := tx.ExecContext(ctx, "SELECT 1")
		return err
	}
	err := s.inTx(ctx, cutEveryTime)
	if !errors.Is(err, ErrServerUnreachable) || !strings.Contains(data.Message(err), "so this was not saved") {
		t.Fatalf("a save never sent said %q (%v); want that it was not saved", data.Message(err), err)
	}
}

// A network that goes away under a desk can leave the server waiting for
// the rest of a transaction whose COMMIT never arrived, holding its
// records. The desk ends that transaction once the server answers again,
// and makes the save at once, instead of waiting it out.
func TestASaveLeftOpenOnTheServerIsEndedAndMadeAgain(t *testing.T) {
	s, link := openThroughLink(t)

	tries := 0
	s.hooks.beforeCommit = func(context.Context, *sql.Tx) {
		if tries++; tries == 1 {
			link.Abandon()
		}
	}
	p := data.Person{Name: "Mair Jones", Nation: data.Wales}
	if err := s.SavePerson(ctx, &p); err != nil {
		t.Fatalf("a save left open on the server: %v", err)
	}
	if tries != 2 {
		t.Fatalf("the save was tried %d times, want 2", tries)
	}
	var left int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "+
		"AND state = 'idle in transaction'").Scan(&left); err != nil || left != 0 {
		t.Fatalf("%d transactions still left open on the server (%v)", left, err)
	}
	if people, err := s.People(ctx); err != nil || len(people) != 1 {
		t.Fatalf("the server holds %d people (%v), want 1", len(people), err)
	}
}

// Every connection to the server has the server end a transaction a
// vanished desk left open after a minute, unless the address or the
// server says otherwise; a connect timeout an address gives is kept.
func TestConnectionsHaveAbandonedTransactionsEnded(t *testing.T) {
	srv := pgtest.Start(t)
	url := srv.NewDatabase(t)
	for _, c := range []struct{ address, want string }{
		{url, "1min"},
		{url + sep(url) + "options=-c%20idle_in_transaction_session_timeout%3D5s", "5s"},
	} {
		s, err := OpenServer(ctx, c.address, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		var idle string
		err = s.db.QueryRowContext(ctx, "SHOW idle_in_transaction_session_timeout").Scan(&idle)
		s.Close()
		if err != nil || idle != c.want {
			t.Errorf("%s: the server ends abandoned transactions after %q (%v), want %s", c.address, idle, err, c.want)
		}
	}
	t.Setenv("PGCONNECT_TIMEOUT", "")
	for address, want := range map[string]time.Duration{
		"host=localhost dbname=cases connect_timeout=4":     4 * time.Second,
		"postgres://jane:connect_timeout@localhost/cases":   connectTimeout,
		"postgres://jane@localhost/cases":                   connectTimeout,
		"postgres://jane@localhost/cases?connect_timeout=0": 0,
		"postgres://jane@localhost/cases?connect_timeout=3": 3 * time.Second,
	} {
		cfg, err := serverConfig(address)
		if err != nil || cfg.ConnectTimeout != want {
			t.Errorf("%s: connecting waits %v (%v), want %v", address, cfg.ConnectTimeout, err, want)
		}
	}
}

func sep(url string) string {
	if strings.Contains(url, "?") {
		return "&"
	}
	return "?"
}

// A connection lost in the middle of a save leaves the server holding the
// records it changed. Running the save again would wait for the server to
// give up on it (a minute); the desk ends it first.
func TestASaveCutOffMidwayDoesNotWaitOnWhatItLeftOpen(t *testing.T) {
	s, link := openThroughLink(t)
	p := data.Person{Name: "Mair Jones", Nation: data.Wales}
	mustSave(t, s.SavePerson(ctx, &p))

	tries := 0
	change := func(tx txn) error {
		if _, err := tx.ExecContext(ctx, "UPDATE people SET notes = 'changed' WHERE id = ?", p.ID); err != nil {
			return err
		}
		if tries++; tries == 1 {
			link.Abandon() // the server keeps the transaction, and the row it changed
		}
		_, err := tx.ExecContext(ctx, "SELECT 1")
		return err
	}
	// Without ending what was left open, the second try waits a minute on
	// the row; this gives up well before.
	limited, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := s.inTx(limited, change); err != nil {
		t.Fatalf("a save cut off midway: %v", err)
	}
	if tries != 2 {
		t.Fatalf("tried %d times, want 2", tries)
	}
}

// What the server says of a transaction whose answer was lost.
func TestTheVerdictOnALostCommit(t *testing.T) {
	for _, c := range []struct {
		status    string
		restarted bool
		want      madeOrNot
	}{
		{"committed", false, wasMade},
		{"committed", true, unknowable}, // its id may have been handed out again after a crash
		{"aborted", false, wasNotMade},
		{"aborted", true, wasNotMade},
		{"in progress", false, stillOpen},
		{"in progress", true, wasNotMade}, // open now, so not the one from before the restart
		{"", false, stillOpen},
	} {
		if got := verdict(c.status, c.restarted); got != c.want {
			t.Errorf("verdict(%q, restarted %v) = %d, want %d", c.status, c.restarted, got, c.want)
		}
	}
}

// Removing a member, which needs no key and so does not go through inTx,
// is tried again like any save.
func TestRemovingAMemberCutOffIsMadeOnce(t *testing.T) {
	s := openServerTemp(t)
	name := "gone" + strconv.FormatInt(time.Now().UnixNano()%1e9, 36)
	if err := s.AddMember(ctx, name, Advocate, pgtest.Password); err != nil {
		t.Fatal(err)
	}
	tries := cutFirstCommits(t, s, 1)
	if err := s.RemoveMember(ctx, name); err != nil || *tries != 2 {
		t.Fatalf("removing a member cut off once: %v after %d tries, want done after 2", err, *tries)
	}
}

// openThroughLink opens a new caseload on the test server through a link
// the test can break, with saves waiting 5 s for a lost server: long enough
// to end what a lost connection left open, short if it is not.
func openThroughLink(t *testing.T) (*Store, *pgtest.Link) {
	t.Helper()
	srv := pgtest.Start(t)
	link := srv.NewLink(t)
	s, err := OpenServer(ctx, link.Through(srv, srv.NewDatabase(t)), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.retryWindow = 5 * time.Second
	return s, link
}

// A reading made while the server cannot be reached says so in plain
// words, and changes nothing; it works again once the server is back.
func TestAReadingWithTheServerOutOfReachSaysSo(t *testing.T) {
	s, link := openThroughLink(t)
	p := data.Person{Name: "Rhiannon Pugh", Nation: data.Wales}
	if err := s.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	link.Cut()
	for what, read := range map[string]func() error{
		"one person": func() error { _, err := s.Person(ctx, p.ID); return err },
		"a list":     func() error { _, err := s.RequestsFor(ctx, p.ID); return err },
		"everyone":   func() error { _, err := s.People(ctx); return err },
	} {
		err := read()
		var ue *data.UserError
		if !errors.As(err, &ue) || !errors.Is(err, ErrServerUnreachable) || !strings.Contains(ue.Message, "cannot be reached") {
			t.Errorf("reading %s with the server out of reach: %v", what, err)
		}
	}
	link.Restore()
	if got, err := s.Person(ctx, p.ID); err != nil || got.Name != p.Name {
		t.Errorf("once the server is back, the person reads as %+v, %v", got, err)
	}
}
