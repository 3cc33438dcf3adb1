package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"secondopinion/data"
)

// A team keeps one caseload on a PostgreSQL server. OpenServer gives the
// same Store as Open: every screen, rule and command works on it alike.
// What only a file has (its folder's lock, its commit count, VACUUM) is
// left out; what only a server has (other desks' changes, sign-in) is
// added beside.

// IsServerAddress reports whether where names a server rather than a folder.
func IsServerAddress(where string) bool {
	return strings.HasPrefix(where, "postgres://") || strings.HasPrefix(where, "postgresql://")
}

// OpenServer opens the caseload on the server at address (a postgres://
// URL), bringing its schema up to date; dir is this computer's data folder,
// for what stays on the desk (backups made from the server, exports).
// Off this computer the connection must be encrypted with the server's
// certificate checked (sslmode=verify-full, the default here).
func OpenServer(ctx context.Context, address, dir string) (*Store, error) {
	return SignIn(ctx, address, "", dir)
}

// SignIn is OpenServer with the password the person typed ("" to use the
// one PostgreSQL's own ~/.pgpass file holds for this server, if any). The
// password is never written anywhere.
func SignIn(ctx context.Context, address, password, dir string) (*Store, error) {
	cfg, err := serverConfig(address)
	if err != nil {
		return nil, err
	}
	if password != "" {
		cfg.Password = password
	}
	db := openServerDB(cfg)
	// A desk needs few connections (a save, a read in the background,
	// and one listening for other desks'): twenty desks then fit well
	// inside a server's usual 100.
	db.SetMaxOpenConns(3)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		if sqlState(err) == "42501" { // no CONNECT: not one of this caseload's members
			return nil, notAMember(cfg.User)
		}
		return nil, lowerCaseHint(explainServer(err), cfg.User)
	}
	s := &Store{db: db, d: onServer, host: cfg.Host + "/" + cfg.Database, address: address, dir: dir, Now: time.Now,
		cfg: cfg, desk: cfg.RuntimeParams["application_name"]}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.signedIn(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.loadGuard(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// OnServer reports whether the records are on a team's server.
func (s *Store) OnServer() bool { return s.d == onServer }

// ServerName is the server's name and the caseload's database; "" for a folder.
func (s *Store) ServerName() string { return s.host }

// Where names the records' place for a person: the data folder, or the
// team's server and database (never its password).
func (s *Store) Where() string {
	if s.d == onServer {
		return "the team's server " + s.host
	}
	return s.dir
}

// serverConfig parses address, refusing one that would send names and
// health details unencrypted, or to a server whose certificate is not
// checked, across a network.
func serverConfig(address string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(address)
	if err == nil && !strings.Contains(address, "sslmode=") && !isLocalHost(cfg.Host) {
		// Off this computer, encrypted with the certificate checked unless
		// the address says otherwise (and a weaker choice is refused below).
		sep := "?"
		if strings.Contains(address, "?") {
			sep = "&"
		}
		cfg, err = pgx.ParseConfig(address + sep + "sslmode=verify-full")
	}
	if err != nil {
		return nil, &data.UserError{Err: err, Message: "The server's address could not be read. It should look like " +
			"postgres://your-name@server.example.org/secondopinion. Please check it and try again."}
	}
	cfg.RuntimeParams["application_name"] = "Second Opinion " + uuid.NewString()[:13]
	// No compiling of queries as they run: the program's queries read one
	// record, or a whole table once, and the rules on who sees what (see
	// 005_policies_by_key.sql) are costed high enough to set it off. On a
	// receptionist's whole reading of 60,000 requests it took half a second
	// to compile a query that then ran in a tenth of one.
	cfg.RuntimeParams["jit"] = "off"
	noticeLostConnections(cfg, address)
	if !isLocalHost(cfg.Host) && !checksCertificate(cfg) {
		return nil, &data.UserError{Message: "The connection to " + cfg.Host + " would not check the server's certificate, " +
			"so someone on the network could read or change the records. Please use sslmode=verify-full " +
			"(ask whoever runs the server for its certificate), or leave sslmode out to get it."}
	}
	return cfg, nil
}

// checksCertificate reports whether every way cfg may connect is TLS with
// the server's certificate and name checked.
func checksCertificate(cfg *pgx.ConnConfig) bool {
	if cfg.TLSConfig == nil || cfg.TLSConfig.InsecureSkipVerify {
		return false
	}
	for _, f := range cfg.Fallbacks {
		if f.TLSConfig == nil || f.TLSConfig.InsecureSkipVerify {
			return false
		}
	}
	return true
}

// isLocalHost is true for this computer: a Unix socket, or a loopback name
// or address. Nothing leaves the computer there, so TLS adds nothing.
func isLocalHost(host string) bool {
	if strings.HasPrefix(host, "/") || host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// LatestServerSchema is the schema version this program writes on a server.
func LatestServerSchema() int { return len(serverMigrations()) }

func serverMigrations() []string { return migrationsIn("migrations/server/*.sql") }

// serverVersion reads the server's schema version; 0 for a new database.
func serverVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var exists bool
	if err := q.QueryRowContext(ctx, "SELECT to_regclass('schema_version') IS NOT NULL").Scan(&exists); err != nil || !exists {
		return 0, err
	}
	var v int
	err := q.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&v)
	return v, err
}

// migrateServer brings the server's schema up to date in one transaction,
// holding a lock so that two desks starting together do not both try.
func (s *Store) migrateServer(ctx context.Context) error {
	files := serverMigrations()
	if v, err := serverVersion(ctx, s.db); err != nil {
		return explainServer(err)
	} else if v > len(files) {
		return newer(v, len(files))
	} else if v == len(files) {
		return nil // up to date: nothing to write, so no key needed
	}
	return s.inTx(ctx, func(tx txn) error {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7207)"); err != nil {
			return err
		}
		now, err := serverVersion(ctx, tx)
		if err != nil {
			return err
		}
		if now > len(files) {
			return newer(now, len(files))
		}
		if now == len(files) {
			return nil
		}
		if _, err := tx.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); err != nil {
			if sqlState(err) == "42501" {
				return ownerMustUpdate(err)
			}
			return err
		}
		for i := now; i < len(files); i++ {
			script, err := migrationFiles.ReadFile(files[i])
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(script)); err != nil {
				if sqlState(err) == "42501" {
					return ownerMustUpdate(err)
				}
				return fmt.Errorf("migration %s: %w", files[i], err)
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM schema_version"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO schema_version (version) VALUES (?)", len(files))
		return err
	})
}

