package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"secondopinion/data/store"
)

// Progress for the commands that can take a while (demo with thousands of
// people, backup, restore, a large report): one line on stderr, rewritten
// in place, and wiped when the command is done. It is shown only when
// stderr is a terminal, so scripts, cron and pipes see nothing of it.

// isTerminal reports whether w is a terminal (a character device: a
// console or a terminal; a pipe or a file is not). A variable, so a test
// can stand in for a terminal.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressDelay is how long a command runs before its progress shows, so
// that quick ones never flicker; progressEvery is how often it redraws.
var (
	progressDelay = 400 * time.Millisecond
	progressEvery = 250 * time.Millisecond
)

// progress draws one line: what is being done, how far (when detail says),
// and for how long.
type progress struct {
	w      io.Writer
	start  time.Time
	mu     sync.Mutex
	label  string
	detail func() string // may be nil
	width  int           // of the line last drawn, to wipe it
	stopc  chan struct{}
	done   sync.WaitGroup
}

// startProgress starts showing label on w, if w is a terminal; otherwise it
// returns a progress that does nothing. Call stop when the work is done.
func startProgress(w io.Writer, label string, detail func() string) *progress {
	if !isTerminal(w) {
		return nil
	}
	p := &progress{w: w, start: time.Now(), label: label, detail: detail, stopc: make(chan struct{})}
	p.done.Add(1)
	go p.run()
	return p
}

// set changes what the line says is being done.
func (p *progress) set(label string, detail func() string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.label, p.detail = label, detail
	p.mu.Unlock()
}

// stop wipes the line; it is safe to call more than once, and on nil.
func (p *progress) stop() {
	if p == nil {
		return
	}
	select {
	case <-p.stopc:
		return
	default:
	}
	close(p.stopc)
	p.done.Wait()
	if p.width > 0 {
		fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.width)+"\r")
	}
}

func (p *progress) run() {
	defer p.done.Done()
	if progressDelay > 0 {
		select {
		case <-p.stopc:
			return
		case <-time.After(progressDelay):
		}
	}
	t := time.NewTicker(progressEvery)
	defer t.Stop()
	for {
		p.draw()
		select {
		case <-p.stopc:
			return
		case <-t.C:
		}
	}
}

func (p *progress) draw() {
	p.mu.Lock()
	label, detail := p.label, p.detail
	p.mu.Unlock()
	line := label + "…"
	if detail != nil {
		if d := detail(); d != "" {
			line += " " + d
		}
	}
	line += fmt.Sprintf(" (%d s)", int(time.Since(p.start).Seconds()))
	// Pad over what was there, without terminal escapes (which an older
	// Windows console would print as they are).
	pad := max(0, p.width-len([]rune(line)))
	fmt.Fprint(p.w, "\r"+line+strings.Repeat(" ", pad))
	p.width = max(p.width, len([]rune(line)))
}

// counted says "n of total".
func counted(n func() int, total int) func() string {
	return func() string { return fmt.Sprintf("%d of %d", n(), total) }
}

// fileShare says how much of want bytes a file being written to path
// holds so far, as a percentage short of 100 (the file can outgrow the
// estimate). The file may be written under a passing name that starts
// with path's, and renamed when it is complete.
func fileShare(path string, want int64) func() string {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	return func() string {
		es, err := os.ReadDir(dir)
		if err != nil || want <= 0 {
			return ""
		}
		var size int64
		for _, e := range es {
			if strings.Contains(e.Name(), base) {
				if fi, err := e.Info(); err == nil {
					size = max(size, fi.Size())
				}
			}
		}
		return fmt.Sprintf("%d%%", min(99, size*100/want))
	}
}

// folderSize is the size of the files directly in dir, in bytes.
func folderSize(dir string) int64 {
	es, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var n int64
	for _, e := range es {
		if fi, err := e.Info(); err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
	}
	return n
}

// savedSoFar is written for a data folder, and nothing for a team's
// server, whose files are not this computer's to count.
func savedSoFar(st *store.Store) func() string {
	if st.ServerName() != "" {
		return nil
	}
	return written(st.Dir())
}

// written says how many megabytes the files in dir hold.
func written(dir string) func() string {
	return func() string { return fmt.Sprintf("%.1f MB written", float64(folderSize(dir))/1e6) }
}

// databaseSize is the size of the records' database in dir with its
// write-ahead log, roughly the size of a backup of it.
func databaseSize(dir string) int64 {
	var n int64
	for _, f := range []string{store.FileName, store.FileName + "-wal"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err == nil {
			n += fi.Size()
		}
	}
	return n
}
