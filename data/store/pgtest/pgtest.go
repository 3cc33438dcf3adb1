// Package pgtest starts a real PostgreSQL server for tests: initdb and
// pg_ctl on a temporary folder, listening only on 127.0.0.1 at a free
// port, with password sign-in. One server serves a whole test binary; each
// test gets its own new database. Call Main from TestMain so the server
// is stopped when the tests end.
//
// Where PostgreSQL is not installed the tests that need it are skipped,
// unless SECONDOPINION_NEED_POSTGRES is set (as `make test` and CI do),
// when they fail instead: the team server is never silently untested.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Admin is the server's superuser in tests; Password is every test role's.
const (
	Admin    = "so_admin"
	Password = "test-only-password"
)

// Server is a running test server.
type Server struct {
	Port int
	dir  string
	bin  string
	as   []string // the command prefix that runs a program as the server's owner
}

var (
	once    sync.Once
	running *Server
	failure error
)

// NeedEnv makes a missing PostgreSQL a failure rather than a skip.
const NeedEnv = "SECONDOPINION_NEED_POSTGRES"

// Start returns the test server, starting it the first time.
func Start(t testing.TB) *Server {
	t.Helper()
	once.Do(func() { running, failure = start() })
	if failure != nil {
		if os.Getenv(NeedEnv) == "" && strings.Contains(failure.Error(), "not installed") {
			t.Skipf("PostgreSQL: %v", failure)
		}
		t.Fatalf("PostgreSQL: %v", failure)
	}
	return running
}

// Main runs the tests and stops the server if any test started it.
func Main(m *testing.M) {
	code := m.Run()
	if running != nil {
		running.stop()
	}
	os.Exit(code)
}

// URL is a connection string for db as user, over TCP to this computer.
func (s *Server) URL(user, db string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(user, Password),
		Host: "127.0.0.1:" + strconv.Itoa(s.Port), Path: "/" + db, RawQuery: "sslmode=disable"}
	return u.String()
}

// Address is URL without the password, as a person would give it: the
// password then comes from PGPASSWORD (set it with t.Setenv) or is asked for.
func (s *Server) Address(user, db string) string {
	u := url.URL{Scheme: "postgres", User: url.User(user),
		Host: "127.0.0.1:" + strconv.Itoa(s.Port), Path: "/" + db, RawQuery: "sslmode=disable"}
	return u.String()
}

// Bin is the folder of PostgreSQL's programs (psql among them).
func (s *Server) Bin() string { return s.bin }

// NewDatabase creates an empty database for one test, dropped after it,
// and returns the superuser's connection string for it.
func (s *Server) NewDatabase(t testing.TB) string {
	return s.URL(Admin, s.NewDatabaseName(t))
}

// NewDatabaseName is NewDatabase, returning the database's name.
func (s *Server) NewDatabaseName(t testing.TB) string {
	t.Helper()
	name := "t_" + randomHex(6)
	s.Admin(t, "CREATE DATABASE "+name)
	t.Cleanup(func() { s.adminExec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	return name
}

// Admin runs statements as the superuser on the postgres database.
func (s *Server) Admin(t testing.TB, sql string) {
	t.Helper()
	if err := s.adminExec(context.Background(), sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func (s *Server) adminExec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, s.URL(Admin, "postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql)
	return err
}

func start() (*Server, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	stopAbandoned(bin)
	dir, err := os.MkdirTemp("", "so-pg-")
	if err != nil {
		return nil, err
	}
	// The test binary that owns the server, so that a later run can stop
	// a server whose tests died without stopping it (a panic, a timeout).
	if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s := &Server{dir: dir, bin: bin}
	// PostgreSQL refuses to run as root: run it as its own system user.
	if os.Geteuid() == 0 {
		owner, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root needs the postgres system user: %w", err)
		}
		uid, _ := strconv.Atoi(owner.Uid)
		gid, _ := strconv.Atoi(owner.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		s.as = []string{"runuser", "-u", "postgres", "--"}
	}
	pwfile := filepath.Join(dir, "pw")
	if err := s.run("sh", "-c", "umask 077; printf '%s' '"+Password+"' > "+pwfile); err != nil {
		return nil, s.fail(err)
	}
	if err := s.run(filepath.Join(bin, "initdb"), "-D", filepath.Join(dir, "data"), "-U", Admin,
		"--pwfile", pwfile, "--auth", "scram-sha-256", "-E", "UTF8", "--no-locale", "--data-checksums"); err != nil {
		return nil, s.fail(err)
	}
	port, err := freePort()
	if err != nil {
		return nil, s.fail(err)
	}
	s.Port = port
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1", port, dir) // max_connections as shipped: 100
	if err := s.run(filepath.Join(bin, "pg_ctl"), "-D", filepath.Join(dir, "data"), "-o", opts,
		"-l", filepath.Join(dir, "log"), "-w", "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		return nil, s.fail(fmt.Errorf("%w\n%s", err, log))
	}
	return s, nil
}

func (s *Server) run(name string, args ...string) error {
	argv := append(append(append([]string{}, s.as...), name), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // a test's Ctrl+C does not reach the server
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", filepath.Base(name), err, out)
	}
	return nil
}

func (s *Server) stop() {
	s.run(filepath.Join(s.bin, "pg_ctl"), "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w", "stop")
	os.RemoveAll(s.dir)
}

func (s *Server) fail(err error) error {
	os.RemoveAll(s.dir)
	return err
}

// findBin finds PostgreSQL's programs: Debian keeps them out of PATH, in
// /usr/lib/postgresql/VERSION/bin.
func findBin() (string, error) {
	if dir := os.Getenv("PG_BIN"); dir != "" {
		return dir, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("PostgreSQL is not installed (no initdb found; apt-get install postgresql)")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// stopAbandoned stops and removes test servers whose test binary is gone.
// Servers of test binaries still running (other packages' tests run at
// the same time) are left alone.
func stopAbandoned(bin string) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "so-pg-*"))
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, "owner.pid"))
		if err != nil {
			continue // being made, or not ours to judge
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || pid <= 0 || syscall.Kill(pid, 0) != syscall.ESRCH {
			continue
		}
		old := &Server{dir: dir, bin: bin}
		if os.Geteuid() == 0 {
			old.as = []string{"runuser", "-u", "postgres", "--"}
		}
		old.stop()
	}
}
