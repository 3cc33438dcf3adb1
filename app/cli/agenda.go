package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
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
	contacts, err := st.Contacts(ctx)
	if err != nil {
		return err
	}
	cfg := process.Config{ChaseDays: *chase, Contacts: make(map[string]data.Contact, len(contacts))}
	for _, c := range contacts {
		cfg.Contacts[c.ID] = c
	}
	if !chaseSet(fs) {
		if v, err := st.Setting(ctx, store.SettingChaseDays); err == nil {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				cfg.ChaseDays = n
			}
		}
	}

	items := process.Agenda(people, requests, steps, today, cfg)
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
	if *icsPath != "" {
		return writeCalendar(*icsPath, items)
	}
	return nil
}

// chaseSet reports whether -chase was given, so 0 can be refused.
func chaseSet(fs *flag.FlagSet) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "chase" })
	return set
}

// writeCalendar writes the file whole or not at all: a calendar that
// imports half an agenda would hide deadlines.
func writeCalendar(path string, items []process.Item) error {
	fail := func(err error) error {
		return &data.UserError{Message: fmt.Sprintf("could not write the calendar file %s: %v", path, err), Err: err}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".agenda-*.ics")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if err := process.WriteICS(tmp, items, time.Now()); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}
