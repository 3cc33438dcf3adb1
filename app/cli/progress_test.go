package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fastProgress draws at once and often, so that a command that would show
// progress on a terminal surely tries to within a test.
func fastProgress(t *testing.T) {
	t.Helper()
	d, e := progressDelay, progressEvery
	progressDelay, progressEvery = 0, time.Millisecond
	t.Cleanup(func() { progressDelay, progressEvery = d, e })
}

// longCommands runs demo, backup, restore and report on a fresh folder,
// with errOut as their stderr, and fails if one fails.
func longCommands(t *testing.T, errOut io.Writer) {
	t.Helper()
	dir := t.TempDir()
	backup := filepath.Join(t.TempDir(), "backup.db")
	for _, args := range [][]string{
		{"demo", "-data", dir, "-clients", "200"},
		{"backup", "-data", dir, "-o", backup},
		{"restore", "-data", dir, "-from", backup},
		{"report", "-data", dir},
	} {
		c, _ := Lookup(args[0])
		var out bytes.Buffer
		if code := Run(c, args[1:], &out, errOut); code != ExitOK {
			t.Fatalf("%s: exit %d", args[0], code)
		}
		if strings.Contains(out.String(), "\r") {
			t.Errorf("%s put progress on its standard output", args[0])
		}
	}
}

// With stderr a file or a pipe (cron, scripts, CI), the long commands
// print nothing on it.
func TestProgressIsQuietOffATerminal(t *testing.T) {
	fastProgress(t)
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	longCommands(t, f)
	if fi, err := f.Stat(); err != nil || fi.Size() != 0 {
		b, _ := os.ReadFile(f.Name())
		t.Errorf("with stderr a file, the commands printed %q", b)
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() { b, _ := io.ReadAll(r); got <- b }()
	longCommands(t, w)
	w.Close()
	if b := <-got; len(b) != 0 {
		t.Errorf("with stderr a pipe, the commands printed %q", b)
	}
}

// On a terminal the same commands show a line that they rewrite, and wipe
// it at the end, leaving the terminal as it was.
func TestProgressShowsOnATerminal(t *testing.T) {
	fastProgress(t)
	real := isTerminal
	isTerminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { isTerminal = real })
	var errOut bytes.Buffer
	longCommands(t, &errOut)
	s := errOut.String()
	for _, want := range []string{"\rInventing the people… ", " of 200 (", "\rBacking up…", "\rCounting the requests…"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q on the terminal", want)
		}
	}
	if strings.Contains(s, "\n") {
		t.Error("progress took more than one line")
	}
	// Each command's line ends wiped: spaces, then back to the start.
	parts := strings.Split(s, "\r")
	if !strings.HasSuffix(s, "\r") || strings.TrimSpace(parts[len(parts)-2]) != "" {
		t.Errorf("the last line was not wiped: %q", s[max(0, len(s)-200):])
	}
}
