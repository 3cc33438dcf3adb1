package store

import (
	"net"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// How soon a lost connection is noticed, on both sides.
//
// A desk: without these, a save sent into a network that has gone (Wi-Fi
// dropped, a cable pulled) waits for the system's own limits, two minutes
// and more, before anyone is told. Keepalives are answered by the
// server's computer even while the server works on a long query, so they
// never cut a slow answer short.
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
	abandonedTxTimeout = time.Minute
)

// noticeLostConnections sets cfg to notice a lost connection as above,
// keeping any timeout the address itself gives.
func noticeLostConnections(cfg *pgx.ConnConfig) {
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = connectTimeout
	}
	dialer := &net.Dialer{KeepAliveConfig: net.KeepAliveConfig{
		Enable: true, Idle: keepAliveIdle, Interval: keepAliveInterval, Count: keepAliveProbes}}
	cfg.DialFunc = dialer.DialContext
	const idle = "idle_in_transaction_session_timeout"
	if _, set := cfg.RuntimeParams[idle]; !set {
		cfg.RuntimeParams[idle] = strconv.Itoa(int(abandonedTxTimeout.Milliseconds()))
	}
}
