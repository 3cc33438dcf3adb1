package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"secondopinion/data"
	"secondopinion/data/store"
	"secondopinion/data/vault"
)

// A passphrase is never taken from the command line, where other users
// can see it in the list of running programs and it stays in the shell's
// history: it is typed on the terminal without echo, or read from a file
// given with -passphrase-file, for scripts.

// askPassphrase reads a passphrase typed on the terminal without showing
// it; tests replace it.
var askPassphrase = func(prompt string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", errNoTerminal
	}
	fmt.Fprint(os.Stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	return string(b), err
}

var errNoTerminal = &data.UserError{Message: "These records are protected with a passphrase. Please run the command " +
	"in a terminal to type it, or give a file holding it with -passphrase-file."}

// passphraseTries is how many times a mistyped passphrase may be typed again.
const passphraseTries = 3

// readPassphraseFile reads a passphrase from a file: its first line, with
// the line ending taken off.
func readPassphraseFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", &data.UserError{Err: err, Message: "The passphrase file " + path + " could not be read. " +
			"Please check its name and that you can read it."}
	}
	if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
		b = b[:i]
	}
	return string(b), nil
}

// unlockOrClose unlocks protected records with the passphrase from the file,
// or typed on the terminal; it closes the store if they stay locked.
func unlockOrClose(st *store.Store, passFile *string) (*store.Store, error) {
	if !st.Locked() {
		return st, nil
	}
	err := withPassphrase(passFile, "Passphrase for the records in "+st.Where()+": ", func(pass string) error {
		return st.Unlock(context.Background(), pass)
	})
	if err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// checkBackupPassphrase asks for a protected backup's own passphrase and
// checks it opens the backup, and every field in it, before a restore.
func checkBackupPassphrase(path string, passFile *string) error {
	ctx := context.Background()
	if _, err := os.Stat(path); err != nil {
		return nil // the restore says what is wrong with the file
	}
	if prot, err := store.BackupProtected(ctx, path); err != nil || !prot {
		return nil
	}
	return withPassphrase(passFile, "Passphrase of the backup "+path+": ", func(pass string) error {
		return store.VerifyBackupKey(ctx, path, pass, false)
	})
}

// withPassphrase gives try the passphrase from the file, or typed on the
// terminal (asking again after a wrong one, a few times).
func withPassphrase(passFile *string, prompt string, try func(string) error) error {
	return withSecret(passFile, prompt, vault.ErrWrongPassphrase, try)
}

// withSecret is withPassphrase for any secret; wrong is the error that
// means "mistyped: ask again".
func withSecret(passFile *string, prompt string, wrong error, try func(string) error) error {
	if passFile != nil && *passFile != "" {
		pass, err := readPassphraseFile(*passFile)
		if err != nil {
			return err
		}
		return try(pass)
	}
	var err error
	for i := 0; i < passphraseTries; i++ {
		var pass string
		pass, err = askPassphrase(prompt)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return errNoTerminal
			}
			return err
		}
		err = try(pass)
		if !errors.Is(err, wrong) {
			return err
		}
	}
	return err
}
