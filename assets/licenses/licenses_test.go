package licenses

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Every module the program is built from, on each system it is packaged
// for, has its licence here at the version built: a dependency added or
// moved without `go generate ./assets/licenses` fails here.
func TestEveryModuleBuiltInIsListed(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	listed := map[string]string{}
	for _, n := range All() {
		listed[n.Name] = n.Version
	}
	for _, goos := range []string{"linux", "windows", "darwin"} {
		cmd := exec.Command("go", "list", "-tags", "no_emoji,migrated_fynedo", "-deps",
			"-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}", "secondopinion")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list for %s: %v", goos, err)
		}
		for _, line := range strings.Fields(strings.ReplaceAll(string(out), " ", "@")) {
			path, version, _ := strings.Cut(line, "@")
			got, ok := listed[path]
			switch {
			case !ok:
				t.Errorf("%s (%s, for %s) is built in but has no licence here: run go generate ./assets/licenses", path, version, goos)
			case got != version:
				t.Errorf("%s is built in at %s but its licence was copied from %s: run go generate ./assets/licenses", path, version, got)
			}
		}
	}
}

// The licences the program's own description promises are the ones shown.
func TestTheMainLicences(t *testing.T) {
	want := map[string]string{
		"fyne.io/fyne/v2":                "BSD-3-Clause",
		"github.com/signintech/gopdf":    "MIT",
		"modernc.org/sqlite":             "BSD-3-Clause",
		"github.com/google/uuid":         "BSD-3-Clause",
		"github.com/go-text/typesetting": "Unlicense OR BSD-3-Clause",
		"golang.org/x/text":              "BSD-3-Clause",
		"golang.org/x/image":             "BSD-3-Clause",
		"golang.org/x/sys":               "BSD-3-Clause",
		"Noto Sans fonts for other scripts (Debian fonts-noto-core)": "OFL-1.1",
		"Noto Sans fonts (in Fyne)":                                  "OFL-1.1",
		"Go standard library and runtime":                            "BSD-3-Clause",
	}
	got := map[string]Notice{}
	for _, n := range All() {
		got[n.Name] = n
		if strings.TrimSpace(n.Text()) == "" {
			t.Errorf("%s has an empty licence text", n.Name)
		}
	}
	for name, lic := range want {
		if n, ok := got[name]; !ok {
			t.Errorf("%s is not listed", name)
		} else if n.License != lic {
			t.Errorf("%s is listed as %s, want %s", name, n.License, lic)
		}
	}
	ofl, err := os.ReadFile("../fonts/OFL.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got["Noto Sans fonts for other scripts (Debian fonts-noto-core)"].Text() != string(ofl) {
		t.Error("the fonts' licence shown is not the one beside the fonts")
	}
	if !strings.Contains(got["Noto Sans fonts (in Fyne)"].Text(), "SIL OPEN FONT LICENSE Version 1.1") {
		t.Error("Fyne's Noto Sans licence is not the SIL Open Font License")
	}
}
