package version

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestWithoutLinkerFlagsItIsDev(t *testing.T) {
	i := Get()
	if !strings.HasPrefix(i.Version, "dev") && !strings.HasPrefix(i.Version, "v") {
		t.Errorf("version %q: want dev", i.Version)
	}
	if i.Date == "" || i.Go == "" {
		t.Errorf("empty fields in %+v", i)
	}
}

func TestWriteListsTheLicences(t *testing.T) {
	var short, full bytes.Buffer
	Write(&short, false)
	Write(&full, true)
	for _, want := range []string{"Second Opinion dev", "Built: ", "Go: go1.", "fyne.io/fyne/v2", "BSD-3-Clause", "github.com/signintech/gopdf", "MIT", "OFL-1.1", "Unlicense OR BSD-3-Clause"} {
		if !strings.Contains(short.String(), want) {
			t.Errorf("version does not say %q:\n%s", want, short.String())
		}
	}
	if strings.Contains(short.String(), "SIL OPEN FONT LICENSE") {
		t.Error("the short form prints licence texts")
	}
	for _, want := range []string{"SIL Open Font License, Version 1.1", "Permission is hereby granted", "Redistribution and use in source and binary forms"} {
		if !strings.Contains(full.String(), want) {
			t.Errorf("version -licenses does not print %q", want)
		}
	}
}

// The version and date given to the linker are the ones reported, as a
// release build sets them.
func TestLinkerFlagsSetTheVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	dir := t.TempDir()
	main := `package main
import ("fmt"; "secondopinion/app/version")
func main() { i := version.Get(); fmt.Print(i.Version, "|", i.Date) }`
	if err := os.MkdirAll(filepath.Join(dir, "v"), 0o755); err != nil {
		t.Fatal(err)
	}
	// The program must sit inside the module to import it.
	src, err := os.MkdirTemp(".", "testmain")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(src)
	if err := os.WriteFile(filepath.Join(src, "main.go"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "v", "prog")
	build := exec.Command("go", "build", "-o", bin, "-ldflags",
		"-X secondopinion/app/version.version=1.2.3 -X secondopinion/app/version.date=2026-12-02", "./"+filepath.Base(src))
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "1.2.3|2026-12-02" {
		t.Errorf("got %q, want 1.2.3|2026-12-02", out)
	}
}
