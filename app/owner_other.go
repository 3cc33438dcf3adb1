//go:build !unix

package app

import "os"

// ownedByMe: the temporary folder is the user's own on this system.
func ownedByMe(os.FileInfo) bool { return true }
