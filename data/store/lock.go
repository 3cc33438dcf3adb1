package store

import (
	"errors"
	"os"
	"path/filepath"

	"secondopinion/data"
)

// LockFileName is the file a running copy of the program holds locked, so
// that a second copy on the same data knows and says so.
const LockFileName = "secondopinion.lock"

// DirLock is a held lock on a data folder.
type DirLock struct{ f *os.File }

// ErrInUse is returned, wrapped in a UserError, when another copy of the
// program holds the data folder.
var ErrInUse = errors.New("data folder in use")

// LockDir takes the data folder's lock, or fails at once with a clear
// message if another copy of the program has it. The operating system
// releases the lock if the program dies, so a crash never leaves it stuck.
func LockDir(dir string) (*DirLock, error) {
	f, err := os.OpenFile(filepath.Join(dir, LockFileName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, explain(err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, &data.UserError{Err: ErrInUse, Message: "Second Opinion is already open on these records, " +
			"perhaps in another window. Please use that window, or close it and try again. Nothing was changed."}
	}
	return &DirLock{f}, nil
}

// Release lets go of the lock.
func (l *DirLock) Release() {
	if l == nil || l.f == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}

// OpenExclusive opens the store holding the data folder's lock until
// Close: for the program's window and for commands that write.
func OpenExclusive(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, explain(err)
	}
	lock, err := LockDir(dir)
	if err != nil {
		if errors.Is(err, ErrInUse) || folderWritable(dir) {
			return nil, err
		}
		// A folder nobody here can write to needs no lock: the records
		// open read-only, and no copy of the program can change them.
		return open(dir, nil)
	}
	removeLeftovers(dir)
	s, err := open(dir, lock)
	if err != nil {
		lock.Release()
		return nil, err
	}
	s.lock = lock
	return s, nil
}
