package store

import (
	"context"
	"net"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// How soon a lost connection is noticed, on both sides.
//
// A desk: without these, a save sent into a network that has gone (Wi-Fi
// dropped, a cable pulled) waits for the system's own limits, two minutes
// to a quarter of an hour, before anyone is told. Keepalives notice a
// quiet connection gone; the send timeout (Linux, macOS and Windows each
// have one) one whose data is not acknowledged. Neither cuts a slow
// answer short: the server's computer acknowledges and answers keepalives
// while the server works on a long query.
//
// The server: a desk that vanished in the middle of a save leaves its
// transaction open there, holding its records against every other desk,
// for as long as the server's own keepalives take (two hours by default).
// The program never leaves a transaction waiting for more than moments,
// so one idle for a minute has been abandoned, and the server ends it.
const (
	connectTimeout     = 10 * time.Second
	keepAliveIdle      = 5 * time.Second
	keepAliveInterval  = 5 * time.Second
	keepAliveProbes    = 3
	unacknowledgedFor  = 20 * time.Second
	abandonedTxTimeout = "60000" // milliseconds
)

// noticeLostConnections sets cfg to notice a lost connection as above,
// keeping a connect timeout the address (or PGCONNECT_TIMEOUT) gives.
func noticeLostConnections(cfg *pgx.ConnConfig, address string) {
	if !addressGives(address, "connect_timeout") && os.Getenv("PGCONNECT_TIMEOUT") == "" {
		cfg.ConnectTimeout = connectTimeout
	}
	dialer := &net.Dialer{
		KeepAliveConfig: net.KeepAliveConfig{Enable: true, Idle: keepAliveIdle, Interval: keepAliveInterval, Count: keepAliveProbes},
		Control:         sendTimeout(unacknowledgedFor),
	}
	cfg.DialFunc = dialer.DialContext
}

// endAbandonedAfterSQL has the server end this connection's transaction if it
// is left waiting for a minute, unless whoever runs the server chose a
// limit of their own (for the server, the database, the member, or in the
// address's options).
const endAbandonedAfterSQL = "SELECT set_config('idle_in_transaction_session_timeout', '" + abandonedTxTimeout + "', false) " +
	"WHERE current_setting('idle_in_transaction_session_timeout') = '0'"

// limitAbandoned runs endAbandonedAfterSQL on each new connection (which
// the driver does not close if this fails).
func limitAbandoned(ctx context.Context, conn *pgx.Conn) error {
	_, err := conn.Exec(ctx, endAbandonedAfterSQL)
	if err != nil {
		conn.Close(ctx)
	}
	return err
}

// addressGives reports whether a postgres:// URL or a key=value address
// sets key itself.
func addressGives(address, key string) bool {
	if u, err := url.Parse(address); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		return u.Query().Has(key)
	}
	for _, part := range strings.Fields(address) {
		if k, _, ok := strings.Cut(part, "="); ok && strings.TrimSpace(k) == key {
			return true
		}
	}
	return false
}

// onTCP gives a dialer's Control that runs set on each TCP socket before
// it connects (the server may also be reached by a Unix socket, which has
// no such options).
func onTCP(set func(fd uintptr) error) func(network, address string, c syscall.RawConn) error {
	return func(network, _ string, c syscall.RawConn) error {
		if network != "tcp" && network != "tcp4" && network != "tcp6" {
			return nil
		}
		var err error
		if cerr := c.Control(func(fd uintptr) { err = set(fd) }); cerr != nil {
			return cerr
		}
		return err
	}
}
