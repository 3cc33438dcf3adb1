package store

import (
	"errors"
	"sync"
	"testing"

	"secondopinion/data"
)

// secondDesk opens the same records as s, as another desk would.
func secondDesk(t *testing.T, s *Store) *Store {
	t.Helper()
	var other *Store
	var err error
	if s.OnServer() {
		other, err = OpenServer(ctx, s.address, t.TempDir())
	} else {
		other, err = Open(s.Dir())
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return other
}

// The second of two desks saving the same record is refused and told who
// came first; nothing of either is lost.
func TestSecondSaveOfTheSameRecordIsAConflict(t *testing.T) {
	eachEngine(t, func(t *testing.T, a *Store) {
		b := secondDesk(t, a)
		p := data.Person{Name: "Aled Morgan", Nation: data.Wales}
		mustSave(t, a.SavePerson(ctx, &p))
		atA, _ := a.Person(ctx, p.ID)
		atB, _ := b.Person(ctx, p.ID)

		atA.Phone = "029 2000 0000"
		mustSave(t, a.SavePerson(ctx, &atA))
		atB.Notes = "Prefers letters in Welsh"
		err := b.SavePerson(ctx, &atB)
		var c *Conflict
		if !errors.Is(err, ErrConflict) || !errors.As(err, &c) || c.Kind != "people" || c.ID != p.ID {
			t.Fatalf("second save: %v", err)
		}
		if data.Message(err) == "" || atB.Version != atA.Version-1 {
			t.Errorf("message %q; desk B's copy should be left at its version, is %d", data.Message(err), atB.Version)
		}
		stored, _ := a.Person(ctx, p.ID)
		if stored.Phone != atA.Phone || stored.Notes != "" {
			t.Errorf("stored after the refused save: %+v", stored)
		}
		// Desk B looks at what changed, keeps both, and saves from the new version.
		theirs, _ := b.Person(ctx, p.ID)
		theirs.Notes = atB.Notes
		mustSave(t, b.SavePerson(ctx, &theirs))
		final, _ := a.Person(ctx, p.ID)
		if final.Phone != atA.Phone || final.Notes != atB.Notes || final.Version != 2 {
			t.Errorf("final: %+v", final)
		}
		if err := a.Check(ctx); err != nil {
			t.Errorf("check: %v", err)
		}
	})
}

// Every versioned kind of record is guarded, and a batch with one stale
// record saves nothing and leaves the versions as they were.
func TestEveryKindOfRecordIsGuarded(t *testing.T) {
	eachEngine(t, func(t *testing.T, a *Store) {
		b := secondDesk(t, a)
		p := data.Person{Name: "Siobhan Kelly", Nation: data.NorthernIreland}
		mustSave(t, a.SavePerson(ctx, &p))
		c := data.Contact{Name: "Complaints", Role: data.RoleComplaints, Organisation: "Belfast HSC Trust"}
		mustSave(t, a.SaveContact(ctx, &c))
		r := data.Request{PersonID: p.ID, Subject: data.SubjectDiagnosis, Route: data.RouteReview}
		mustSave(t, a.SaveRequest(ctx, &r))
		l := data.Letter{RequestID: r.ID, Kind: "review", Body: "Dear Dr Byrne"}
		mustSave(t, a.SaveLetter(ctx, &l))

		staleC, staleR, staleL := c, r, l
		c.Phone, r.Reason, l.Body = "028 9000 0000", "New symptoms", "Dear Dr Byrne, thank you"
		mustSave(t, b.SaveContact(ctx, &c))
		mustSave(t, b.SaveRequest(ctx, &r))
		mustSave(t, b.SaveLetter(ctx, &l))
		for what, err := range map[string]error{
			"contact": a.SaveContact(ctx, &staleC),
			"request": a.SaveRequest(ctx, &staleR),
			"letter":  a.SaveLetter(ctx, &staleL),
		} {
			if !errors.Is(err, ErrConflict) {
				t.Errorf("stale %s: %v", what, err)
			}
		}

		fresh := data.Person{Name: "New Person", Nation: data.NorthernIreland}
		batch := Batch{People: []data.Person{fresh}, Requests: []data.Request{staleR}}
		if err := a.SaveBatch(ctx, &batch); !errors.Is(err, ErrConflict) {
			t.Fatalf("batch with a stale request: %v", err)
		}
		if batch.Requests[0].Version != staleR.Version || batch.People[0].Version != 0 {
			t.Errorf("versions after a refused batch: %d %d", batch.Requests[0].Version, batch.People[0].Version)
		}
		if people, _ := a.People(ctx); len(people) != 1 {
			t.Errorf("the refused batch saved %d people", len(people)-1)
		}
	})
}

// Many desks saving the same record at once: exactly one save from each
// version wins, and every other is told.
func TestSimultaneousSavesOneWins(t *testing.T) {
	eachEngine(t, func(t *testing.T, a *Store) {
		p := data.Person{Name: "Morag Campbell", Nation: data.Scotland}
		mustSave(t, a.SavePerson(ctx, &p))
		const desks = 6
		var wg sync.WaitGroup
		results := make([]error, desks)
		for i := range desks {
			d := secondDesk(t, a)
			copyAt := p
			wg.Add(1)
			go func() {
				defer wg.Done()
				copyAt.Notes = "desk " + string(rune('A'+i))
				results[i] = d.SavePerson(ctx, &copyAt)
			}()
		}
		wg.Wait()
		won, refused := 0, 0
		for _, err := range results {
			switch {
			case err == nil:
				won++
			case errors.Is(err, ErrConflict):
				refused++
			default:
				t.Errorf("unexpected: %v", err)
			}
		}
		if won != 1 || refused != desks-1 {
			t.Errorf("%d saves won and %d were refused; want 1 and %d", won, refused, desks-1)
		}
	})
}
