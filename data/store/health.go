package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"secondopinion/data"
)

// ErrNotOurs is returned, wrapped in a UserError, for a file in the records'
// place that is not Second Opinion records (empty, or another program's
// database). It is left exactly as it was.
var ErrNotOurs = errors.New("not Second Opinion records")

// ourTables are the tables every version of the records has.
var ourTables = []string{"people", "requests", "settings"}

// healthy is the one definition of usable records, shared by check, backup,
// restore and start-up: a data version this program knows, our tables,
// SQLite's full integrity check (which also compares every index with its
// table), every reference pointing at a record that exists, and every
// record's content matching its checksum.
func healthy(ctx context.Context, db *sql.DB) error {
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return explain(err)
	}
	if version < 0 {
		return damaged(fmt.Sprintf("data version %d, which no version of the program writes", version))
	}
	if version > LatestSchema() {
		return newer(version, LatestSchema())
	}
	if err := ours(ctx, db, version); err != nil {
		return err
	}
	problems, err := lines(ctx, db, "PRAGMA integrity_check")
	if err != nil {
		return explain(err)
	}
	if len(problems) == 1 && problems[0] == "ok" {
		problems = nil
	}
	broken, err := lines(ctx, db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_check")
	if err != nil {
		return explain(err)
	}
	for _, table := range broken {
		problems = append(problems, "a record in "+table+" refers to one that is missing")
	}
	if len(problems) > 0 {
		if len(problems) > 5 {
			problems = problems[:5]
		}
		return damaged(strings.Join(problems, "; "))
	}
	found, err := damagedRecords(ctx, onSQLite, db)
	if err != nil {
		return explain(err)
	}
	if len(found) > 0 {
		return recordsDamaged(found)
	}
	return nil
}

// ours tells our records from another program's database: a data version
// of at least 1 and the tables every version has.
func ours(ctx context.Context, db *sql.DB, version int) error {
	found := 0
	for _, t := range ourTables {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", t).Scan(&n); err != nil {
			return explain(err)
		}
		found += n
	}
	if version < 1 || found < len(ourTables) {
		return notOurs("it is a database, but not one of Second Opinion's")
	}
	return nil
}

// inspectFile runs healthy on the database at path, read-only, refusing an
// empty file before SQLite could take it for a new database.
func inspectFile(ctx context.Context, path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return explain(err)
	}
	if info.Size() == 0 {
		return notOurs("it is empty")
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return explain(err)
	}
	defer db.Close()
	return healthy(ctx, db)
}

// lines returns the first column of every row of a query.
func lines(ctx context.Context, db *sql.DB, query string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func notOurs(why string) error {
	return &data.UserError{Err: fmt.Errorf("%w: %s", ErrNotOurs, why), Message: "The file " + FileName +
		" in the data folder is not Second Opinion records (" + why + "), so it has been left exactly as it is. " +
		"Please move it elsewhere, or choose another folder, and try again."}
}

func newer(version, latest int) error {
	return &data.UserError{Err: ErrNewer, Message: fmt.Sprintf(
		"This data was saved by a newer version of Second Opinion (data version %d; this program knows up to %d). "+
			"Nothing has been changed. Please install the newer version to open it.", version, latest)}
}
