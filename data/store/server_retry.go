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
// server was rolled back by the server, so it is simply run again. One
// whose COMMIT was sent but whose answer was lost may or may not have
// been made: the server is asked, by the transaction's id taken just
// before the COMMIT, and only if it was not made is it run again.
//
// So the function given to inTx may run more than once: it must not
// change what it reads (a record's version, say) but leave its results
// to be set once inTx has returned nil.

// How long a save waits for a lost server before saying it was not made,
// and the waits between tries: short at first, as most losses are brief.
const (
	saveRetryFor     = 15 * time.Second
	firstRetryWait   = 250 * time.Millisecond
	longestRetryWait = 2 * time.Second
	pingTimeout      = 5 * time.Second
)

// The transaction's id and its connection's process on the server, and
// later whether it was committed: "committed", "aborted" or "in progress"
// (PostgreSQL 13 and newer; the team needs 15).
const (
	currentXactSQL = "SELECT pg_current_xact_id()::text, pg_backend_pid()"
	xactStatusSQL  = "SELECT pg_xact_status(?::xid8)"
)

// endAbandonedSQL ends the server's side of a connection this desk lost
// with its transaction still open, its COMMIT never having arrived: that
// process, only while it is still in that very transaction. The server
// then rolls it back, lets go of its records, and the save can be made
// again at once. (A member may end their own connections.)
const endAbandonedSQL = "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE pid = ? AND backend_xid = ?::xid8::xid"

// sentTx is a transaction whose COMMIT was sent; the zero value is one
// whose COMMIT never was.
type sentTx struct {
	xid string
	pid int
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
		sent, err := s.tryServerTx(ctx, fn)
		if err == nil || !cannotReach(err) || ctx.Err() != nil {
			return s.failed(err)
		}
		if giveUp.IsZero() {
			giveUp = time.Now().Add(s.retryFor())
		}
		switch s.whenBack(ctx, sent, giveUp, &wait) {
		case wasMade:
			return nil
		case wasNotMade:
			continue
		case neverBack:
			if sent.xid == "" {
				return notSaved(err) // no COMMIT was sent: certainly not made
			}
			return s.failed(err) // it may have been made: the person is asked to look
		}
	}
}

// tryServerTx runs fn and commits, returning the transaction that was
// about to be committed when the COMMIT was sent.
func (s *Store) tryServerTx(ctx context.Context, fn func(tx txn) error) (sent sentTx, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return sentTx{}, err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return sentTx{}, err
	}
	var this sentTx
	if err := tx.QueryRowContext(ctx, currentXactSQL).Scan(&this.xid, &this.pid); err != nil {
		tx.Rollback()
		return sentTx{}, err
	}
	if s.hooks.beforeCommit != nil {
		s.hooks.beforeCommit(ctx, tx)
	}
	if err := tx.Commit(); err != nil {
		return this, err
	}
	if s.hooks.afterCommit != nil {
		return this, s.hooks.afterCommit()
	}
	return this, nil
}

// madeOrNot is what became of a transaction whose connection was lost.
type madeOrNot int

const (
	wasMade    madeOrNot = iota
	wasNotMade           // so it may be run again
	neverBack            // the server did not come back in time
)

// whenBack waits for the server to answer again, then, for a transaction
// whose COMMIT was sent, asks whether it was made.
func (s *Store) whenBack(ctx context.Context, sent sentTx, giveUp time.Time, wait *time.Duration) madeOrNot {
	for {
		if time.Now().Add(*wait).After(giveUp) {
			return neverBack
		}
		select {
		case <-ctx.Done():
			return neverBack
		case <-time.After(*wait):
		}
		*wait = min(*wait*2, longestRetryWait)
		pingCtx, cancel := context.WithTimeout(ctx, pingTimeout)
		err := s.db.PingContext(pingCtx)
		cancel()
		if err != nil {
			continue
		}
		if sent.xid == "" {
			return wasNotMade
		}
		switch s.statusOf(ctx, sent.xid) {
		case "committed":
			return wasMade
		case "aborted":
			return wasNotMade
		case "in progress":
			// The server has not seen the connection go. Most likely the
			// COMMIT never arrived: the transaction waits for it and holds
			// its records. Ending it settles the matter either way (one
			// being committed just then still counts as made).
			s.db.ExecContext(ctx, endAbandonedSQL, sent.pid, sent.xid)
			switch s.statusOf(ctx, sent.xid) {
			case "committed":
				return wasMade
			case "aborted":
				return wasNotMade
			}
		}
	}
}

// statusOf is the server's word on a transaction, or "" if it cannot say.
func (s *Store) statusOf(ctx context.Context, xid string) string {
	var status sql.NullString
	if err := s.db.QueryRowContext(ctx, xactStatusSQL, xid).Scan(&status); err != nil {
		return ""
	}
	return status.String
}

// retryFor is how long saves wait for a lost server (shorter in tests).
func (s *Store) retryFor() time.Duration {
	if s.retryWindow > 0 {
		return s.retryWindow
	}
	return saveRetryFor
}

// cannotReach reports whether err is the server being out of reach: a
// connection lost, refused or timed out, which may come right again.
func cannotReach(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	if lostConnection(err) {
		return true
	}
	var ue *data.UserError
	if errors.As(err, &ue) {
		return false
	}
	return unreachableWords(err.Error())
}

// notSaved is the error for a save that certainly was not made because the
// server could not be reached.
func notSaved(err error) error {
	return &data.UserError{Err: errors.Join(ErrServerUnreachable, err), Message: "The team's server cannot be reached " +
		"(the network or the server may be down), so this was not saved. What you typed is still here: " +
		"please save it again once the connection is back."}
}
