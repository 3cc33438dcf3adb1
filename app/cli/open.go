package cli

import (
	"flag"

	"secondopinion/data/store"
)

// dataFlag adds the -data flag every command that reads records takes.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", "the data folder (required)")
}

// openData opens the records in dir, refusing a missing -data with a
// usage error and a folder without records with a failure.
func openData(dir string) (*store.Store, error) {
	if dir == "" {
		return nil, usagef("-data DIR is required")
	}
	return store.OpenExisting(dir)
}
