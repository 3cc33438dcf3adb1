package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"secondopinion/data/safefile"
	"time"

	"secondopinion/data"
	"secondopinion/data/process"
	"secondopinion/data/store"
)

func init() {
	register(Command{Name: "agenda", Summary: "list what is due and overdue across every request", Run: runAgenda})
}

// runAgenda prints date<TAB>overdue|due<TAB>person<TAB>what, soonest first.
func runAgenda(args []string, out, errOut io.Writer) error {
	fs := newFlags("agenda", "agenda -data DIR [-on YYYY-MM-DD] [-ics FILE] [-chase DAYS]", errOut)
	dir := dataFlag(fs)
	onFlag := fs.String("on", "", "work out the agenda as on this day, YYYY-MM-DD (default today)")
	icsPath := fs.String("ics", "", "also write the agenda to this calendar file (.ics) for Outlook or Google Calendar")
	chase := fs.Int("chase", 0, "days to wait for a reply before chasing (default: the program's setting, or 14)")
	if err := parse(fs, args); err != nil {
		return err
	}
	today := data.Today()
	if *onFlag != "" {
		d, err := data.ParseDate(*onFlag)
		if err != nil {
			return usagef("-on %q is not a date we can use (%v); write it as YYYY-MM-DD, for example 2026-11-21", *onFlag, err)
		}
		today = d
	}
	if chaseSet(fs) && (*chase < 1 || *chase > 365) {
		return usagef("-chase must be a number of days between 1 and 365")
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
	cfg := process.ConfigFor(all.Contacts, *chase)
	if !chaseSet(fs) {
		cfg.ChaseDays = st.ChaseDays(ctx)
	}

	items := process.Agenda(all.People, all.Requests, all.Steps, today, cfg)
	w := bufio.NewWriter(out)
	for _, it := range items {
		state := "due"
		if it.Overdue {
			state = "overdue"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", it.Date, state, oneLine(it.PersonName), oneLine(it.What))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	noteDone(st, store.AuditOpened, store.AuditRecords, "", errOut)
	if *icsPath != "" {
		return safefile.Write(*icsPath, "the calendar", safefile.Private, func(w io.Writer) error {
			return process.WriteICS(w, items, time.Now())
		})
	}
	return nil
}

// chaseSet reports whether -chase was given, so 0 can be refused.
func chaseSet(fs *flag.FlagSet) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "chase" })
	return set
}
