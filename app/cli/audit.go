package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"secondopinion/data/safefile"
	"secondopinion/data/store"
)

func init() {
	register(Command{Name: "audit", Summary: "show who opened, printed, exported, erased or changed what, and when", Run: runAudit})
}

// runAudit prints the audit log, newest first, or writes it as CSV. The
// log holds kinds of record and ids, never names, so it is safe to hand to
// a data protection officer.
func runAudit(args []string, out, errOut io.Writer) error {
	fs := newFlags("audit", "audit -data DIR [-action ACTION] [-limit N] [-csv FILE]", errOut)
	dir := dataFlag(fs)
	action := fs.String("action", "", "only this action: "+strings.Join(store.AuditActions, ", "))
	limit := fs.Int("limit", 0, "only the newest N entries (default: all)")
	csvPath := fs.String("csv", "", "write the entries to this CSV file instead of listing them")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *action != "" && !slices.Contains(store.AuditActions, *action) {
		return usagef("-action must be one of %s", strings.Join(store.AuditActions, ", "))
	}
	if *limit < 0 {
		return usagef("-limit must be 0 (all) or more")
	}
	st, err := openData(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	f := store.AuditFilter{Action: *action, Limit: *limit}
	if *csvPath != "" {
		if err := safefile.Write(*csvPath, "the audit log", safefile.Private, func(w io.Writer) error {
			return st.WriteAuditCSV(ctx, w, f)
		}); err != nil {
			return err
		}
		fmt.Fprintf(out, "wrote %s\n", *csvPath)
		noteDone(st, store.AuditExported, store.AuditAuditLog, "", errOut)
		return nil
	}
	log, total, err := st.AuditLog(ctx, f)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	for _, e := range log {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", e.At.Local().Format(time.DateTime), oneLine(e.Who), e.Action, e.Kind, e.Record)
	}
	if len(log) < total {
		fmt.Fprintf(w, "(the newest %d of %d entries)\n", len(log), total)
	}
	return w.Flush()
}

// noteDone notes in the audit log what a command did with the records.
// What it did is done by then, so a note that fails is a warning, not a
// failure; the warning names no one.
func noteDone(st *store.Store, action, kind, id string, errOut io.Writer) {
	if err := st.Note(context.Background(), action, kind, id); err != nil {
		fmt.Fprintf(errOut, "warning: this was not noted in the audit log: %s\n", userMessage(err))
	}
}
