// Package store keeps the records in one SQLite file in the data folder.
// Every write is one immediate transaction, so nothing is ever half-saved.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	"secondopinion/data"

	_ "modernc.org/sqlite" // the "sqlite" driver, pure Go
)

// FileName is the database's name inside the data folder.
const FileName = "secondopinion.db"

// Store is an open database. It is safe to use from several goroutines.
type Store struct {
	db      *sql.DB
	d       dialect         // which engine db is
	host    string          // on a server: its name and database, for messages
	address string          // on a server: the address it was opened with
	cfg     *pgx.ConnConfig // on a server: how to connect, for listening to other desks
	desk    string          // on a server: this program's name for its connections, to tell its own changes
	member  Member          // on a server: who signed in (team.go)
	dir     string
	path    string
	lock    *DirLock // held by OpenExclusive until Close
	guard   guard    // protection with a passphrase, and the key once unlocked
	ro      bool     // the file can only be read

	recovered string       // what opening found interrupted and finished or undid
	folder    FolderAccess // who else may open the data folder (folder.go)
	who       atomic.Value // the audit log's name for the user (audit.go)

	commitsMu    sync.Mutex
	commitsFile  *os.File // the count of commits, beside the database
	commitsNoted int64

	hooks       commitHooks   // tests only: where a commit's connection is cut
	retryWindow time.Duration // tests only: how long a save waits for a lost server

	// Now is the clock for created and updated times; tests replace it.
	Now func() time.Time
}

// Open opens (creating if needed) the database in dir and brings its
// schema up to date. A database from a newer version of the program, one
// that is damaged, or a file that is not our records is refused and left
// exactly as it was.
func Open(dir string) (*Store, error) { return open(dir, nil) }

// open is Open for a caller that may already hold the folder's lock.
func open(dir string, held *DirLock) (*Store, error) {
	s, err := openIn(dir, held)
	return s, diskFull(err, doingOpen, dir)
}

func openIn(dir string, held *DirLock) (*Store, error) {
	if dir == "" {
		return nil, &data.UserError{Message: "No data folder was given."}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, &data.UserError{
			Message: fmt.Sprintf("The data folder %s could not be created: %v. Please choose a folder you can write to.", dir, err),
			Err:     err,
		}
	}
	folder := checkFolder(dir)
	path := filepath.Join(dir, FileName)
	if err := readOnlyProblem(path); err != nil {
		return nil, err
	}
	recovered, err := settle(dir, path, held)
	if err != nil {
		return nil, err
	}
	if err := inspectFile(context.Background(), path); err != nil {
		return nil, err
	}
	if err := checkNothingLost(context.Background(), path); err != nil {
		return nil, err
	}
	if !canWrite(path) || !folderWritable(dir) {
		s, err := OpenReadOnly(dir)
		if s != nil {
			s.folder = folder
		}
		return s, err
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, explain(err)
	}
	s := &Store{db: db, dir: dir, path: path, Now: time.Now, recovered: recovered, folder: folder}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// OpenReadOnly opens the records in dir for reading only. Open uses it for
// a database whose file cannot be written, so the records can still be
// read; the program shows a banner saying so.
func OpenReadOnly(dir string) (*Store, error) {
	s, err := openReadOnly(dir)
	return s, diskFull(err, doingOpen, dir)
}

func openReadOnly(dir string) (*Store, error) {
	path := filepath.Join(dir, FileName)
	if err := readOnlyProblem(path); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path + "-journal"); err == nil && hotJournal(path) {
		return nil, &data.UserError{Message: "A change to these records was interrupted and must be undone before they can be read, " +
			"but the file is read-only. Please make it writable and open the program again."}
	}
	if err := inspectFile(context.Background(), path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, explain(err)
	}
	s := &Store{db: db, dir: dir, path: path, Now: time.Now, ro: true}
	v, err := s.SchemaVersion(context.Background())
	if err != nil {
		db.Close()
		return nil, err
	}
	if v < LatestSchema() {
		db.Close()
		return nil, &data.UserError{Message: "These records are read-only and were saved by an older version of " +
			"Second Opinion, so they cannot be opened until they can be updated. Please make the file writable and try again."}
	}
	return s, nil
}

// Recovered says what opening found interrupted by a crash and put right,
// in words for the person; "" when nothing was.
func (s *Store) Recovered() string { return s.recovered }

// ReadOnly reports whether the records can only be read.
func (s *Store) ReadOnly() bool { return s.ro }

