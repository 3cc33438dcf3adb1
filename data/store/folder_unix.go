//go:build unix

package store

import (
	"os"
	"syscall"
)

// checkFolder makes a folder others can open its owner's alone (taking
// away what the group and others may do, so 0755 becomes 0700, and a
// folder made read-only stays read-only) when this user owns it, and
// otherwise says who else can open it.
func checkFolder(dir string) FolderAccess {
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm()&0o077 == 0 {
		return FolderAccess{}
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if ok && int(st.Uid) == os.Getuid() {
		if os.Chmod(dir, info.Mode().Perm()&^0o077) == nil {
			return FolderAccess{Tightened: true}
		}
		return FolderAccess{Open: folderOpenWords(dir, "its permissions let others in, and they could not be changed")}
	}
	return FolderAccess{Open: folderOpenWords(dir, "it belongs to another user, and its permissions let others in")}
}
