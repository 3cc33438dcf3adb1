package cli

import (
	"flag"

	"secondopinion/data/store"
)

// passphraseFiles holds each -data flag's -passphrase-file flag.
var passphraseFiles = map[*string]*string{}

// dataFlag adds the -data flag every command that reads records takes, and
// -passphrase-file for records protected with a passphrase.
func dataFlag(fs *flag.FlagSet) *string {
	dir := fs.String("data", "", "the data folder (required)")
	passphraseFiles[dir] = fs.String("passphrase-file", "", "for protected records: a file holding the passphrase "+
		"(without it, the passphrase is asked for on the terminal)")
	return dir
}

// openData opens the records in the -data folder, refusing a missing -data
// with a usage error and a folder without records with a failure, and
// unlocks them when they are protected.
func openData(dir *string) (*store.Store, error) {
	if *dir == "" {
		return nil, usagef("-data DIR is required")
	}
	st, err := store.OpenExisting(*dir)
	if err != nil {
		return nil, err
	}
	return unlockOrClose(st, passphraseFiles[dir])
}
