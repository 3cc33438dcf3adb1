package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations/*.sql migrations/server/*.sql
var migrationFiles embed.FS

// migrations returns the numbered SQL files in order; file N (1-based) takes
// the schema from version N-1 to N.
func migrations() []string { return migrationsIn("migrations/*.sql") }

// migrationsIn is the migration files matching pattern, in order.
func migrationsIn(pattern string) []string {
	names, err := fs.Glob(migrationFiles, pattern)
	if err != nil {
		panic(err) // the pattern is constant
	}
	sort.Strings(names)
	return names
}

// SchemaVersion is the records' schema version (a file's user_version,
// or the server's schema_version table).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	if s.d == onServer {
		v, err := serverVersion(ctx, s.db)
		return v, explainServer(err)
	}
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, explain(err)
}

// LatestSchema is the schema version this program writes.
func LatestSchema() int { return len(migrations()) }

// migrate applies every missing migration and the new user_version in one
// transaction, so a failure or a crash leaves the previous version whole,
// never a version part-way up.
func (s *Store) migrate(ctx context.Context) error {
	if s.d == onServer {
		return s.migrateServer(ctx)
	}
	current, err := s.SchemaVersion(ctx)
	if err != nil || current == LatestSchema() {
		return err
	}
	files := migrations()
	return s.inTx(ctx, func(tx txn) error {
		// Another copy may have migrated while this one waited for the
		// write lock: look again inside the transaction.
		var now int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
			return err
		}
		if now < 0 || now > len(files) {
			return fmt.Errorf("%w: data version %d", ErrDamaged, now)
		}
		for i := now; i < len(files); i++ {
			script, err := migrationFiles.ReadFile(files[i])
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(script)); err != nil {
				return fmt.Errorf("migration %s: %w", files[i], err)
			}
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(files)))
		return err
	})
}
