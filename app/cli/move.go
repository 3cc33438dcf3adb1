package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"secondopinion/data"
	"secondopinion/data/store"
)

func init() {
	register(Command{Name: "move", Summary: "copy a caseload from a folder to a team's server, or from a server to a folder", Run: runMove})
}

// move copies every record as it is stored (protected records stay
// protected, with the same passphrase), into a place that holds none, and
// then compares the two row by row. The original is never changed: once
// the copy is checked, the person decides when to stop using it.
func runMove(args []string, out, errOut io.Writer) error {
	fs := newFlags("move", "move -from FOLDER|postgres://… -to FOLDER|postgres://…", errOut)
	from := fs.String("from", "", "where the records are now: a data folder, or a team's server (postgres://NAME@HOST/DATABASE)")
	to := fs.String("to", "", "where to copy them: an empty or new data folder, or an empty database on a server")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		return usagef("both -from and -to are required")
	}
	for _, where := range []string{*from, *to} {
		if err := noPasswordIn(where); err != nil {
			return err
		}
	}
	if samePlace(*from, *to) {
		return usagef("-from and -to are the same place")
	}
	src, err := openPlace(*from, false)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openPlace(*to, true)
	if err != nil {
		return err
	}
	defer dst.Close()
	p := startProgress(errOut, "Copying and checking the records", nil)
	copied, err := src.CopyInto(context.Background(), dst, nil)
	p.stop()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Copied %d records from %s to %s, and checked every one:\n", copied.Total(), src.Where(), dst.Where())
	tables := make([]string, 0, len(copied))
	for t := range copied {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	for _, t := range tables {
		fmt.Fprintf(out, "  %-12s %d\n", t, copied[t])
	}
	if dst.OnServer() {
		fmt.Fprintf(out, "On the server every client belongs for now to %s, who moved them: a manager hands them to "+
			"their advocates (a client's panel › Hand over…, Settings › The team › Hand all over…, or member hand-over).\n",
			dst.Member().Name)
	} else if src.OnServer() {
		fmt.Fprintln(out, "Whom each client belonged to on the server, and whom they were shared with, is not kept in a folder: there, one person has them all.")
	}
	fmt.Fprintln(out, "The original is unchanged. Once everyone uses the new place, keep the original safe or erase it.")
	return nil
}

// openPlace opens a folder or a server; a target folder is made if new.
func openPlace(where string, target bool) (*store.Store, error) {
	if store.IsServerAddress(where) {
		return openServer(where)
	}
	if target {
		if err := os.MkdirAll(where, 0o700); err != nil {
			return nil, &data.UserError{Err: err, Message: "The folder " + where + " could not be made. Please choose one you can write to."}
		}
		return store.Open(where)
	}
	return store.OpenExisting(where)
}

func samePlace(a, b string) bool {
	if store.IsServerAddress(a) || store.IsServerAddress(b) {
		return a == b
	}
	x, _ := filepath.Abs(a)
	y, _ := filepath.Abs(b)
	return x == y
}
