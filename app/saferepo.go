package app

import (
	"bytes"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	"secondopinion/data/safefile"
)

// Fyne's save dialog opens the chosen file for writing as soon as the
// person presses Save, before our code runs: an existing file is emptied,
// a symbolic link is followed and its target emptied, and a new file is
// made readable by everyone for a moment. Letters, reports and backups
// hold health details, so the window replaces the "file" scheme's writer
// with one that touches nothing until it is closed, and then writes the
// whole file owner-only, atomically, and never through a link.

// fileRepository is everything Fyne's own file repository does.
type fileRepository interface {
	repository.WritableRepository
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// safeFiles is Fyne's file repository with a safe writer.
type safeFiles struct{ fileRepository }

// useSafeFileWriter registers the safe writer for the "file" scheme. It
// does nothing if the driver's file repository is not the expected kind.
func useSafeFileWriter() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(*safeFiles); done {
		return
	}
	if fr, ok := r.(fileRepository); ok {
		repository.Register("file", &safeFiles{fr})
	}
}

// Writer returns a writer that keeps what is written in memory and
// writes the file only on Close; closed with nothing written, it leaves
// the disk as it was.
func (r *safeFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &safeWriter{uri: u}, nil
}

// Appender keeps Fyne's behaviour: nothing in the program appends.
func (r *safeFiles) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	return r.fileRepository.Appender(u)
}

type safeWriter struct {
	uri     fyne.URI
	buf     bytes.Buffer
	written bool
	closed  bool
}

func (w *safeWriter) URI() fyne.URI { return w.uri }

func (w *safeWriter) Write(p []byte) (int, error) {
	if w.closed {
		return 0, errors.New("write to a closed file")
	}
	w.written = true
	return w.buf.Write(p)
}

func (w *safeWriter) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	if !w.written {
		return nil
	}
	return safefile.WriteBytes(w.uri.Path(), "the file", safefile.Private, w.buf.Bytes())
}
