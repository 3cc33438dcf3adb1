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

	"secondopinion/data"
	"secondopinion/data/safefile"
	"secondopinion/data/vault"
	"secondopinion/letters"
)

func init() {
	register(Command{Name: "protect", Summary: "protect the records with a passphrase; prints the recovery key once", Run: runProtect})
}

// runProtect turns protection on, as Settings does: a new passphrase
// (typed twice without echo, or from -passphrase-file for scripts) and a
// recovery key printed once, which the person types the last group of
// when at a terminal, before anything changes.
func runProtect(args []string, out, errOut io.Writer) error {
	fs := newFlags("protect", "protect -data DIR [-passphrase-file FILE] [-recovery-pdf FILE.pdf]", errOut)
	dir := dataFlag(fs)
	pdfPath := fs.String("recovery-pdf", "", "also write a page to print with the recovery key and what it is for (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *pdfPath != "" {
		if !strings.EqualFold(filepath.Ext(*pdfPath), ".pdf") {
			return usagef("-recovery-pdf must end in .pdf")
		}
		if _, err := os.Lstat(*pdfPath); err == nil {
			return &data.UserError{Message: *pdfPath + " already exists. Nothing was changed; please choose another name."}
		}
	}
	st, err := openToWrite(dir)
	if err != nil {
		return err
	}
	defer st.Close()
	if st.Protected() {
		return &data.UserError{Message: "These records are already protected with a passphrase. Nothing was changed."}
	}
	fromFile := *passphraseFiles[dir] != ""
	pass, err := newPassphrase(passphraseFiles[dir], errOut)
	if err != nil {
		return err
	}
	rk, err := newRecoveryKey()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Your recovery key, shown only this once:\n\n    %s\n\n"+
		"It opens the records if the passphrase is ever forgotten. Write it down or print it, and keep it somewhere safe, "+
		"away from this computer. If both the passphrase and the recovery key are lost, no one can open these records again.\n",
		strings.Join(rk.Groups(), "  "))
	if *pdfPath != "" {
		pdf, err := letters.RecoveryKeyPDF(rk.Groups(), st.Dir(), data.Today())
		if err != nil {
			return err
		}
		if err := safefile.WriteBytes(*pdfPath, "the recovery key page", safefile.Private, pdf); err != nil {
			return err
		}
		fmt.Fprintf(out, "The page to print is %s. Print it, then delete the file.\n", *pdfPath)
	}
	if !fromFile {
		fmt.Fprint(out, "To show you have kept it, type its last group and press Enter: ")
		line, _ := bufio.NewReader(stdin).ReadString('\n')
		if !keptLast(line, rk) {
			return &data.UserError{Message: "That is not the last group of the recovery key, so protection was not turned on. Nothing was changed."}
		}
	}
	res, err := st.Protect(context.Background(), pass, rk)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "The records are protected with the passphrase. A backup was made first: %s\n", res.SafetyCopy)
	if n := len(res.PlainBackups); n > 0 {
		fmt.Fprintf(out, "%d %s made before can still be read by anyone who can open the data folder:\n", n, plural(n, "backup", "backups"))
		for _, b := range res.PlainBackups {
			fmt.Fprintf(out, "  %s\n", b.Path)
		}
		fmt.Fprintln(out, "Delete them once you have a protected backup (secondopinion backup).")
	}
	return nil
}

// newPassphrase reads the new passphrase from the file, or typed twice on
// the terminal (asking again, a few times, when the two differ or it is
// too short).
func newPassphrase(passFile *string, errOut io.Writer) (string, error) {
	if *passFile != "" {
		pass, err := readPassphraseFile(*passFile)
		if err != nil {
			return "", err
		}
		return pass, checkNew(pass)
	}
	var problem error
	for i := 0; i < passphraseTries; i++ {
		pass, err := askPassphrase("New passphrase: ")
		if err == nil && checkNew(pass) != nil {
			problem = checkNew(pass)
			fmt.Fprintln(errOut, data.Message(problem))
			continue
		}
		var again string
		if err == nil {
			again, err = askPassphrase("Type it again: ")
		}
		if err != nil {
			if errors.Is(err, io.EOF) || err == errNoTerminal {
				return "", errNoNewPassphrase
			}
			return "", err
		}
		if again == pass {
			return pass, nil
		}
		problem = &data.UserError{Message: "The two passphrases are not the same. Nothing was changed."}
		fmt.Fprintln(errOut, "The two passphrases are not the same. Please type it again.")
	}
	return "", problem
}

// newRecoveryKey makes the recovery key; tests replace it to know it.
var newRecoveryKey = vault.NewRecoveryKey

var errNoNewPassphrase = &data.UserError{Message: "Please run the command in a terminal to type the new passphrase, " +
	"or give a file holding it with -passphrase-file. Nothing was changed."}

func checkNew(pass string) error {
	if err := vault.CheckNewPassphrase(pass); err != nil {
		return &data.UserError{Err: err, Message: "Please choose a longer passphrase: " + err.Error() + ". Nothing was changed."}
	}
	return nil
}

// keptLast reads the last group as the window does: any case, and I, L
// and O as the digits they stand for.
func keptLast(typed string, rk vault.RecoveryKey) bool {
	t := strings.ToUpper(strings.TrimSpace(typed))
	t = strings.NewReplacer("O", "0", "I", "1", "L", "1").Replace(t)
	return t == rk.LastGroup()
}
