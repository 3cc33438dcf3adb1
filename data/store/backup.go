package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"secondopinion/data"
	"secondopinion/data/safefile"
)

// BackupFolder is where automatic backups go, inside the data folder.
const BackupFolder = "backups"

// Backup writes a consistent copy of the database to dest with VACUUM INTO
// (never a file copy, which would ignore SQLite's locks), syncs it to disk,
// and checks it before reporting success. dest must not exist yet.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if s.d == onServer {
		return diskFull(s.serverBackup(ctx, dest), doingBackup, filepath.Dir(dest))
	}
	return diskFull(s.backup(ctx, dest), doingBackup, s.dir, filepath.Dir(dest))
}

func (s *Store) backup(ctx context.Context, dest string) error {
	if err := safefile.RefuseLink(dest, "the backup"); err != nil {
		return err
	}
	if _, err := os.Lstat(dest); err == nil {
		return &data.UserError{Message: fmt.Sprintf("%s already exists. Please choose a new name for the backup.", dest)}
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return &data.UserError{Message: fmt.Sprintf("The folder for the backup could not be made: %v.", err), Err: err}
	}
	tmp := dest + partialSuffix
	os.Remove(tmp)
	// Owner-only from its first byte: a backup holds people's health records.
	if err := createPrivate(tmp); err != nil {
		return explainBackup(err)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return explainBackup(err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return explainBackup(err)
	}
	if err := verifyBackup(ctx, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return explainBackup(err)
	}
	return syncDir(filepath.Dir(dest))
}

func explainBackup(err error) error {
	e := explain(err)
	var ue *data.UserError
	if errors.As(e, &ue) {
		return e
	}
	return &data.UserError{Err: err, Message: "The backup could not be written: " + err.Error() +
		". Please check there is space and that you can write to that folder. Your records are unchanged."}
}

// verifyBackup opens a backup read-only and checks that it is whole, that
// this program can read its version, and that it holds our records.
func verifyBackup(ctx context.Context, path string) error {
	bad := func(why string, err error) error {
		return &data.UserError{Message: "This file is not a usable Second Opinion backup: " + why, Err: err}
	}
	if _, err := os.Stat(path); err != nil {
		return bad("it could not be found.", err)
	}
	err := inspectFile(ctx, path)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrNewer):
		return bad("it was made by a newer version of Second Opinion. Please install that version to restore it.", err)
	case errors.Is(err, ErrNotOurs):
		return bad("it does not hold Second Opinion records.", err)
	case errors.Is(err, ErrDamaged):
		return bad("it is damaged.", err)
	}
	return bad("it is not a database, or it could not be read.", err)
}

// Restored is what a restore did besides putting the backup in place.
type Restored struct {
	// KeptAside is where the records replaced are kept; "" when there
	// were none.
	KeptAside string
	// LogNotCarried is set when the privacy log's entries made since the
	// backup could not be copied into the restored log (the records
	// replaced were damaged, say); LogError says why, for whoever helps
	// (and is also set if the restore itself could not be noted).
	LogNotCarried bool
	LogError      error
}

// Restore replaces the database in dir with the backup at from. The backup
// is checked first; the current database is moved aside (and named in the
// result) rather than deleted, and put back if anything goes wrong. The
// program must not have dir open while it runs.
func Restore(ctx context.Context, dir, from string) (Restored, error) {
	done, err := restore(ctx, dir, from)
	return done, diskFull(err, doingRestore, dir)
}

