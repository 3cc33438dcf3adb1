package store

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"os/user"
	"strings"
	"sync"
	"time"
)

// The audit log answers a data protection officer's question "who looked
// at, printed, exported, erased or changed what, and when". Each entry is
// the time, who, the action, the kind of record and its id: never a value
// or a name, so the log needs no sealing and stays after the person it
// names is erased (naming only an id nothing else holds then).
//
// Changes are noted by the store's write paths in the same transaction as
// the change, so the log and the records cannot disagree. What only the
// window or a command knows (a page opened, a letter printed, a copy
// exported) is noted through Note.

// Actions in the audit log.
const (
	AuditOpened      = "opened"
	AuditPrinted     = "printed"
	AuditExported    = "exported"
	AuditErased      = "erased"
	AuditAnonymised  = "anonymised"
	AuditCreated     = "created"
	AuditChanged     = "changed"
	AuditDeleted     = "deleted"
	AuditProtected   = "protected"
	AuditUnprotected = "unprotected"
	AuditRestored    = "restored" // the records replaced by a backup's
)

// AuditActions are the actions, in the order a list offers them.
var AuditActions = []string{AuditOpened, AuditPrinted, AuditExported, AuditErased, AuditAnonymised,
	AuditCreated, AuditChanged, AuditDeleted, AuditProtected, AuditUnprotected, AuditRestored}

// Kinds of record in the audit log, besides the tables' own (kindOf).
const (
	AuditPerson     = "person"
	AuditRequest    = "request"
	AuditLetter     = "letter"
	AuditRecords    = "records"      // the whole caseload (protection, a backup)
	AuditReport     = "report"       // figures or rows for a period
	AuditPassphrase = "passphrase"   // the passphrase or the recovery key
	AuditAuditLog   = "audit log"    // the log itself, exported
	AuditRecovery   = "recovery key" // a new recovery key
)

// kindOf is the audit log's word for a record of each table.
var kindOf = map[string]string{"people": AuditPerson, "requests": AuditRequest, "letters": AuditLetter,
	"steps": "step", "contacts": "contact"}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	Seq    int64
	At     time.Time
	Who    string
	Action string
	Kind   string
	Record string // the record's id; "" for the whole caseload
}

// Who is the name the audit log gives whoever uses the records: the
// computer's user name unless a desk name was given with SetWho.
func (s *Store) Who() string {
	if v, _ := s.who.Load().(string); v != "" {
		return v
	}
	return osUser()
}

// SetWho names whoever uses the records from now on, in the audit log (a
// desk's name on a shared surgery computer). "" goes back to the
// computer's user name.
func (s *Store) SetWho(name string) { s.who.Store(strings.TrimSpace(name)) }

// osUser is the computer's name for the person logged in, looked up once.
var osUser = sync.OnceValue(func() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, env := range []string{"USER", "USERNAME", "LOGNAME"} {
		if v := os.Getenv(env); v != "" {
			return v
		}
	}
	return "unknown"
})

const noteSQL = "INSERT INTO audit (at, who, action, kind, record) VALUES (?, ?, ?, ?, ?)"

// note adds an entry to the audit log inside tx. On a server the entry is
// the signed-in member's, stamped by the server (see server_audit.go).
func (s *Store) note(ctx context.Context, tx txn, action, kind, id string) error {
	if s.d == onServer {
		if action == AuditCreated || action == AuditChanged || action == AuditDeleted {
			return nil // changes are the server's triggers' to note
		}
		_, err := tx.ExecContext(ctx, "SELECT team_note(?, ?, ?)", action, kind, id)
		return err
	}
	_, err := tx.ExecContext(ctx, noteSQL, formatTime(s.now()), s.Who(), action, kind, id)
	return err
}

// noteSaveSQL notes a save of a record of table as created or changed,
// whichever it is: run just before the save, in its transaction.
func noteSaveSQL(table string) string {
	return "INSERT INTO audit (at, who, action, kind, record) VALUES (?1, ?2, CASE WHEN EXISTS (SELECT 1 FROM " + table +
		" WHERE id = ?3) THEN '" + AuditChanged + "' ELSE '" + AuditCreated + "' END, '" + kindOf[table] + "', ?3)"
}