// lowerCaseHint adds, to a sign-in refused for a name with capitals in
// it, that members' names are in lower case: the server tells a wrong
// name from a wrong password to nobody, so the hint is all we can give.
// (A name made outside the program may have capitals, so it is not
// lowered here.)
func lowerCaseHint(err error, name string) error {
	var ue *data.UserError
	lower := MemberName(name)
	if !errors.Is(err, ErrSignIn) || name == lower || validMemberName(lower) != nil || !errors.As(err, &ue) {
		return err
	}
	return &data.UserError{Err: ue.Err, Message: ue.Message + " Members' names are in lower case: try " + lower + "."}
}

// explainServer turns a failure to reach or sign in to the server into
// words a person can act on.
func explainServer(err error) error {
	var ue *data.UserError
	if err == nil || errors.As(err, &ue) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == refusedInWords {
		return &data.UserError{Err: fmt.Errorf("%w: %w", ErrNotAllowed, err), Message: pe.Message}
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "password authentication failed") || strings.Contains(msg, "SQLSTATE 28P01") ||
		strings.Contains(msg, "no password") || strings.Contains(msg, "SASL"):
		return &data.UserError{Err: fmt.Errorf("%w: %w", ErrSignIn, err), Message: "The server did not accept that name and password. Please check them and try again."}
	case strings.Contains(msg, "SQLSTATE 28000") || strings.Contains(msg, "no pg_hba.conf entry"):
		return &data.UserError{Err: err, Message: "The server does not let this computer or this name sign in. " +
			"Please ask whoever runs the server to allow it."}
	case strings.Contains(msg, "SQLSTATE 3D000"):
		return &data.UserError{Err: err, Message: "The server has no caseload by that name. Please check the database's name in the address."}
	case strings.Contains(msg, "SQLSTATE 42501") || strings.Contains(msg, "permission denied") ||
		strings.Contains(msg, "row-level security"):
		return &data.UserError{Err: err, Message: "Your sign-in does not allow that. Nothing was changed. " +
			"Please ask your manager if you need to do it."}
	case strings.Contains(msg, "certificate") || strings.Contains(msg, "x509") || strings.Contains(msg, "tls"):
		return &data.UserError{Err: err, Message: "The server's certificate could not be checked, so nothing was sent to it. " +
			"Please ask whoever runs the server for the right certificate and address."}
	case cannotReach(err):
		return &data.UserError{Err: fmt.Errorf("%w: %w", ErrServerUnreachable, err), Message: "The team's server cannot be reached " +
			"(the network or the server may be down), so this may not have been saved. What you typed is still here: " +
			"once the connection is back, please open the record again to see whether it was saved before saving it again."}
	}
	return err
}

