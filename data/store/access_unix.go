//go:build unix

package store

import "syscall"

// canWrite asks the system whether this user may write the file, without
// opening it (opening and closing it could drop SQLite's locks).
func canWrite(path string) bool { return syscall.Access(path, 0x2 /* W_OK */) == nil }

// folderWritable asks whether this user may make files in dir: not on a
// read-only disk, nor in a folder without write permission.
func folderWritable(dir string) bool { return syscall.Access(dir, 0x2|0x1 /* W_OK|X_OK */) == nil }
