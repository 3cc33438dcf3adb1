//go:build unix

package store

import "syscall"

// canWrite asks the system whether this user may write the file, without
// opening it (opening and closing it could drop SQLite's locks).
func canWrite(path string) bool { return syscall.Access(path, 0x2 /* W_OK */) == nil }
