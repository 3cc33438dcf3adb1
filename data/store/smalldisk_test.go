package store

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"secondopinion/data"
)

// smallDisk mounts a real filesystem of size (such as "1m") for the test,
// or skips it: mounting needs root, and a system that allows it.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root; the injected tests cover the same paths")
	}
	mnt, err := os.MkdirTemp("", "smalldisk-")
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", mnt).CombinedOutput(); err != nil {
		os.Remove(mnt)
		t.Skipf("cannot mount a small disk here: %v %s", err, out)
	}
	t.Cleanup(func() {
		if exec.Command("umount", mnt).Run() != nil {
			exec.Command("umount", "-l", mnt).Run() // still busy: detach it now, gone once let go
		}
		os.Remove(mnt)
	})
	return mnt
}

// leftovers lists files in dir (and below) whose names say they were
// part-made.
func leftovers(t *testing.T, dir string) []string {
	var found []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if info != nil && !info.IsDir() && (strings.Contains(p, partialSuffix) || strings.Contains(p, creatingSuffix) ||
			strings.Contains(p, restoringSuffix) || strings.HasPrefix(info.Name(), ".")) {
			found = append(found, p)
		}
		return nil
	})
	return found
}

// A real disk that fills: the save, the backup and a later opening each
// say the disk is full and what to free, and leave nothing behind.
func TestARealFullDisk(t *testing.T) {
	dir := filepath.Join(smallDisk(t, "1m"), "records")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	addPeople(t, s, "Heledd")
	if _, err := s.AutoBackup(ctx, 5); err != nil {
		t.Fatal(err)
	}
	addPeople(t, s, "Owain")
	if _, err := s.AutoBackup(ctx, 5); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, BackupFolder)

	big := data.Person{Name: "Iwan", Nation: data.Wales, Notes: strings.Repeat("Llanfair ", 110_000)}
	err = s.SavePerson(ctx, &big)
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(data.Message(err), folder) {
		t.Fatalf("save on a full disk: %v (%q)", err, data.Message(err))
	}
	if info, err := os.Stat(s.Path() + "-wal"); err == nil && info.Size() > 0 {
		t.Errorf("the log still takes %d bytes after the failed save", info.Size())
	}
	if got := names(t, s); !strings.Contains(got, "Owain") || strings.Contains(got, "Iwan") {
		t.Errorf("after the failed save: %q", got)
	}

	// Fill what is left, then back up.
	filler := filepath.Join(filepath.Dir(dir), "filler")
	f, _ := os.Create(filler)
	f.Write(make([]byte, 2<<20))
	f.Close()
	non := data.Person{Name: "Non", Nation: data.Wales}
	s.SavePerson(ctx, &non) // may or may not fit; the backup below must not
	err = s.Backup(ctx, filepath.Join(folder, "by-hand.db"))
	if !errors.Is(err, ErrDiskFull) || !strings.HasPrefix(data.Message(err), "The disk is full, so the backup could not be made") {
		t.Errorf("backup on a full disk: %v (%q)", err, data.Message(err))
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}

	// Opening again on the full disk needs SQLite's shared-memory file,
	// which cannot be made: that too is a full disk, not "a disk I/O error".
	s.Close()
	os.Remove(s.Path() + "-shm")
	s2, err := Open(dir)
	if err == nil {
		s2.Close()
		return // the log was folded in on closing, so nothing needed room
	}
	if !errors.Is(err, ErrDiskFull) || !strings.HasPrefix(data.Message(err), "The disk is full, so the records could not be opened") {
		t.Errorf("opening on a full disk: %v (%q)", err, data.Message(err))
	}
}
