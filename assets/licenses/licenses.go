// Package licenses holds the licence of everything the program bundles:
// the Go modules it is built from, the Go runtime, and the fonts and
// libraries inside them. `secondopinion version` and the window's About
// box both show them.
//
// The texts and the list are written by gen from the module cache; a test
// fails when the program's modules change and they were not written again.
package licenses

//go:generate go run ./gen

import (
	"embed"
	"strings"
)

//go:embed bundled.tsv text/*.txt
var files embed.FS

// Notice is one thing the program bundles and the terms it comes under.
type Notice struct {
	Name    string // the module path, or a plain name for what is not a module
	Version string // may be empty
	License string // an SPDX identifier where there is one
	Files   []string
}

// Text is the notice's licence text in full (its files one after another).
func (n Notice) Text() string {
	var b strings.Builder
	for i, f := range n.Files {
		if i > 0 {
			b.WriteString("\n\n")
		}
		t, err := files.ReadFile("text/" + f)
		if err != nil {
			panic("licenses: " + f + " is listed but not embedded")
		}
		b.Write(t)
	}
	return b.String()
}

// All lists every notice, sorted by name.
func All() []Notice {
	b, err := files.ReadFile("bundled.tsv")
	if err != nil {
		panic(err)
	}
	var ns []Notice
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			panic("licenses: bad line in bundled.tsv: " + line)
		}
		ns = append(ns, Notice{Name: f[0], Version: f[1], License: f[2], Files: strings.Split(f[3], ",")})
	}
	return ns
}
