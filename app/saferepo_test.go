package app

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"

	"secondopinion/data/safefile"
)

// What the save dialogs hand over writes nothing until it is closed,
// then writes the whole file owner-only, and never through a link: a
// chosen file is not emptied before the program writes it, and a link's
// target is never touched.
func TestSaveDialogWriterIsSafe(t *testing.T) {
	openOn(t, t.TempDir()) // the window registers the safe writer
	dir := t.TempDir()

	// A file that exists is left alone until something is written.
	kept := filepath.Join(dir, "kept.pdf")
	if err := os.WriteFile(kept, []byte("the earlier letter"), 0o600); err != nil {
		t.Fatal(err)
	}
	w, err := storage.Writer(storage.NewFileURI(kept))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(kept); string(b) != "the earlier letter" {
		t.Fatalf("opening the writer emptied the chosen file: %q", b)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(kept); string(b) != "the earlier letter" {
		t.Fatalf("closing with nothing written changed the file: %q", b)
	}

	// A new file is owner-only and whole.
	fresh := filepath.Join(dir, "new.csv")
	w, _ = storage.Writer(storage.NewFileURI(fresh))
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Fatalf("the writer made the file before anything was written: %v", err)
	}
	w.Write([]byte("a,b\n"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the new file: %v, mode %v", err, fi.Mode().Perm())
	}

	// A link is refused and its target untouched.
	target := filepath.Join(dir, "target.txt")
	os.WriteFile(target, []byte("someone else's file"), 0o644)
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	w, _ = storage.Writer(storage.NewFileURI(link))
	w.Write([]byte("health details"))
	if err := w.Close(); !errors.Is(err, safefile.ErrLink) {
		t.Errorf("writing over a link gave %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "someone else's file" {
		t.Errorf("the link's target was changed: %q", b)
	}
}
