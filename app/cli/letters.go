package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"secondopinion/data/safefile"
	"strings"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/letters"
)

func init() {
	register(Command{Name: "letters", Summary: "list the kinds of letter: id, title", Run: runLetters})
	register(Command{Name: "letter", Summary: "write one request's letter to a .pdf or .txt file", Run: runLetter})
}

// runLetters prints id<TAB>title, one kind a line, in the ladder's order.
func runLetters(args []string, out, errOut io.Writer) error {
	fs := newFlags("letters", "letters", errOut)
	if err := parse(fs, args); err != nil {
		return err
	}
	for _, k := range letters.Kinds() {
		if _, err := fmt.Fprintf(out, "%s\t%s\n", k.ID, k.Title); err != nil {
			return err
		}
	}
	return nil
}

func runLetter(args []string, out, errOut io.Writer) error {
	fs := newFlags("letter", "letter -data DIR -request ID -kind KIND -o FILE.pdf|FILE.txt [-large]", errOut)
	dir := dataFlag(fs)
	requestID := fs.String("request", "", "the request's id (required)")
	kind := fs.String("kind", "", "the kind of letter, as listed by 'secondopinion letters' (required)")
	file := fs.String("o", "", "the file to write: .pdf or .txt (required)")
	large := fs.Bool("large", false, "large print (16 pt) in the PDF")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case *requestID == "":
		return usagef("-request ID is required")
	case *kind == "":
		return usagef("-kind is required; 'secondopinion letters' lists them")
	case *file == "":
		return usagef("-o FILE is required")
	}
	if _, ok := letters.KindByID(*kind); !ok {
		return usagef("there is no letter kind %q; 'secondopinion letters' lists them", *kind)
	}
	ext := strings.ToLower(filepath.Ext(*file))
	if ext != ".pdf" && ext != ".txt" {
		return usagef("-o must end in .pdf or .txt, not %q", filepath.Base(*file))
	}
	st, err := openData(dir)
	if err != nil {
		return err
	}
	defer st.Close()

	l, saved, err := composeFromStore(context.Background(), st, *requestID, *kind)
	if err != nil {
		return err
	}
	var content []byte
	if ext == ".txt" {
		content = []byte(letters.RenderText(l))
	} else {
		content, err = letters.RenderPDF(l, letters.PDFOptions{LargePrint: *large || saved.LargePrint})
		var ue *letters.UnprintableError
		if errors.As(err, &ue) {
			return &data.UserError{Message: err.Error(), Err: err}
		}
		if err != nil {
			return err
		}
	}
	// safefile's error already says, for a person, what failed and why.
	if err := safefile.WriteBytes(*file, "the letter", safefile.Private, content); err != nil {
		return err
	}
	if _, err := fmt.Fprintf(out, "wrote %s\n", *file); err != nil {
		return err
	}
	if saved.ID != "" {
		noteDone(st, store.AuditPrinted, store.AuditLetter, saved.ID, errOut)
	} else {
		noteDone(st, store.AuditPrinted, store.AuditRequest, *requestID, errOut)
	}
	if missing := letters.Missing(l); len(missing) > 0 {
		_, err = fmt.Fprintf(errOut, "warning: the letter lacks %s: fill it in before sending\n", strings.Join(missing, " and "))
	}
	return err
}

// composeFromStore composes the letter from the records, then applies the
// user's edited text if a saved letter of this kind has one. It returns the
// saved letter too (empty if there is none).
func composeFromStore(ctx context.Context, st *store.Store, requestID, kind string) (letters.Letter, data.Letter, error) {
	req, err := st.Request(ctx, requestID)
	if err != nil {
		return letters.Letter{}, data.Letter{}, err
	}
	person, err := st.Person(ctx, req.PersonID)
	if err != nil {
		return letters.Letter{}, data.Letter{}, err
	}
	steps, err := st.StepsFor(ctx, req.ID)
	if err != nil {
		return letters.Letter{}, data.Letter{}, err
	}
	saved, err := latestLetter(ctx, st, req.ID, kind)
	if err != nil {
		return letters.Letter{}, data.Letter{}, err
	}
	sender, err := st.Sender(ctx)
	if err != nil {
		return letters.Letter{}, data.Letter{}, err
	}
	// The letter's own recipient, else whoever a letter of this kind goes
	// to (the ombudsman letter to the nation's ombudsman, not to the
	// consultant), else a blank one: the letter still reads well ("Dear
	// Sir or Madam").
	var recipient data.Contact
	recipientID := saved.RecipientID
	if recipientID == "" {
		contacts, err := st.Contacts(ctx)
		if err != nil {
			return letters.Letter{}, data.Letter{}, err
		}
		recipientID = letters.RecipientFor(kind, req, person.Nation, contacts)
	}
	if recipientID != "" {
		if recipient, err = st.Contact(ctx, recipientID); err != nil {
			return letters.Letter{}, data.Letter{}, err
		}
	}
	// A copy of a sent letter keeps its date, and tells only what had
	// happened before it went: Compose stops at the letter's own step.
	date := data.Today()
	if saved.Sent() {
		date = saved.SentOn
	}
	l, err := letters.Compose(letters.Input{
		Kind: kind, Person: person, Request: req, Recipient: recipient,
		Sender: sender, Date: date, Steps: steps, LetterID: saved.ID, ReplyDays: st.ChaseDays(ctx),
	})
	if err != nil {
		return letters.Letter{}, data.Letter{}, err
	}
	if saved.Edited() {
		l = l.WithEditedText(saved.Body)
	}
	return l, saved, nil
}

// latestLetter is the request's most recent saved letter of the kind.
func latestLetter(ctx context.Context, st *store.Store, requestID, kind string) (data.Letter, error) {
	all, err := st.LettersFor(ctx, requestID)
	if err != nil {
		return data.Letter{}, err
	}
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Kind == kind {
			return all[i], nil
		}
	}
	return data.Letter{}, nil
}