// unreachableWords reports whether an error's text says the server could
// not be reached: the drivers give these only as words.
func unreachableWords(msg string) bool {
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "no such host") ||
		strings.Contains(msg, "i/o timeout") || strings.Contains(msg, "context deadline exceeded") ||
		strings.Contains(msg, "connection reset") || strings.Contains(msg, "broken pipe") || strings.Contains(msg, "EOF")
}

// lostConnection reports whether err is a connection that went away under
// a query or could not be made: pgx says "conn closed", database/sql a bad
// connection, the network a failed dial, read or write. (A cancelled
// context is not one: pgx reports it as a timeout too.) An answer from the
// server counts only by its code, as its words may quote a record.
func lostConnection(err error) bool {
	if errors.Is(err, context.Canceled) {
		return false
	}
	if state := sqlState(err); state != "" {
		return serverWentAway(state)
	}
	var op *net.OpError
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, net.ErrClosed) || errors.As(err, &op) ||
		strings.Contains(err.Error(), "conn closed")
}

// serverWentAway reports whether a SQLSTATE is the server closing the
// connection or not yet taking one: stopped or restarted by whoever runs
// it (57P01, what a restart sends every desk), crashed, starting up, or a
// failure of the connection itself (class 08).
func serverWentAway(state string) bool {
	switch state {
	case "57P01", "57P02", "57P03":
		return true
	}
	return strings.HasPrefix(state, "08")
}

// refusedInWords is the SQLSTATE of a refusal the server's own functions
// explain in words for a person (migrations/server/003).
const refusedInWords = "SO001"

// sqlState is the server's SQLSTATE for err, or "".
func sqlState(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// ownerMustUpdate is the error for a member who opens a caseload whose
// tables this version must first bring up to date: only their owner may.
func ownerMustUpdate(err error) error {
	return &data.UserError{Err: err, Message: "This version of Second Opinion needs to bring the team's records up to date " +
		"first, and only the caseload's owner can do that. Nothing was changed. Please ask whoever looks after the " +
		"server to open the caseload once as its owner (for example: secondopinion team-setup -db postgres://OWNER@SERVER/DATABASE)."}
}

// ErrSignIn is returned, wrapped in a UserError, when the server did not
// accept the name and password.
var ErrSignIn = errors.New("sign-in refused")

// ErrServerUnreachable is returned, wrapped in a UserError, when the server
// cannot be reached: the change can be tried again later.
var ErrServerUnreachable = errors.New("server unreachable")

// healthyServer is healthy for a server: a schema version this program
// knows and every record matching its checksum. The server itself keeps
// its files whole and every reference pointing at a record that exists.
func healthyServer(ctx context.Context, db *sql.DB) error {
	version, err := serverVersion(ctx, db)
	if err != nil {
		return explainServer(err)
	}
	if version > LatestServerSchema() {
		return newer(version, LatestServerSchema())
	}
	found, err := damagedRecords(ctx, onServer, db)
	if err != nil {
		return explainServer(err)
	}
	if len(found) > 0 {
		return recordsDamaged(found)
	}
	return nil
}
