package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A letter preview a crash left in the temporary folder is found by its
// folder's name and removed at the next start; one being drawn is not.
func TestOldLetterPreviewsAreRemovedAtStart(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	root, err := previewRoot()
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(root); info.Mode().Perm() != 0o700 {
		t.Errorf("the previews folder is %v", info.Mode().Perm())
	}
	old, _ := os.MkdirTemp(root, "letter-")
	os.WriteFile(filepath.Join(old, "letter.pdf"), []byte("%PDF Dear Dr Rhys, about Gwen's epilepsy"), 0o600)
	long := time.Now().Add(-2 * previewsKeptFor)
	os.Chtimes(old, long, long)
	fresh, _ := os.MkdirTemp(root, "letter-")

	removeOldPreviews()
	if _, err := os.Stat(old); err == nil {
		t.Error("a crash's letter preview is still in the temporary folder")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a preview being drawn was removed")
	}
}

// A previews folder made by someone else, or a link in its place, is not
// used: the letter is shown as text instead.
func TestAPreviewsFolderNotOurOwnIsNotUsed(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	root := filepath.Join(tmp, filepath.Base(mustRoot(t)))
	os.RemoveAll(root)
	elsewhere := t.TempDir()
	if err := os.Symlink(elsewhere, root); err != nil {
		t.Skip(err)
	}
	if _, err := previewRoot(); err == nil {
		t.Error("a link in the previews folder's place was used")
	}
}

func mustRoot(t *testing.T) string {
	r, err := previewRoot()
	if err != nil {
		t.Fatal(err)
	}
	return r
}
