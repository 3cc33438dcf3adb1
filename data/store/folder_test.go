//go:build unix

package store

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func folderMode(t *testing.T, dir string) os.FileMode {
	t.Helper()
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

// mkdirMode makes a folder with exactly this mode, whatever the umask.
func mkdirMode(t *testing.T, mode os.FileMode) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "SecondOpinion")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, mode); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAFolderOthersCanOpenIsMadePrivate(t *testing.T) {
	dir := mkdirMode(t, 0o755)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.FolderAccess(); !got.Tightened || got.Open != "" {
		t.Errorf("FolderAccess = %+v, want tightened", got)
	}
	s.Close()
	if m := folderMode(t, dir); m != 0o700 {
		t.Errorf("the folder is %v after opening, want 0700", m)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.FolderAccess(); got != (FolderAccess{}) {
		t.Errorf("opening a private folder again reports %+v", got)
	}

	// A new folder is private from the start.
	fresh := filepath.Join(t.TempDir(), "new", "SecondOpinion")
	s2, err := Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if m := folderMode(t, fresh); m != 0o700 || s2.FolderAccess() != (FolderAccess{}) {
		t.Errorf("a new folder is %v, %+v", m, s2.FolderAccess())
	}
}

// A folder made read-only for its owner stays read-only: only the group's
// and others' permissions go.
func TestTighteningKeepsAReadOnlyFolderReadOnly(t *testing.T) {
	dir := mkdirMode(t, 0o700)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if m := folderMode(t, dir); m != 0o500 {
		t.Errorf("the folder is %v, want 0500", m)
	}
}

// A folder another user owns is left as it is, with a warning naming it.
func TestAFolderOfAnotherUserIsWarnedAbout(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("giving a folder to another user needs root")
	}
	dir := mkdirMode(t, 0o775)
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Skip("cannot give the folder to another user:", err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := s.FolderAccess()
	if got.Tightened || !strings.Contains(got.Open, "Other people who use this computer") ||
		!strings.Contains(got.Open, dir) || !strings.Contains(got.Open, "belongs to another user") {
		t.Errorf("FolderAccess = %+v", got)
	}
	if m := folderMode(t, dir); m != 0o775 {
		t.Errorf("another user's folder was changed to %v", m)
	}
	var st syscall.Stat_t
	if syscall.Stat(dir, &st) == nil && st.Uid != 65534 {
		t.Errorf("the folder's owner changed to %d", st.Uid)
	}
}
