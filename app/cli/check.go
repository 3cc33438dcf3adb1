package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"secondopinion/data/store"
)

func init() {
	register(Command{Name: "check", Summary: "check the data for damage; print its version and counts", Run: runCheck})
}

// runCheck prints the schema version and one count per record type, one a
// line, or fails saying the database is damaged. Records whose words
// changed since they were saved are listed by kind, day last saved and
// number ("damaged\tpeople\t2026-11-21\t1"), never by content; work a crash
// interrupted and opening put right comes first ("recovered\t…"), then a
// data folder others could open ("folder\t…": made private, or still open).
func runCheck(args []string, out, errOut io.Writer) error {
	fs := newFlags("check", "check -data DIR", errOut)
	dir := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openData(dir)
	if err != nil {
		printDamage(out, err)
		return err
	}
	defer st.Close()
	if msg := st.Recovered(); msg != "" {
		fmt.Fprintf(out, "recovered\t%s\n", msg)
	}
	switch fa := st.FolderAccess(); {
	case fa.Open != "":
		fmt.Fprintf(out, "folder\topen to others\t%s\n", fa.Open)
	case fa.Tightened:
		fmt.Fprintf(out, "folder\tmade private (others could open it)\n")
	}
	ctx := context.Background()
	if err := st.Check(ctx); err != nil {
		printDamage(out, err)
		return err
	}
	version, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	counts, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "schema\t%d\n", version)
	for _, c := range counts {
		fmt.Fprintf(out, "%s\t%d\n", c.Table, c.N)
	}
	fmt.Fprintln(out, "ok")
	return nil
}

// printDamage lists the damaged records an error names, if any.
func printDamage(out io.Writer, err error) {
	var found store.RecordDamage
	if !errors.As(err, &found) {
		return
	}
	for _, g := range found {
		day := g.Saved
		if day == "" {
			day = "unreadable"
		}
		fmt.Fprintf(out, "damaged\t%s\t%s\t%d\n", g.Kind, day, g.N)
	}
}
