//go:build !unix

package store

// checkFolder leaves the folder as it is: on Windows the user's own
// application data folder is theirs alone already.
func checkFolder(string) FolderAccess { return FolderAccess{} }
