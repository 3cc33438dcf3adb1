package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"secondopinion/data"
	"secondopinion/data/safefile"
	"secondopinion/data/store"
	"secondopinion/data/subject"
	"secondopinion/letters"
)

func init() {
	register(Command{Name: "export-person", Summary: "write everything held about one person, as JSON and PDF", Run: runExportPerson})
	register(Command{Name: "erase-person", Summary: "erase (or -anonymise) one person and all that is theirs; say which backups still hold them", Run: runErasePerson})
	register(Command{Name: "retention", Summary: "list who is past the retention period (erases nothing)", Run: runRetention})
}

// openToWrite opens the records in dir holding the folder's lock, so the
// program cannot be writing to them meanwhile; a folder without records
// is refused, never made.
func openToWrite(dirFlag *string) (*store.Store, error) {
	if server := serverFlags[dirFlag]; server != nil && *server != "" {
		return openData(dirFlag) // a server takes many writers at once
	}
	dir := *dirFlag
	if dir == "" {
		return nil, usagef("-data DIR is required")
	}
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); err != nil {
		return nil, &data.UserError{Err: store.ErrNoRecords, Message: fmt.Sprintf(
			"There are no Second Opinion records in %s. Please check the folder's name.", dir)}
	}
	st, err := store.OpenExclusive(dir)
	if err != nil {
		return nil, err
	}
	return unlockOrClose(st, passphraseFiles[dirFlag])
}

// stdin is where erase-person reads its confirmation; tests replace it.
var stdin io.Reader = os.Stdin

// choosePerson finds the person -person names. A name several people
// share is refused: they are listed on out (not on the error output,
// which must never name anyone), with their dates of birth and ids.
func choosePerson(ctx context.Context, st *store.Store, who string, out io.Writer) (data.Person, error) {
	people, err := st.People(ctx)
	if err != nil {
		return data.Person{}, err
	}
	p, err := subject.Choose(people, who)
	var amb *subject.Ambiguous
	if errors.As(err, &amb) {
		fmt.Fprint(out, amb.Listing())
		return data.Person{}, &data.UserError{Err: err, Message: amb.Error() + " They are listed above."}
	}
	return p, err
}

func runExportPerson(args []string, out, errOut io.Writer) error {
	fs := newFlags("export-person", "export-person -data DIR -person ID|NAME -o FOLDER|FILE.json|FILE.pdf [-force]", errOut)
	dir := dataFlag(fs)
	who := fs.String("person", "", "the person: their id, or their full name (required)")
	dest := fs.String("o", "", "a folder to write both files into, or one file ending .json or .pdf (required)")
	force := fs.Bool("force", false, "replace files that already exist")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case *who == "":
		return usagef("-person is required: their id or full name")
	case *dest == "":
		return usagef("-o is required: a folder, or a file ending .json or .pdf")
	}
	st, err := openData(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	p, err := choosePerson(ctx, st, *who, out)
	if err != nil {
		return err
	}
	var jsonPath, pdfPath string
	switch ext := strings.ToLower(filepath.Ext(*dest)); {
	case ext == ".json":
		jsonPath = *dest
	case ext == ".pdf":
		pdfPath = *dest
	default:
		if info, err := os.Stat(*dest); err != nil || !info.IsDir() {
			return usagef("-o must be an existing folder, or a file ending .json or .pdf")
		}
		base := filepath.Join(*dest, subject.FileName(p, data.Today()))
		jsonPath, pdfPath = base+".json", base+".pdf"
	}
	for _, path := range []string{jsonPath, pdfPath} {
		if _, err := os.Lstat(path); path != "" && err == nil && !*force {
			return &data.UserError{Message: fmt.Sprintf("%s already exists. Nothing was written; "+
				"add -force to replace it, or choose another name.", path)}
		}
	}
	jsonBytes, pdfBytes, err := letters.CopyFiles(ctx, st, p.ID, time.Now(), pdfPath != "")
	if err != nil {
		return err
	}
	if jsonPath != "" {
		if err := safefile.WriteBytes(jsonPath, "the copy of the records (JSON)", safefile.Private, jsonBytes); err != nil {
			return err
		}
		fmt.Fprintf(out, "wrote %s\n", jsonPath)
	}
	if pdfPath != "" {
		if err := safefile.WriteBytes(pdfPath, "the copy of the records (PDF)", safefile.Private, pdfBytes); err != nil {
			return err
		}
		fmt.Fprintf(out, "wrote %s\n", pdfPath)
	}
	noteDone(st, store.AuditExported, store.AuditPerson, p.ID, errOut)
	return nil
}

