package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"secondopinion/data"
)

// A save on a team's server that loses its connection (a Wi-Fi drop, the
// server restarting) is tried again while the server comes back, and is
// never made twice. A transaction cut off before its COMMIT reached the
// server is rolled back there, so it is simply run again. One whose COMMIT
// was sent but whose answer was lost may or may not have been made: the
// server is asked, by the transaction's id taken just before the COMMIT,
// and only if it was not made is it run again. Whatever the lost
// connection left open on the server is ended first, so that it lets go
// of its records.
//
// So the function given to inTx may run more than once: it must not
// change what it reads (a record's version, say) but leave its results
// to be set once inTx has returned nil.

// How long a save waits for a lost server before saying it was not made,
// the waits between tries (short at first, as most losses are brief), and
// how long each question to the server may take.
const (
	saveRetryFor     = 15 * time.Second
	firstRetryWait   = 250 * time.Millisecond
	longestRetryWait = 2 * time.Second
	askTimeout       = 5 * time.Second
)

// The transaction's id and when the server last started, and later
// whether it was committed: "committed", "aborted" or "in progress"
// (PostgreSQL 13 and newer; the team needs 15).
const (
	currentXactSQL = "SELECT pg_current_xact_id()::text, pg_postmaster_start_time()::text"
	xactStatusSQL  = "SELECT pg_xact_status(?::xid8), pg_postmaster_start_time()::text"
)

// endAbandonedSQL ends the server's side of a connection this desk lost
// (the process it had, named as this desk names its connections, and not
// the one asking), and with it the transaction it left open: the server
// rolls it back and lets go of its records. With a transaction id, only
// while that process is still in that very transaction. (A member may end
// their own connections.)
const (
	endAbandonedSQL = "SELECT pg_terminate_backend(pid, 2000) FROM pg_stat_activity WHERE pid = ? " +
		"AND application_name = current_setting('application_name') AND pid <> pg_backend_pid()"
	endAbandonedTxSQL = endAbandonedSQL + " AND backend_xid = ?::xid8::xid"
)

// attempt is one try at a transaction: the server's process for its
// connection, and, once its COMMIT was about to be sent, its id and when
// the server had last started.
type attempt struct {
	pid     uint32
	gone    bool // its connection is closed: the loss was real
	xid     string
	started string
}

// backendPID is the server's process for conn, as the driver knows it.
func backendPID(conn *sql.Conn) (pid uint32) {
	conn.Raw(func(dc any) error {
		if c, ok := dc.(serverConn); ok {
			pid = c.Conn.Conn().PgConn().PID()
		}
		return nil
	})
	return pid
}

// connectionGone reports whether conn has been closed under its last use.
func connectionGone(conn *sql.Conn) bool {
	gone := true
	conn.Raw(func(dc any) error {
		if c, ok := dc.(serverConn); ok {
			gone = c.Conn.Conn().PgConn().IsClosed()
		}
		return nil
	})
	return gone
}

// commitHooks let the tests cut the connection at the two moments that
// matter: before the COMMIT is sent, and after it was made.
type commitHooks struct {
	beforeCommit func(ctx context.Context, tx *sql.Tx)
	afterCommit  func() error // an error here stands for the answer being lost
}

// serverTx runs fn in one transaction on the server, trying it again as
// above when the connection is lost. The time to wait for the server runs
// from the first loss: noticing it can itself take a while.
func (s *Store) serverTx(ctx context.Context, fn func(tx txn) error) error {
	var giveUp time.Time
	wait := firstRetryWait
	for {
		try, err := s.tryServerTx(ctx, fn)
		if err == nil || !cannotReach(err) || ctx.Err() != nil {
			return s.failed(err)
		}
		if giveUp.IsZero() {
			giveUp = time.Now().Add(s.retryFor())
		}
		switch s.whenBack(ctx, try, giveUp, &wait) {
		case wasMade:
			return nil
		case wasNotMade:
			continue
		case neverBack:
			if try.xid == "" {
				return notSaved(err) // no COMMIT was sent: certainly not made
			}
			return s.failed(err) // it may have been made: the person is asked to look
		case unknowable:
			return s.failed(err)
		}
	}
}

// tryServerTx runs fn and commits, on a connection of its own so that its
// process on the server is known without asking.
func (s *Store) tryServerTx(ctx context.Context, fn func(tx txn) error) (try attempt, err error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return try, err
	}
	defer conn.Close()
	try.pid = backendPID(conn)
	defer func() { try.gone = err != nil && connectionGone(conn) }()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return try, err
	}
	defer tx.Rollback() // also if fn panics: the connection is let go only once the transaction is
	if err := fn(tx); err != nil {
		return try, err
	}
	var xid, started string
	if err := tx.QueryRowContext(ctx, currentXactSQL).Scan(&xid, &started); err != nil {
		return try, err
	}
	try.xid, try.started = xid, started
	if s.hooks.beforeCommit != nil {
		s.hooks.beforeCommit(ctx, tx)
	}
	if err := tx.Commit(); err != nil {
		return try, err
	}
	if s.hooks.afterCommit != nil {
		return try, s.hooks.afterCommit()
	}
	return try, nil
}

