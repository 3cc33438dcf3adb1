package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// The store's statements number their parameters as SQLite does (?1, ?2,
// or a bare ? for the next). A connection to the server turns them into
// PostgreSQL's $1, $2 before pgx sees them, so one set of statements
// serves both engines. Nothing inside quotes is touched.

// openServerDB opens a pool of connections to the server described by cfg.
func openServerDB(cfg *pgx.ConnConfig) *sql.DB {
	return sql.OpenDB(serverConnector{stdlib.GetConnector(*cfg, stdlib.OptionAfterConnect(limitAbandoned))})
}

type serverConnector struct{ driver.Connector }

func (c serverConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return serverConn{conn.(*stdlib.Conn)}, nil
}

// serverConn is pgx's connection, with the store's parameters renumbered.
type serverConn struct{ *stdlib.Conn }

func (c serverConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, dollarParams(query))
}

func (c serverConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c serverConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, dollarParams(query), args)
}

func (c serverConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, dollarParams(query), args)
}

// CheckNamedValue stores yes and no as 1 and 0, as the file does: the
// tables' yes/no columns are integers on both engines.
func (c serverConn) CheckNamedValue(nv *driver.NamedValue) error {
	if b, ok := nv.Value.(bool); ok {
		nv.Value = int64(0)
		if b {
			nv.Value = int64(1)
		}
	}
	return nil
}

// dollarParams rewrites ?N as $N and each bare ? as the next number,
// outside quoted text ('…', "…") and dollar-quoted bodies ($$…$$).
func dollarParams(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	next := 1
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(query[i+1:], c)
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+2])
			i += end + 1
		case c == '$' && strings.HasPrefix(query[i:], "$$"):
			end := strings.Index(query[i+2:], "$$")
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+4])
			i += end + 3
		case c == '?':
			j := i + 1
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				j++
			}
			b.WriteByte('$')
			if j > i+1 {
				b.WriteString(query[i+1 : j])
				n, _ := strconv.Atoi(query[i+1 : j])
				next = n + 1
			} else {
				b.WriteString(strconv.Itoa(next))
				next++
			}
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
