package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"secondopinion/data"
	"secondopinion/data/process"
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
	st, err := openData(*dir)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	people, err := st.People(ctx)
	if err != nil {
		return err
	}
	requests, err := st.Requests(ctx)
	if err != nil {
		return err
	}
	steps, err := st.AllSteps(ctx)
	if err != nil {
		return err
	}
	names := make(map[string]string, len(people))
	for _, p := range people {
		names[p.ID] = p.Name
	}
	byRequest := make(map[string][]data.Step, len(requests))
	for _, s := range steps {
		byRequest[s.RequestID] = append(byRequest[s.RequestID], s)
	}
	w := bufio.NewWriter(out)
	for _, r := range requests {
		fmt.Fprintf(w, "%s\t%s\t%s\n", r.ID, oneLine(names[r.PersonID]), process.StateOf(byRequest[r.ID]).Label())
	}
	return w.Flush()
}

// oneLine keeps a field on its line in tab-separated output.
func oneLine(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}
