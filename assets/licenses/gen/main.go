// Command gen copies the licence of everything the program bundles into
// assets/licenses: each Go module the program is built from (for Linux,
// Windows and macOS), the Go runtime, and the libraries and fonts those
// modules carry inside them. It writes text/*.txt and bundled.tsv.
//
// Run it after changing a dependency:
//
//	go generate ./assets/licenses
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
)

// Tags are the build tags the program is built with.
const tags = "no_emoji,migrated_fynedo"

type notice struct {
	name, version, license string
	files                  []string // paths to copy, absolute
}

func main() {
	log.SetFlags(0)
	if err := os.Chdir(filepath.Dir(strings.TrimSpace(run("go", "env", "GOMOD")))); err != nil {
		log.Fatal(err)
	}
	out := filepath.Join("assets", "licenses")
	if _, err := os.Stat(filepath.Join(out, "licenses.go")); err != nil {
		log.Fatal("run this from the module root: ", err)
	}
	mods := map[string]string{} // path -> dir
	vers := map[string]string{}
	for _, goos := range []string{"linux", "windows", "darwin"} {
		cmd := exec.Command("go", "list", "-tags", tags, "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{.Dir}}{{end}}{{end}}", ".")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED=1")
		cmd.Stderr = os.Stderr
		b, err := cmd.Output()
		if err != nil {
			log.Fatalf("go list for %s: %v", goos, err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				continue
			}
			mods[f[0]], vers[f[0]] = f[2], f[1]
		}
	}
	var ns []notice
	for path, dir := range mods {
		files := licenceFiles(dir)
		if len(files) == 0 {
			log.Fatalf("%s has no licence file in %s", path, dir)
		}
		ns = append(ns, notice{path, vers[path], classify(read(files[0])), files})
	}
	goroot := strings.TrimSpace(run("go", "env", "GOROOT"))
	ns = append(ns, notice{"Go standard library and runtime", "", "BSD-3-Clause", []string{filepath.Join(goroot, "LICENSE")}})
	// Libraries and fonts that modules carry inside them, under their own terms.
	if d := mods["github.com/go-gl/glfw/v3.3/glfw"]; d != "" {
		ns = append(ns, notice{"GLFW (C library, in go-gl/glfw)", "3.3", "Zlib", []string{filepath.Join(d, "glfw", "LICENSE.md")}})
	}
	if d := mods["modernc.org/sqlite"]; d != "" {
		ns = append(ns, notice{"SQLite (in modernc.org/sqlite)", "", "public domain", []string{filepath.Join(d, "LICENSE-SQLITE")}})
	}
	if d := mods["fyne.io/fyne/v2"]; d != "" {
		fd := filepath.Join(d, "theme", "font")
		ns = append(ns,
			notice{"Noto Sans fonts (in Fyne)", "", "OFL-1.1", []string{filepath.Join(fd, "LICENSE.txt")}},
			notice{"DejaVu Sans Mono Powerline font (in Fyne)", "", "Bitstream Vera and public domain", []string{filepath.Join(fd, "LICENSE_DejaVu-Powerline.txt")}},
			notice{"Inter Symbols font (in Fyne)", "", "OFL-1.1", []string{filepath.Join(fd, "LICENSE_Inter.txt")}})
	}
	ns = append(ns, notice{"Noto Sans fonts for other scripts (Debian fonts-noto-core)", "20201225", "OFL-1.1", []string{filepath.Join("assets", "fonts", "OFL.txt")}})
	sort.Slice(ns, func(i, j int) bool { return ns[i].name < ns[j].name })

	textDir := filepath.Join(out, "text")
	if err := os.RemoveAll(textDir); err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(textDir, 0o755); err != nil {
		log.Fatal(err)
	}
	var tsv bytes.Buffer
	tsv.WriteString("# name\tversion\tlicence\tfiles in text/ (written by gen; do not edit)\n")
	for _, n := range ns {
		var names []string
		for _, f := range n.files {
			base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
			name := slug(n.name) + "--" + slug(base) + ".txt"
			if err := os.WriteFile(filepath.Join(textDir, name), read(f), 0o644); err != nil {
				log.Fatal(err)
			}
			names = append(names, name)
		}
		fmt.Fprintf(&tsv, "%s\t%s\t%s\t%s\n", n.name, n.version, n.license, strings.Join(names, ","))
	}
	if err := os.WriteFile(filepath.Join(out, "bundled.tsv"), tsv.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d notices written with %s", len(ns), runtime.Version())
}

var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|copying)([-_.].*)?$`)

// licenceFiles lists a module's licence files, the main one first.
func licenceFiles(dir string) []string {
	es, err := os.ReadDir(dir)
	if err != nil {
		log.Fatal(err)
	}
	var fs []string
	for _, e := range es {
		if !e.IsDir() && licenceName.MatchString(e.Name()) {
			fs = append(fs, filepath.Join(dir, e.Name()))
		}
	}
	sort.Slice(fs, func(i, j int) bool { return len(fs[i]) < len(fs[j]) || len(fs[i]) == len(fs[j]) && fs[i] < fs[j] })
	return fs
}

// classify names a licence by the words that mark it.
func classify(b []byte) string {
	t := strings.Join(strings.Fields(string(b)), " ")
	switch {
	case strings.Contains(t, "UNLICENSE") && strings.Contains(t, "BSD"):
		return "Unlicense OR BSD-3-Clause"
	case strings.Contains(t, "Apache License") && strings.Contains(t, "Version 2.0"):
		return "Apache-2.0"
	case strings.Contains(t, "Permission is hereby granted, free of charge"):
		return "MIT"
	case strings.Contains(t, "Permission to use, copy, modify, and/or distribute"):
		return "ISC"
	case strings.Contains(t, "Redistribution and use in source and binary forms"):
		if strings.Contains(t, "Neither the name") || strings.Contains(t, "names of its contributors") || strings.Contains(t, "name of the copyright holder") {
			return "BSD-3-Clause"
		}
		return "BSD-2-Clause"
	}
	log.Fatalf("unknown licence: %.200s", t)
	return ""
}

func slug(s string) string {
	s = strings.ToLower(s)
	s = regexp.MustCompile(`[^a-z0-9.]+`).ReplaceAllString(s, "-")
	return strings.Trim(s, "-.")
}

func read(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

func run(name string, args ...string) string {
	b, err := exec.Command(name, args...).Output()
	if err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	return string(b)
}
