// Package safefile writes files whole or not at all: a letter, export or
// calendar that stopped half-way would be wrong without anyone knowing.
package safefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"secondopinion/data"
)

// Private is for files that may name people: readable by their owner only.
const Private os.FileMode = 0o600

// Shared is for files that name nobody (a chart, a calendar of dates).
const Shared os.FileMode = 0o644

// ErrLink is returned, wrapped in a UserError, for an output path that is a
// symbolic link. Nothing is ever written over a link: writing through it
// could reach a file the person never chose, and replacing it would
// quietly undo what someone set up on purpose.
var ErrLink = errors.New("output is a symbolic link")

// ErrDiskFull is returned, wrapped in a UserError, when the disk had no room.
var ErrDiskFull = errors.New("disk full")

// partialMark is in the name of every temporary file, so what a crash left
// can be told from the person's own files and removed.
const partialMark = ".partial-"

// Leftover reports whether name is a temporary file Write made (a crash
// may leave one behind).
func Leftover(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, partialMark)
}

// RefuseLink fails with words for the person when path is a symbolic link.
func RefuseLink(path, what string) error {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&os.ModeSymlink == 0 {
		return nil
	}
	return &data.UserError{Err: fmt.Errorf("%w: %s", ErrLink, path), Message: fmt.Sprintf(
		"%s was not saved, because %s is a link to another file, and Second Opinion never saves over a link. "+
			"Please choose another name, or remove the link first.", capital(what), path)}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Write writes to a temporary file beside path, syncs it, and renames it
// over path, so path holds either its old content or all of the new. A
// path that is a symbolic link is refused (see ErrLink). The temporary
// file is owner-only from its first byte, and removed on any failure.
// what names the file in the error a person sees ("the letter", "the chart").
func Write(path, what string, perm os.FileMode, write func(io.Writer) error) error {
	fail := func(err error) error {
		why := err
		var pe *fs.PathError
		if errors.As(err, &pe) {
			why = pe.Err // the temporary file's name would only confuse
		}
		if errors.Is(err, syscall.ENOSPC) {
			return &data.UserError{Err: fmt.Errorf("%w: %w", ErrDiskFull, err), Message: fmt.Sprintf(
				"Could not save %s as %s: the disk is full. Nothing was left half-written. Please make room on that disk, "+
					"for example by emptying the computer's rubbish bin or removing large files you no longer need, and then try again.",
				what, path)}
		}
		return &data.UserError{Err: err, Message: fmt.Sprintf(
			"Could not save %s as %s (%v). Please check the folder exists, that you can write to it, and that the disk has space.",
			what, path, why)}
	}
	if err := RefuseLink(path, what); err != nil {
		return err
	}
	// CreateTemp makes the file with mode 0600: owner-only from the start.
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+partialMark+"*")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name()) // nothing to remove once renamed
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fail(err)
	}
	return nil
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path, what string, perm os.FileMode, content []byte) error {
	return Write(path, what, perm, func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	})
}