// dsn is the connection string: WAL so readers never block the writer,
// synchronous=FULL so a commit survives a power cut, foreign keys on, and
// immediate transactions so a read-then-write never fails half-way.
//
// Reading a WAL database needs its shared-memory file beside it, which a
// folder that cannot be written to (a read-only disk, a folder without
// write permission) cannot hold. There the file is opened as immutable,
// which needs none, unless a log with changes not yet folded into the file
// is there: immutable would not read it, and the newest changes would
// silently be missing, so it is read as usual (see readOnlyProblem).
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_time_format", "sqlite")
	if readOnly {
		q.Add("mode", "ro")
		if !folderWritable(filepath.Dir(path)) && !hasLog(path) {
			q.Add("immutable", "1")
		}
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Add("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// hasLog reports whether a write-ahead log with content is beside path.
func hasLog(path string) bool {
	info, err := os.Stat(path + "-wal")
	return err == nil && info.Size() > 0
}

// readOnlyProblem explains why records in a folder that cannot be written
// to cannot be read, when that is the reason; nil otherwise.
func readOnlyProblem(path string) error {
	if folderWritable(filepath.Dir(path)) || !hasLog(path) {
		return nil
	}
	if _, err := os.Stat(path + "-shm"); err == nil {
		return nil
	}
	return &data.UserError{Message: "The newest changes to these records are in a log file beside them that can only be read " +
		"from a folder that can be written to, and this folder cannot be. Nothing was changed. Please copy the whole data folder " +
		"somewhere you can write to, and open the copy."}
}

// Close closes the database and lets go of the folder's lock.
func (s *Store) Close() error {
	err := s.db.Close()
	s.commitsMu.Lock()
	if s.commitsFile != nil {
		s.commitsFile.Close()
		s.commitsFile = nil
	}
	s.commitsMu.Unlock()
	s.lock.Release()
	return err
}

// Dir is the data folder; Path the database file inside it.
func (s *Store) Dir() string  { return s.dir }
func (s *Store) Path() string { return s.path }

// ErrNewer is returned, wrapped in a UserError, for a database saved by a
// newer version of the program.
var ErrNewer = errors.New("database from a newer version")

// ErrDamaged is returned, wrapped in a UserError, for a damaged database.
var ErrDamaged = errors.New("database damaged")

func damaged(detail string) error {
	return &data.UserError{
		Message: "The database is damaged and cannot be used safely. Nothing has been written to it. " +
			"Please restore your most recent backup.",
		Err: fmt.Errorf("%w: %s", ErrDamaged, detail),
	}
}

// explain turns SQLite's errors into words a person can act on.
func explain(err error) error {
	if err == nil {
		return nil
	}
	var ue *data.UserError
	var ps data.Problems
	if errors.As(err, &ue) || errors.As(err, &ps) || errors.Is(err, data.ErrNotFound) {
		return err
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked"):
		return &data.UserError{Err: err, Message: "The data is busy: another copy of Second Opinion may be using it. " +
			"Please close the other copy and try again. Nothing was changed."}
	case isDiskFull(err):
		return &data.UserError{Err: fmt.Errorf("%w: %w", ErrDiskFull, err), Message: doingSave + " " + makeRoom("")}
	case strings.Contains(msg, "SQLITE_READONLY") || strings.Contains(msg, "readonly database"):
		return &data.UserError{Err: err, Message: "The data can only be read, not changed (the file or folder is read-only). " +
			"Please check its permissions."}
	case strings.Contains(msg, "SQLITE_CORRUPT") || strings.Contains(msg, "malformed") ||
		strings.Contains(msg, "SQLITE_NOTADB") || strings.Contains(msg, "not a database"):
		return damaged(msg)
	case sqliteCode(err)&0xff == sqliteIOErr || strings.Contains(msg, "disk I/O error"):
		return &data.UserError{Err: err, Message: "The computer could not read or write the records file (a disk error). " +
			"Nothing more was changed. Please check that the disk and the data folder are still there, then try again."}
	case strings.Contains(msg, "SQLITE_CANTOPEN") || strings.Contains(msg, "unable to open"):
		return &data.UserError{Err: err, Message: "The data file could not be opened. Please check that the data folder exists and that you can write to it."}
	}
	return err
}

// ErrNoRecords is returned, wrapped in a UserError, by OpenExisting for a
// folder that holds no database: a mistyped folder name should not quietly
// become a new, empty set of records.
var ErrNoRecords = errors.New("no database in the folder")

// OpenExisting opens the records in dir, refusing a folder without them.
func OpenExisting(dir string) (*Store, error) {
	if _, err := os.Stat(filepath.Join(dir, FileName)); errors.Is(err, os.ErrNotExist) {
		return nil, &data.UserError{Err: ErrNoRecords, Message: fmt.Sprintf(
			"There are no Second Opinion records in %s. Please check the folder's name.", dir)}
	}
	return Open(dir)
}
