package store

import (
	"context"
	"database/sql"
	"errors"

	"secondopinion/data"
)

// Two desks may open the same record and both save it. Every person,
// contact, request and letter carries a version that each save counts up,
// and a save only goes through when the stored version is still the one
// its record was read at: the second desk's save is refused with a
// Conflict instead of silently overwriting the first.

// versionCol is the column holding a record's version.
const versionCol = "version"

// ErrConflict is matched (errors.Is) by a save refused because someone
// else saved the same record since it was read.
var ErrConflict = errors.New("saved by someone else meanwhile")

// Conflict is the record a refused save was for. The caller reads the
// record again to show what changed and lets the person choose.
type Conflict struct {
	Kind string // the table: "people", "requests", …
	ID   string
}

func (c *Conflict) Error() string {
	return "the " + kindWord(c.Kind) + " was saved by someone else meanwhile"
}

func (c *Conflict) Is(target error) bool { return target == ErrConflict }

func conflict(kind, id string) error {
	return &data.UserError{Err: &Conflict{Kind: kind, ID: id}, Message: "Someone else saved this " +
		kindWord(kind) + " while you were changing it, so your changes have not been saved yet, " +
		"and nothing of theirs was written over. Please open it again to see theirs, then make yours."}
}

// saveVersioned runs a versioned upsert (upsertSQL) and returns the
// version now stored.
func saveVersioned(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, kind, id, query string, args []any) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, query, args...).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, conflict(kind, id)
	}
	return v, err
}
