package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"secondopinion/data/store"
)

// runAdmin runs a command as main would, returning its exit code and output.
func runAdmin(t *testing.T, name string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	c, ok := Lookup(name)
	if !ok {
		t.Fatalf("no command %q", name)
	}
	var out, errOut bytes.Buffer
	code = Run(c, args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDemoCheckAndRequests(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "120"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}

	code, out, stderr := runAdmin(t, "check", "-data", dir)
	if code != ExitOK {
		t.Fatalf("check: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{fmt.Sprintf("schema\t%d", store.LatestSchema()), "people\t120", "contacts\t", "requests\t", "letters\t", "steps\t", "attachments\t", "ok"}
	if len(lines) != len(want) {
		t.Fatalf("check printed %d lines:\n%s", len(lines), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("check line %d = %q, want it to start %q", i+1, lines[i], w)
		}
	}

	code, out, _ = runAdmin(t, "requests", "-data", dir)
	if code != ExitOK {
		t.Fatalf("requests: exit %d", code)
	}
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if len(rows) < 120 {
		t.Fatalf("requests printed %d lines for 120 people", len(rows))
	}
	states := map[string]bool{}
	for _, row := range rows {
		f := strings.Split(row, "\t")
		if len(f) != 3 || len(f[0]) != 36 || f[1] == "" || f[2] == "" {
			t.Fatalf("bad row %q", row)
		}
		states[strings.SplitN(f[2], ":", 2)[0]] = true
	}
	if len(states) < 5 {
		t.Errorf("only %d different states in the demo: %v", len(states), states)
	}
}

func TestCheckSaysWhenTheDatabaseIsDamaged(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "200"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Close() // closing the last connection folds the WAL into the file
	path := filepath.Join(dir, store.FileName)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := f.Stat()
	f.WriteAt(bytes.Repeat([]byte{0xA5}, 8192), info.Size()/2)
	f.Close()

	code, _, stderr := runAdmin(t, "check", "-data", dir)
	if code != ExitFailure || !strings.Contains(stderr, "damaged") {
		t.Errorf("check of a damaged database: exit %d, %q; want exit 1 saying it is damaged", code, stderr)
	}
}

func TestMisuseAndHelp(t *testing.T) {
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"check"}, ExitMisuse, "-data DIR is required"},
		{[]string{"requests", "-nonsense"}, ExitMisuse, "not defined"},
		{[]string{"demo", "-data", t.TempDir(), "-clients", "0"}, ExitMisuse, "between 1"},
		{[]string{"check", "-data", t.TempDir(), "extra"}, ExitMisuse, "unexpected argument"},
		{[]string{"check", "-h"}, ExitOK, "Usage: secondopinion check"},
		{[]string{"demo", "-h"}, ExitOK, "-clients"},
		{[]string{"requests", "-h"}, ExitOK, "Usage: secondopinion requests"},
	}
	for _, c := range cases {
		code, _, stderr := runAdmin(t, c.args[0], c.args[1:]...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%v: exit %d, %q; want exit %d saying %q", c.args, code, stderr, c.code, c.says)
		}
	}
}

func TestNewerDatabaseIsRefused(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetSetting(t.Context(), "x", "y"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	bumpVersion(t, filepath.Join(dir, store.FileName), 99)
	code, _, stderr := runAdmin(t, "check", "-data", dir)
	if code != ExitFailure || !strings.Contains(stderr, "newer version") {
		t.Errorf("check of a newer database: exit %d, %q", code, stderr)
	}
}

// bumpVersion writes SQLite's user_version (bytes 60–63 of the header)
// directly, as a newer program would have left it.
func bumpVersion(t *testing.T, path string, v byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte{0, 0, 0, v}, 60); err != nil {
		t.Fatal(err)
	}
}

func TestDemoOnlyFillsAnEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "5"); code != ExitOK {
		t.Fatalf("demo: %s", stderr)
	}
	code, _, stderr := runAdmin(t, "demo", "-data", dir, "-clients", "5", "-seed", "2")
	if code != ExitFailure || !strings.Contains(stderr, "already holds records") {
		t.Errorf("a second demo into the same folder: exit %d, %q", code, stderr)
	}
	_, out, _ := runAdmin(t, "check", "-data", dir)
	if !strings.Contains(out, "people\t5\n") {
		t.Errorf("the folder changed:\n%s", out)
	}
}

func TestReadingCommandsRefuseAFolderWithoutRecords(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo")
	for _, name := range []string{"check", "requests", "agenda", "report"} {
		code, _, stderr := runAdmin(t, name, "-data", missing)
		if code != ExitFailure || !strings.Contains(stderr, "no Second Opinion records") {
			t.Errorf("%s on a missing folder: exit %d, %q", name, code, stderr)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a reading command created the missing folder")
	}
}

// A reader that stops early (| head) is not a failure of the program.
func TestAClosedOutputIsNoFailure(t *testing.T) {
	c := Command{Name: "closing", Run: func(_ []string, out, _ io.Writer) error {
		return &os.PathError{Op: "write", Path: "/dev/stdout", Err: errors.New("Pipe not connected.")}
	}}
	var errOut bytes.Buffer
	if code := Run(c, nil, &bytes.Buffer{}, &errOut); code != ExitOK || errOut.Len() > 0 {
		t.Errorf("exit %d, printed %q", code, errOut.String())
	}
	c.Run = func(_ []string, out, _ io.Writer) error { return fmt.Errorf("write |1: %w", syscall.EPIPE) }
	if code := Run(c, nil, &bytes.Buffer{}, &errOut); code != ExitOK || errOut.Len() > 0 {
		t.Errorf("broken pipe: exit %d, printed %q", code, errOut.String())
	}
}
