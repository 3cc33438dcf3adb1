// Package version says which build of the program this is. Release builds
// set the version and date with the linker:
//
//	go build -ldflags "-X secondopinion/app/version.version=1.0.0 -X secondopinion/app/version.date=2026-12-02"
//
// Without them the version is "dev", with the commit it was built from
// when Go recorded one.
package version

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"secondopinion/assets/licenses"
)

// Set at build time; see the package comment.
var (
	version = ""
	date    = ""
)

// Info describes this build.
type Info struct {
	Version string // "1.0.0", or "dev" with the commit when known
	Date    string // the day it was built, or "unknown"
	Go      string // the Go release and system it was built with
}

// Get returns this build's description.
func Get() Info {
	i := Info{Version: version, Date: date, Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	bi, ok := debug.ReadBuildInfo()
	var rev, when string
	var modified bool
	if ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if i.Version == "" {
		i.Version = "dev"
		if ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			i.Version = bi.Main.Version
		}
		if rev != "" {
			i.Version += " (" + rev[:min(12, len(rev))]
			if modified {
				i.Version += ", with changes"
			}
			i.Version += ")"
		}
	}
	if i.Date == "" {
		i.Date = "unknown"
		if when != "" {
			i.Date, _, _ = strings.Cut(when, "T")
		}
	}
	return i
}

// Write prints what `secondopinion version` prints: the build, then one
// line for each thing bundled and its licence. With full, each licence's
// text follows.
func Write(w io.Writer, full bool) {
	i := Get()
	fmt.Fprintf(w, "Second Opinion %s\nBuilt: %s\nGo: %s\n\n", i.Version, i.Date, i.Go)
	fmt.Fprintln(w, "It bundles the following, each under its own licence:")
	ns := licenses.All()
	for _, n := range ns {
		name := n.Name
		if n.Version != "" {
			name += " " + n.Version
		}
		fmt.Fprintf(w, "  %-60s %s\n", name, n.License)
	}
	if !full {
		fmt.Fprintln(w, "\nsecondopinion version -licenses prints each licence in full.")
		return
	}
	for _, n := range ns {
		fmt.Fprintf(w, "\n==== %s ====\n\n%s\n", n.Name, strings.TrimRight(n.Text(), "\n"))
	}
}
