package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
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

// A link in the output's place is refused, and neither the link nor the
// file it points to is touched.
func TestALinkIsNeverWrittenOver(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "someone-elses.txt")
	os.WriteFile(target, []byte("theirs"), 0o644)
	link := filepath.Join(dir, "letter.pdf")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	err := WriteBytes(link, "the letter", Private, []byte("a letter naming a patient"))
	if !errors.Is(err, ErrLink) || !strings.Contains(data.Message(err), "is a link to another file") {
		t.Fatalf("writing over a link: %v", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "theirs" {
		t.Errorf("the link's target was changed: %q", got)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
	// A dangling link too.
	dangling := filepath.Join(dir, "rows.csv")
	os.Symlink(filepath.Join(dir, "nowhere"), dangling)
	if err := WriteBytes(dangling, "the rows", Private, nil); !errors.Is(err, ErrLink) {
		t.Errorf("writing over a dangling link: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("%d files after refusing; want the three there were", len(entries))
	}
}

// The temporary file is owner-only while it is written, even for a file
// that will be shared, and is named so a crash's leftover can be found.
func TestTheTemporaryFileIsPrivateFromItsFirstByte(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "chart.png")
	err := Write(path, "the chart", Shared, func(w io.Writer) error {
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 || !Leftover(entries[0].Name()) {
			t.Fatalf("while writing: %v", entries)
		}
		info, _ := entries[0].Info()
		if info.Mode().Perm() != 0o600 {
			t.Errorf("the temporary file is %v while written", info.Mode().Perm())
		}
		_, err := io.WriteString(w, "png")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != Shared {
		t.Errorf("the finished file is %v", info.Mode().Perm())
	}
	if Leftover("chart.png") || Leftover(".bashrc") {
		t.Error("a person's own file taken for a leftover")
	}
}

// A full disk is said plainly.
func TestAFullDiskIsSaidPlainly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "letter.pdf")
	err := Write(path, "the letter", Private, func(io.Writer) error {
		return &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	})
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(data.Message(err), "the disk is full") {
		t.Errorf("a full disk: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a half-written letter was left")
	}
}
