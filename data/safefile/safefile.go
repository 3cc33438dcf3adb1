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

	"secondopinion/data"
)

// Private is for files that may name people: readable by their owner only.
const Private os.FileMode = 0o600

// Shared is for files that name nobody (a chart, a calendar of dates).
const Shared os.FileMode = 0o644

// Write writes to a temporary file beside path, syncs it, and renames it
// over path, so path holds either its old content or all of the new. what
// names the file in the error a person sees ("the letter", "the chart").
func Write(path, what string, perm os.FileMode, write func(io.Writer) error) error {
	fail := func(err error) error {
		why := err
		var pe *fs.PathError
		if errors.As(err, &pe) {
			why = pe.Err // the temporary file's name would only confuse
		}
		return &data.UserError{Err: err, Message: fmt.Sprintf(
			"Could not save %s as %s (%v). Please check the folder exists, that you can write to it, and that the disk has space.",
			what, path, why)}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
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
