package store

import (
	"context"
	"os"
	"path/filepath"
)

// A backup of a team's caseload is a Second Opinion file like any other:
// the records are copied from the server into a new file beside where the
// backup goes, checked row by row, and then written out as a file backup
// is. It can be opened, checked and restored on any computer, or moved
// back to a server with `secondopinion move`.
func (s *Store) serverBackup(ctx context.Context, dest string) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return explainBackup(err)
	}
	work, err := os.MkdirTemp(filepath.Dir(dest), ".copying-")
	if err != nil {
		return explainBackup(err)
	}
	defer os.RemoveAll(work)
	file, err := Open(work)
	if err != nil {
		return err
	}
	defer file.Close()
	if _, err := s.CopyInto(ctx, file, nil); err != nil {
		return err
	}
	return file.backup(ctx, dest)
}