func runErasePerson(args []string, out, errOut io.Writer) error {
	fs := newFlags("erase-person", "erase-person -data DIR -person ID|NAME [-anonymise] [-yes] [-replace-backups]", errOut)
	dir := dataFlag(fs)
	who := fs.String("person", "", "the person: their id, or their full name (required)")
	anon := fs.Bool("anonymise", false, "anonymise instead: keep their requests for the figures, take away who they are and what they said")
	yes := fs.Bool("yes", false, "erase without asking (for scripts)")
	replace := fs.Bool("replace-backups", false, "replace the backups that still hold them with copies without them, without asking")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *who == "" {
		return usagef("-person is required: their id or full name")
	}
	st, err := openToWrite(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	in := bufio.NewReader(stdin)

	p, err := choosePerson(ctx, st, *who, out)
	if *anon {
		if err != nil {
			return err
		}
		return anonymise(ctx, st, p, *yes, *replace, in, out)
	}
	if errors.Is(err, data.ErrNotFound) && !strings.ContainsAny(*who, " ") {
		// Erased already: the backups may still hold them.
		return offerBackups(ctx, st.Dir(), *who, "", *yes, *replace, in, out)
	}
	if err != nil {
		return err
	}
	what, err := whatGoes(ctx, st, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "This erases %s%s and everything that is theirs: %s. It cannot be undone.\n", p.Name, born(p), what)
	if !*yes {
		fmt.Fprintf(out, "To erase them, type their full name and press Enter: ")
		line, _ := in.ReadString('\n')
		if !strings.EqualFold(strings.Join(strings.Fields(line), " "), strings.Join(strings.Fields(p.Name), " ")) {
			return &data.UserError{Message: "The name typed did not match, so nothing was erased."}
		}
	}
	e, err := st.ErasePerson(ctx, p.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Erased %s: %s.\n", p.Name, erasedSummary(e))
	if st.OnServer() {
		fmt.Fprintln(out, "On the team's server the space they took is written over when the server next tidies its tables "+
			"(usually within minutes). The server's own backups still hold them until those are replaced: please tell whoever runs it.")
		return nil
	}
	if !e.LogCleared {
		fmt.Fprintln(out, "The database's log could not be emptied at once; it will be when the program next closes.")
	}
	return offerBackups(ctx, st.Dir(), p.ID, p.Name, *yes, *replace, in, out)
}

// anonymise asks, unless yes, then anonymises the person and offers the
// backups that still hold their details.
func anonymise(ctx context.Context, st *store.Store, p data.Person, yes, replace bool, in *bufio.Reader, out io.Writer) error {
	h, err := subject.Count(ctx, st, p.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "This anonymises %s%s: %s kept for the figures, with their dates, routes and outcomes; taken away are "+
		"their details, the words of their requests, %s and %s, and %s. It cannot be undone.\n", p.Name, born(p),
		count(h.Requests, "request", "requests"), count(h.Letters, "letter", "letters"), count(h.Steps, "step", "steps"),
		count(h.Files, "attached file", "attached files"))
	if !yes {
		fmt.Fprintf(out, "To anonymise them, type their full name and press Enter: ")
		line, _ := in.ReadString('\n')
		if !strings.EqualFold(strings.Join(strings.Fields(line), " "), strings.Join(strings.Fields(p.Name), " ")) {
			return &data.UserError{Message: "The name typed did not match, so nothing was changed."}
		}
	}
	a, err := st.AnonymisePerson(ctx, p.ID, data.Today())
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Anonymised %s: %s kept without their words, %s and %s deleted. They are listed as %q now.\n",
		p.Name, count(a.Requests, "request", "requests"), count(a.Drafts, "unsent letter", "unsent letters"),
		count(a.Attachments, "attached file", "attached files"), store.AnonymisedName)
	if !a.LogCleared {
		fmt.Fprintln(out, "The database's log could not be emptied at once; it will be when the program next closes.")
	}
	fmt.Fprintln(out, "A backup cannot be anonymised the same way: replacing one makes it again without them at all.")
	return offerBackups(ctx, st.Dir(), p.ID, p.Name, yes, replace, in, out)
}

// offerBackups says which backups still hold the person and replaces
// them when asked to.
func offerBackups(ctx context.Context, dir, id, name string, yes, replace bool, in *bufio.Reader, out io.Writer) error {
	holding, unreadable, err := store.BackupsHolding(ctx, dir, id)
	if err != nil {
		return err
	}
	aside, asideUnread := store.KeptAsideHolding(ctx, dir, id)
	if name == "" {
		if len(holding) == 0 && len(aside) == 0 {
			return &data.UserError{Err: data.ErrNotFound, Message: "No one in these records or their backups has that id or full name."}
		}
		name = "them"
	}
	for _, b := range unreadable {
		fmt.Fprintf(out, "This backup could not be read, so it may still hold %s: %s\n", name, b.Path)
	}
	for _, path := range aside {
		fmt.Fprintf(out, "The records a restore kept aside still hold %s: %s\nDelete them once you are sure they are not needed.\n", name, path)
	}
	for _, path := range asideUnread {
		fmt.Fprintf(out, "Records a restore kept aside could not be read, so they may still hold %s: %s\n", name, path)
	}
	if len(holding) == 0 {
		fmt.Fprintln(out, "No backup in the backups folder holds them.")
		return nil
	}
	fmt.Fprintf(out, "%d %s still %s %s:\n", len(holding), plural(len(holding), "backup", "backups"),
		plural(len(holding), "holds", "hold"), name)
	for _, b := range holding {
		fmt.Fprintf(out, "  %s (%s)\n", b.Path, b.ModTime.Local().Format("2 January 2006 15:04"))
	}
	if !replace {
		if yes {
			fmt.Fprintf(out, "They are kept. To replace them with copies without them, run:\n  secondopinion erase-person -data %s -person %s -replace-backups\n", dir, id)
			return nil
		}
		fmt.Fprintf(out, "Replace %s with copies made without them? Type yes to replace: ", plural(len(holding), "it", "them"))
		line, _ := in.ReadString('\n')
		if !strings.EqualFold(strings.TrimSpace(line), "yes") {
			fmt.Fprintln(out, "The backups are kept as they are.")
			return nil
		}
	}
	for _, b := range holding {
		if err := store.ScrubBackup(ctx, b.Path, id); err != nil {
			return err
		}
		fmt.Fprintf(out, "Replaced %s\n", b.Path)
	}
	return nil
}

func born(p data.Person) string {
	if p.DateOfBirth.IsZero() {
		return ""
	}
	return " (born " + p.DateOfBirth.Long() + ")"
}

// whatGoes counts what erasing the person removes, in words.
func whatGoes(ctx context.Context, st *store.Store, p data.Person) (string, error) {
	h, err := subject.Count(ctx, st, p.ID)
	if err != nil {
		return "", err
	}
	parts := []string{"their details"}
	if p.HasConsent() {
		parts = append(parts, "their consent")
	}
	parts = append(parts, count(h.Requests, "request", "requests"), count(h.Letters, "letter", "letters"),
		count(h.Steps, "step", "steps"), count(h.Files, "attached file", "attached files"))
	return strings.Join(parts, ", "), nil
}

func erasedSummary(e store.Erased) string {
	s := strings.Join([]string{count(e.Requests, "request", "requests"), count(e.Letters, "letter", "letters"),
		count(e.Steps, "step", "steps"), count(e.Attachments, "attached file", "attached files")}, ", ")
	if e.Settings > 0 {
		s += ", and an unfinished request"
	}
	return s
}

func count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func runRetention(args []string, out, errOut io.Writer) error {
	fs := newFlags("retention", "retention -data DIR [-years N] [-set-years N]", errOut)
	dir := dataFlag(fs)
	years := fs.Int("years", 0, "list by this many years instead of the setting")
	set := fs.Int("set-years", -1, "save the retention period in years (0 for none), then list")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *years < 0 || *years > subject.LimitRetentionYears || *set > subject.LimitRetentionYears || *set < -1 {
		return usagef("years must be from 1 to %d (0 for none)", subject.LimitRetentionYears)
	}
	open := openData
	if *set >= 0 {
		open = openToWrite
	}
	st, err := open(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if *set >= 0 {
		v := ""
		if *set > 0 {
			v = fmt.Sprint(*set)
		}
		if err := st.SetSetting(ctx, subject.SettingRetentionYears, v); err != nil {
			return err
		}
	}
	n := *years
	if n == 0 {
		v, err := st.Setting(ctx, subject.SettingRetentionYears)
		if err != nil {
			return err
		}
		n = subject.ParseYears(v)
	}
	if n == 0 {
		fmt.Fprintln(out, "No retention period is set, so no one is listed. Set one with -set-years N.")
		return nil
	}
	all, err := st.LoadAll(ctx)
	if err != nil {
		return err
	}
	past := subject.PastRetention(all.People, all.Requests, all.Steps, n, data.Today())
	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "Kept %d %s after the last request closed: %d past it. Nothing is erased; erase-person erases one person "+
		"(with -anonymise, keeps their requests for the figures).\n",
		n, plural(n, "year", "years"), len(past))
	for _, p := range past {
		since := "last request closed " + p.Closed.String()
		if p.NoRequests {
			since = "no requests; added " + p.Closed.String()
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\tpast since %s\n", p.Person.ID, oneLine(p.Person.Name), p.Person.DateOfBirth.String(), since, p.Due.String())
	}
	return w.Flush()
}
