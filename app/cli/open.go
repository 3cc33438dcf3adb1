package cli

import (
	"flag"

	"secondopinion/data/store"
)

// passphraseFiles holds each -data flag's -passphrase-file flag, and
// serverFlags its -db flag.
var (
	passphraseFiles = map[*string]*string{}
	serverFlags     = map[*string]*string{}
)

// dataFlag adds the -data flag every command that reads records takes, and
// -passphrase-file for records protected with a passphrase.
func dataFlag(fs *flag.FlagSet) *string {
	dir := fs.String("data", "", "the data folder (required, unless -db is given)")
	serverFlags[dir] = fs.String("db", "", "a team's server instead of a folder: postgres://NAME@HOST/DATABASE "+
		"(the password is asked for, or read from ~/.pgpass)")
	passphraseFiles[dir] = fs.String("passphrase-file", "", "for protected records: a file holding the passphrase "+
		"(without it, the passphrase is asked for on the terminal)")
	return dir
}

// openData opens the records in the -data folder, refusing a missing -data
// with a usage error and a folder without records with a failure, and
// unlocks them when they are protected.
func openData(dir *string) (*store.Store, error) {
	var st *store.Store
	var err error
	switch server := serverFlags[dir]; {
	case server != nil && *server != "" && *dir != "":
		return nil, usagef("give either -data DIR or -db ADDRESS, not both")
	case server != nil && *server != "":
		st, err = openServer(*server)
	case *dir == "":
		return nil, usagef("-data DIR is required")
	default:
		st, err = store.OpenExisting(*dir)
	}
	if err != nil {
		return nil, err
	}
	return unlockOrClose(st, passphraseFiles[dir])
}
