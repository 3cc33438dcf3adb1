package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
)

func TestWriteReplacesWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "letter.txt")
	if err := WriteBytes(path, "the letter", Private, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(path, "the letter", Private, []byte("second")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "second" || info.Mode().Perm() != Private {
		t.Errorf("content %q, mode %v", got, info.Mode().Perm())
	}
}

func TestFailedWriteKeepsTheOldFileAndLeavesNoTemporary(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.csv")
	os.WriteFile(path, []byte("old"), 0o600)
	err := Write(path, "the report", Private, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("half", 10000))
		return errors.New("stopped")
	})
	if err == nil || !strings.Contains(data.Message(err), "Could not save the report") {
		t.Fatalf("err = %v", err)
	}
	got, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(got) != "old" || len(entries) != 1 {
		t.Errorf("after a failed write: %q and %d files", got, len(entries))
	}
}

func TestMissingFolderIsExplained(t *testing.T) {
	err := WriteBytes(filepath.Join(t.TempDir(), "no", "such", "x.pdf"), "the letter", Private, nil)
	if msg := data.Message(err); !strings.Contains(msg, "check the folder exists") {
		t.Errorf("message %q", msg)
	}
}
