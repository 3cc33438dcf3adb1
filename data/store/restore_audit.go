package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Restoring a backup puts its records in place of the folder's own, which
// are kept aside. The audit log is part of the records, so the restored
// one ended when the backup was made: who opened, printed, exported or
// erased what since then was in the copy kept aside, not in the log a data
// protection officer reads. carryAuditLog adds those entries to the
// restored log, after its own, and the restore itself is noted.

// carriedAuditSQL adds the entries of the replaced records' log that the
// restored log lacks (the same time, person, action and record), in the
// order they were made. The restored log's entries are indexed first: a
// log of a few years holds hundreds of thousands of entries.
var carriedAuditSQL = []string{
	"CREATE TEMP TABLE restored_audit AS SELECT at, who, action, kind, record FROM main.audit",
	"CREATE INDEX temp.restored_audit_entry ON restored_audit (at, who, action, kind, record)",
	`INSERT INTO main.audit (at, who, action, kind, record)
		SELECT r.at, r.who, r.action, r.kind, r.record FROM replaced.audit AS r
		WHERE NOT EXISTS (SELECT 1 FROM restored_audit AS k WHERE k.at = r.at AND k.who = r.who
			AND k.action = r.action AND k.kind = r.kind AND k.record = r.record)
		ORDER BY r.seq`,
	"DROP TABLE temp.restored_audit",
}

// noteRestore adds to s's audit log what the log of the records kept
// aside at replacedPath ("" when there were none) holds and it does not,
// and notes the restore, in one transaction. When that fails (the records
// replaced may be damaged: it is often why they are replaced), the
// restore is noted on its own, and the error says why the entries were
// not carried (and if the restore could not be noted either). The copy
// aside keeps what it held whatever happens.
func noteRestore(ctx context.Context, s *Store, replacedPath string) error {
	err := writeRestoreNote(ctx, s, replacedPath)
	if err == nil || replacedPath == "" {
		return err
	}
	if noteErr := writeRestoreNote(ctx, s, ""); noteErr != nil {
		return fmt.Errorf("carrying the log: %w; noting the restore: %v", err, noteErr)
	}
	return fmt.Errorf("carrying the log: %w", err)
}

// writeRestoreNote carries the log and notes the restore, in one
// transaction. It writes the log itself, not through Note: protected
// records are still locked here, and the log is never sealed.
func writeRestoreNote(ctx context.Context, s *Store, replacedPath string) error {
	conn, err := s.db.Conn(ctx) // ATTACH is one connection's
	if err != nil {
		return err
	}
	defer conn.Close()
	if replacedPath != "" {
		if _, err := conn.ExecContext(ctx, "ATTACH DATABASE ? AS replaced", replacedPath); err != nil {
			return err
		}
		// A detach that fails after the log was written changes nothing
		// for the user: the store is closed as soon as the restore ends.
		defer conn.ExecContext(ctx, "DETACH DATABASE replaced")
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if replacedPath != "" {
		if err := execAll(ctx, tx, carriedAuditSQL); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, noteSQL, formatTime(s.now()), s.Who(), AuditRestored, AuditRecords, ""); err != nil {
		return err
	}
	return tx.Commit()
}

func execAll(ctx context.Context, tx *sql.Tx, statements []string) error {
	for _, q := range statements {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
