package store

import "strings"

// The records live in one of two engines: a SQLite file in the data folder
// (one person, the default) or a PostgreSQL server (a team). The same
// statements serve both, written with SQLite's numbered parameters (?1)
// that the server's connection turns into its own ($1, see pgconn.go).
// The few places where the engines differ ask the store's dialect.

// dialect is the engine a store's statements are written for.
type dialect uint8

const (
	onSQLite dialect = iota
	onServer
)

// perDialect is one statement as each engine needs it, indexed by dialect.
type perDialect [2]string

// forEach builds a statement for both engines.
func forEach(build func(d dialect) string) perDialect {
	return perDialect{build(onSQLite), build(onServer)}
}

// sumExpr is the SQL that computes a checksum over cols, each value given
// by value (a parameter, excluded.col, or the column itself). In a file
// the program's own record_sum function computes it in the statement; on
// a server a trigger sets it from the row as stored (a parameter there has
// one type, and a checksum would need it as text too), so the statement
// only leaves room for it.
func (d dialect) sumExpr(cols []string, value func(i int, col string) string) string {
	if d == onServer {
		return "''"
	}
	parts := make([]string, 0, len(cols)+1)
	parts = append(parts, "'"+strings.Join(cols, ",")+"'")
	for i, c := range cols {
		parts = append(parts, value(i, c))
	}
	return sumFunc + "(" + strings.Join(parts, ", ") + ")"
}

// columnsSQL lists the columns of the table given as its one argument.
func (d dialect) columnsSQL() string {
	if d == onServer {
		return "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
	}
	return "SELECT name FROM pragma_table_info(?)"
}
