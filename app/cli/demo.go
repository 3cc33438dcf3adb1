package cli

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"secondopinion/data"
	"secondopinion/data/demo"
	"secondopinion/data/store"
)

func init() {
	register(Command{Name: "demo", Summary: "fill a data folder with an invented example caseload", Run: runDemo})
}

func runDemo(args []string, out, errOut io.Writer) error {
	fs := newFlags("demo", "demo -data DIR [-clients N] [-seed N]", errOut)
	dir := dataFlag(fs)
	clients := fs.Int("clients", 200, "how many people to invent")
	seed := fs.Int64("seed", 1, "the same seed gives the same caseload")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *clients < 1 || *clients > 1_000_000 {
		return usagef("-clients must be between 1 and 1,000,000")
	}
	var st *store.Store
	var err error
	if server := serverFlags[dir]; server != nil && *server != "" {
		st, err = openData(dir) // an empty caseload on a team's server, to try it out
	} else if *dir == "" {
		return usagef("-data DIR is required")
	} else {
		// Hold the folder, so the program cannot be writing to it meanwhile.
		st, err = store.OpenExclusive(*dir)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if counts, err := st.Counts(ctx); err != nil {
		return err
	} else if counts[0].N > 0 {
		return &data.UserError{Message: fmt.Sprintf("%s already holds records (%d people). The example caseload "+
			"is only put into an empty folder, so it never mixes with real records. Please choose a new folder.", st.Where(), counts[0].N)}
	}
	start := time.Now()
	var invented atomic.Int64
	p := startProgress(errOut, "Inventing the people", counted(func() int { return int(invented.Load()) }, *clients))
	err = demo.GenerateReporting(ctx, st, *clients, *seed, data.Today(), func(n int) {
		invented.Store(int64(n))
		if n == *clients {
			p.set("Saving them", savedSoFar(st))
		}
	})
	p.stop()
	if err != nil {
		return err
	}
	counts, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Added an example caseload of %d people to %s in %.1f s:\n", *clients, st.Where(), time.Since(start).Seconds())
	for _, c := range counts {
		fmt.Fprintf(out, "%s\t%d\n", c.Table, c.N)
	}
	return nil
}