func restore(ctx context.Context, dir, from string) (Restored, error) {
	if err := verifyBackup(ctx, from); err != nil {
		return Restored{}, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Restored{}, explainBackup(err)
	}
	lock, err := LockDir(dir)
	if err != nil {
		return Restored{}, err
	}
	defer lock.Release()

	path := filepath.Join(dir, FileName)
	incoming := path + restoringSuffix
	removeLeftovers(dir)
	if err := createPrivate(incoming); err != nil {
		return Restored{}, explainBackup(err)
	}
	src, err := sql.Open("sqlite", dsn(from, true))
	if err != nil {
		os.Remove(incoming)
		return Restored{}, explainBackup(err)
	}
	_, err = src.ExecContext(ctx, "VACUUM INTO ?", incoming)
	src.Close()
	if err == nil {
		err = syncFile(incoming)
	}
	if err != nil {
		os.Remove(incoming)
		return Restored{}, explainBackup(err)
	}

	// Move the current database and its logs aside, together.
	aside := asideName(path)
	moved := []string{}
	for _, suffix := range companions {
		if _, err := os.Stat(path + suffix); err == nil {
			if err := os.Rename(path+suffix, aside+suffix); err != nil {
				undoMoves(moved, path, aside)
				os.Remove(incoming)
				return Restored{}, explainBackup(err)
			}
			moved = append(moved, suffix)
		}
	}
	if err := os.Rename(incoming, path); err != nil {
		undoMoves(moved, path, aside)
		os.Remove(incoming)
		return Restored{}, explainBackup(err)
	}
	syncDir(dir)
	// Opening migrates an older backup and proves the result is usable.
	s, err := open(dir, lock)
	if err != nil {
		for _, suffix := range companions {
			os.Remove(path + suffix)
		}
		undoMoves(moved, path, aside)
		return Restored{}, err
	}
	var done Restored
	if len(moved) > 0 {
		done.KeptAside = aside
	}
	// The restore stands whatever happens here: the copy aside keeps every
	// entry of its log, and the restored records are whole.
	done.LogError = noteRestore(ctx, s, done.KeptAside)
	done.LogNotCarried = done.LogError != nil && done.KeptAside != ""
	s.Close()
	return done, nil
}

// companions are the database and the files SQLite keeps beside it, which
// belong together: a log moved without its database, or left behind for
// another, would be applied to the wrong records.
var companions = []string{"", "-wal", "-shm", "-journal", commitsSuffix}

// asideName is a name for the records a restore replaces that nothing
// already uses, so a copy kept aside is never overwritten, however many
// restores run in the same second. The folder's lock is held, so no other
// restore can take the name between this look and the rename.
func asideName(path string) string {
	base := path + ".before-restore-" + time.Now().Format("20060102-150405")
	for n := 1; ; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		free := true
		for _, suffix := range companions {
			if _, err := os.Lstat(name + suffix); !errors.Is(err, os.ErrNotExist) {
				free = false
			}
		}
		if free {
			return name
		}
	}
}

func undoMoves(moved []string, path, aside string) {
	for _, suffix := range moved {
		os.Rename(aside+suffix, path+suffix)
	}
}

// AutoBackup writes a dated backup into the data folder's backups folder
// and keeps only the newest keep of them. When nothing has changed since
// the newest backup it keeps that one and returns its path, so closing the
// program ten times does not push out older, different backups.
func (s *Store) AutoBackup(ctx context.Context, keep int) (string, error) {
	folder := filepath.Join(s.dir, BackupFolder)
	dest := filepath.Join(folder, "secondopinion-"+s.now().Format("20060102-150405.000")+".db")
	previous, _ := Backups(s.dir)
	if err := s.Backup(ctx, dest); err != nil {
		return "", err
	}
	// Both are our own closed copies, never the live database, so they may
	// be compared as files; VACUUM INTO writes the same bytes for the same records.
	if len(previous) > 0 && sameFile(dest, previous[0].Path) {
		os.Remove(dest)
		now := time.Now()
		os.Chtimes(previous[0].Path, now, now) // it is as fresh as a new one
		return previous[0].Path, nil
	}
	backups, _ := Backups(s.dir)
	if keep < 1 {
		keep = 1
	}
	for i := keep; i < len(backups); i++ {
		os.Remove(backups[i].Path)
	}
	return dest, nil
}

// BackupFile is one automatic backup.
type BackupFile struct {
	Path    string
	ModTime time.Time
}

// Backups lists the automatic backups in a data folder, newest first.
func Backups(dir string) ([]BackupFile, error) {
	entries, err := os.ReadDir(filepath.Join(dir, BackupFolder))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var list []BackupFile
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, "secondopinion-") || !strings.HasSuffix(name, ".db") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		list = append(list, BackupFile{filepath.Join(dir, BackupFolder, name), info.ModTime()})
	}
	// The names hold the time, so they sort in time order.
	sort.Slice(list, func(i, j int) bool { return list[i].Path > list[j].Path })
	return list, nil
}

// NewestGoodBackup is the newest automatic backup that passes its check,
// to offer when the database is damaged; "" when there is none.
func NewestGoodBackup(ctx context.Context, dir string) (BackupFile, bool) {
	backups, _ := Backups(dir)
	for _, b := range backups {
		if verifyBackup(ctx, b.Path) == nil {
			return b, true
		}
	}
	return BackupFile{}, false
}

func sameFile(a, b string) bool {
	x, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	y, err := os.ReadFile(b)
	return err == nil && bytes.Equal(x, y)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir makes a rename durable; not every system can sync a folder, so
// failure here is not reported.
func syncDir(dir string) error {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
	return nil
}
