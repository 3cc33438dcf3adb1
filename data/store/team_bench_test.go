package store_test

import (
	"testing"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/store"
	"secondopinion/data/store/pgtest"
)

// The cost of the server's rules on a team's caseload of 10,000 clients
// (with their requests, letters and steps): reading it all as a superuser
// (whom no rule applies to), as a manager (who sees all), as an advocate
// who owns a tenth of it and as the desk, which has the rest; and saving
// one person, request or step, audit row included.

func teamOf10000(b *testing.B) *team {
	b.Helper()
	tm := newTeam(b)
	if err := tm.owner.SaveBatch(bg, demo.Build(10000, 1, benchDay)); err != nil {
		b.Fatal(err)
	}
	tm.add("ann", store.Advocate)
	tm.add("boss", store.Manager)
	tm.add("desk", store.Receptionist)
	if err := tm.sql(tm.owner.Member().Name, "UPDATE people SET owner = '"+tm.names["ann"]+
		"' WHERE id IN (SELECT id FROM people ORDER BY id LIMIT 1000)"); err != nil {
		b.Fatal(err)
	}
	if err := tm.sql(tm.owner.Member().Name, "UPDATE people SET owner = '"+tm.db+"_receptionist' WHERE owner <> '"+tm.names["ann"]+"'"); err != nil {
		b.Fatal(err)
	}
	if err := tm.sql(tm.owner.Member().Name, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	return tm
}

func BenchmarkTeamLoad10000(b *testing.B) {
	tm := teamOf10000(b)
	admin, err := store.OpenServer(bg, tm.srv.URL(pgtest.Admin, tm.db), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	for _, c := range []struct {
		name   string
		s      *store.Store
		people int
	}{{"superuser", admin, 10000}, {"manager", tm.as("boss"), 10000}, {"advocate", tm.as("ann"), 1000}, {"desk", tm.as("desk"), 9000}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				r, err := c.s.LoadAll(bg)
				if err != nil || len(r.People) != c.people {
					b.Fatalf("%d people: %v", len(r.People), err)
				}
			}
		})
	}
}

// BenchmarkTeamSave saves one record at a time, as each kind of member.
// With the rules first written, every save of a request or step by a
// desk or an advocate read every request and person they may see.
func BenchmarkTeamSave(b *testing.B) {
	tm := teamOf10000(b)
	admin, err := store.OpenServer(bg, tm.srv.URL(pgtest.Admin, tm.db), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	for _, c := range []struct {
		name string
		s    *store.Store
	}{{"superuser", admin}, {"manager", tm.as("boss")}, {"advocate", tm.as("ann")}, {"desk", tm.as("desk")}} {
		people, err := c.s.People(bg)
		if err != nil {
			b.Fatal(err)
		}
		requests, err := c.s.Requests(bg)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name+"/person", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				p := &people[i%len(people)]
				p.Notes = "seen again"
				if err := c.s.SavePerson(bg, p); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/request", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				r := &requests[i%len(requests)]
				r.Reason = "asked again"
				if err := c.s.SaveRequest(bg, r); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/step", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				st := data.Step{RequestID: requests[i%len(requests)].ID, On: benchDay, Kind: data.StepNote, Summary: "phoned"}
				if err := c.s.AddStep(bg, &st); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/timeline", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := c.s.StepsFor(bg, requests[i%len(requests)].ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