// madeOrNot is what became of a transaction whose connection was lost.
type madeOrNot int

const (
	wasMade    madeOrNot = iota
	wasNotMade           // so it may be run again
	stillOpen            // the server has it open, or cannot say yet
	neverBack            // the server did not come back in time
	unknowable           // the server cannot tell (it restarted: see verdict)
)

// whenBack waits for the server to answer again, ends what the lost
// connection left open there, and, for a transaction whose COMMIT was
// sent, asks whether it was made.
func (s *Store) whenBack(ctx context.Context, try attempt, giveUp time.Time, wait *time.Duration) madeOrNot {
	for {
		left := time.Until(giveUp)
		if left <= 0 {
			return neverBack
		}
		select {
		case <-ctx.Done():
			return neverBack
		case <-time.After(min(*wait, left)):
		}
		*wait = min(*wait*2, longestRetryWait)
		if try.xid == "" {
			// No COMMIT was sent: not made. If its connection really went,
			// what it left open on the server is ended, or running it
			// again would wait on the records it holds.
			if !try.gone {
				if s.ask(ctx, func(ctx context.Context) error { return s.db.PingContext(ctx) }) != nil {
					continue
				}
				return wasNotMade
			}
			if err := s.ask(ctx, func(ctx context.Context) error {
				_, err := s.db.ExecContext(ctx, endAbandonedSQL, try.pid)
				return err
			}); err != nil && cannotReach(err) {
				continue
			}
			return wasNotMade
		}
		switch v := s.verdictOn(ctx, try); v {
		case stillOpen:
			// The server has not seen the connection go. Most likely the
			// COMMIT never arrived and the transaction waits for it,
			// holding its records. Ending it settles the matter either way
			// (one being committed just then still counts as made).
			s.ask(ctx, func(ctx context.Context) error {
				_, err := s.db.ExecContext(ctx, endAbandonedTxSQL, try.pid, try.xid)
				return err
			})
			if v := s.verdictOn(ctx, try); v != stillOpen {
				return v
			}
		default:
			return v
		}
	}
}

// verdictOn asks the server what became of try.
func (s *Store) verdictOn(ctx context.Context, try attempt) madeOrNot {
	var status, started sql.NullString
	err := s.ask(ctx, func(ctx context.Context) error {
		return s.db.QueryRowContext(ctx, xactStatusSQL, try.xid).Scan(&status, &started)
	})
	if err != nil {
		if inTheFuture(err) {
			return wasNotMade // after a crash: the id was never made to last
		}
		return stillOpen
	}
	return verdict(status.String, started.String != try.started)
}

// verdict is what a transaction's status says of it. After the server has
// started again it may have crashed, and a transaction whose COMMIT never
// reached its disk gave its id back to be handed out again: "committed"
// may then be someone else's. "aborted" holds either way: had this one
// been committed, its id could not have been handed out again.
func verdict(status string, restarted bool) madeOrNot {
	switch status {
	case "committed":
		if restarted {
			return unknowable
		}
		return wasMade
	case "aborted":
		return wasNotMade
	case "in progress":
		if restarted {
			return wasNotMade // a transaction open now cannot be one from before the restart
		}
	}
	return stillOpen
}

// inTheFuture reports whether err is the server saying a transaction id
// is beyond any it has handed out: one lost in a crash. (Asked of
// pg_xact_status, "invalid parameter value" can mean only that.)
func inTheFuture(err error) bool {
	return sqlState(err) == "22023"
}

// ask runs one question to the server, with a time limit.
func (s *Store) ask(ctx context.Context, q func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, askTimeout)
	defer cancel()
	return q(ctx)
}

// retryFor is how long saves wait for a lost server (shorter in tests).
func (s *Store) retryFor() time.Duration {
	if s.retryWindow > 0 {
		return s.retryWindow
	}
	return saveRetryFor
}

// cannotReach reports whether err is the server being out of reach: a
// connection lost, refused or timed out, which may come right again. An
// answer from the server counts only if it says so by its code (see
// lostConnection): its words may quote what was saved.
func cannotReach(err error) bool {
	var ue *data.UserError
	if err == nil || errors.As(err, &ue) {
		return false
	}
	return lostConnection(err) || (sqlState(err) == "" && unreachableWords(err.Error()))
}

// notSaved is the error for a save that certainly was not made because the
// server could not be reached.
func notSaved(err error) error {
	return &data.UserError{Err: errors.Join(ErrServerUnreachable, err), Message: "The team's server cannot be reached " +
		"(the network or the server may be down), so this was not saved. What you typed is still here: " +
		"please save it again once the connection is back."}
}
