//go:build unix

package app

import (
	"os"
	"syscall"
)

// ownedByMe reports whether this user owns the folder and nobody else may
// look inside it.
func ownedByMe(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid() && info.Mode().Perm()&0o077 == 0
}
