package cli

import (
	"context"
	"fmt"
	"io"
)

func init() {
	register(Command{Name: "check", Summary: "check the data for damage; print its version and counts", Run: runCheck})
}

// runCheck prints the schema version and one count per record type, one a
// line, or fails saying the database is damaged.
func runCheck(args []string, out, errOut io.Writer) error {
	fs := newFlags("check", "check -data DIR", errOut)
	dir := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openData(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.Check(ctx); err != nil {
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