// noteSave notes, in tx, that the record of table with this id is about
// to be saved.
func (s *Store) noteSave(ctx context.Context, tx txn, table, id string) error {
	if s.d == onServer {
		return nil // the server's triggers note every change
	}
	_, err := tx.ExecContext(ctx, noteSaveSQL(table), formatTime(s.now()), s.Who(), id)
	return err
}

// saveNoted runs one save of a record of table in its own transaction,
// noting it in the audit log.
func (s *Store) saveNoted(ctx context.Context, table, id, query string, args []any) error {
	return s.inTx(ctx, func(tx txn) error {
		if err := s.noteSave(ctx, tx, table, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, query, args...)
		return err
	})
}

// Note adds an entry to the audit log for what the window or a command
// did with a record: opened, printed or exported it. Records that can
// only be read cannot take a note, and get none.
func (s *Store) Note(ctx context.Context, action, kind, id string) error {
	if s.ro {
		return nil
	}
	return s.inTx(ctx, func(tx txn) error { return s.note(ctx, tx, action, kind, id) })
}

// AuditFilter chooses entries of the audit log.
type AuditFilter struct {
	Action string    // "" for every action
	Since  time.Time // only entries from then on; zero for all
	Limit  int       // at most this many, newest first; 0 for all
}

const selectAuditSQL = "SELECT seq, at, who, action, kind, record FROM audit"

// where is the filter's condition, for d.
func (f AuditFilter) where(d dialect) (string, []any) {
	var conds []string
	var args []any
	if f.Action != "" {
		action := f.Action
		if d == onServer {
			action = toServerAction(action)
		}
		conds = append(conds, "action = ?")
		args = append(args, action)
	}
	if !f.Since.IsZero() {
		conds = append(conds, "at >= ?")
		if d == onServer {
			args = append(args, f.Since.UTC())
		} else {
			args = append(args, formatTime(f.Since))
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (f AuditFilter) query(d dialect) (string, []any) {
	where, args := f.where(d)
	q := selectAuditSQL + where + " ORDER BY seq DESC"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	return q, args
}

func (s *Store) scanAudit(row scanner) (AuditEntry, error) {
	var e AuditEntry
	err := row.Scan(&e.Seq, timeField{&e.At}, &e.Who, &e.Action, &e.Kind, &e.Record)
	if s.d == onServer {
		e = fromServer(e)
	}
	return e, err
}

// AuditLog returns the entries the filter chooses, newest first, and how
// many there are in all.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, int, error) {
	if !s.Member().Can(ReadAuditLog) {
		return nil, 0, refused("read the audit log")
	}
	q, args := f.query(s.d)
	list, err := queryList(ctx, s.db, s.scanAudit, q, args...)
	if err != nil {
		return nil, 0, s.failed(err)
	}
	where, cargs := f.where(s.d)
	count := "SELECT count(*) FROM audit" + where
	var n int
	if err := s.db.QueryRowContext(ctx, count, cargs...).Scan(&n); err != nil {
		return nil, 0, explainRead(err)
	}
	return list, n, nil
}

// WriteAuditCSV writes the entries the filter chooses to w as CSV, newest
// first, with a heading line: when (in UTC), who, action, kind, record.
func (s *Store) WriteAuditCSV(ctx context.Context, w io.Writer, f AuditFilter) error {
	if !s.Member().Can(ReadAuditLog) {
		return refused("read the audit log")
	}
	q, args := f.query(s.d)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return s.failed(err)
	}
	defer rows.Close()
	cw := csv.NewWriter(w)
	cw.Write([]string{"when", "who", "action", "kind", "record"})
	for rows.Next() {
		e, err := s.scanAudit(rows)
		if err != nil {
			return explainRead(err)
		}
		cw.Write([]string{e.At.UTC().Format(time.RFC3339), safeCell(e.Who), e.Action, e.Kind, e.Record})
	}
	if err := rows.Err(); err != nil {
		return explainRead(err)
	}
	cw.Flush()
	return cw.Error()
}

// safeCell keeps a spreadsheet from running a user name as a formula.
func safeCell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
