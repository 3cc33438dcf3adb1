package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

func init() {
	register(Command{Name: "requests", Summary: "list every request: id, person, status", Run: runRequests})
}

// runRequests prints id<TAB>person's name<TAB>status, one request a line.
func runRequests(args []string, out, errOut io.Writer) error {
	fs := newFlags("requests", "requests -data DIR", errOut)
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
	all, err := st.LoadAll(ctx)
	if err != nil {
		return err
	}
	names := make(map[string]string, len(all.People))
	for _, p := range all.People {
		names[p.ID] = p.Name
	}
	byRequest := make(map[string][]data.Step, len(all.Requests))
	for _, s := range all.Steps {
		byRequest[s.RequestID] = append(byRequest[s.RequestID], s)
	}
	w := bufio.NewWriter(out)
	for _, r := range all.Requests {
		fmt.Fprintf(w, "%s\t%s\t%s\n", r.ID, oneLine(names[r.PersonID]), process.StateOf(byRequest[r.ID]).Label())
	}
	noteDone(st, store.AuditOpened, store.AuditRecords, "", errOut)
	return w.Flush()
}

// oneLine keeps a field on its line in tab-separated output.
func oneLine(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}
