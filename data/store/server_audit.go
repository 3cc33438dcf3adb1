package store

import (
	"context"
	"time"
)

// AuditEntry is one write: when, who signed in, what they did (insert,
// update or delete), to what kind of record (its table) and which one (its
// id; a setting's key). Never a value.
type AuditEntry struct {
	At                    time.Time
	Who, Action, Kind, ID string
}

// AuditLog returns the writes since a time, oldest first. On a team's
// server triggers keep the log as each write commits, and only managers
// may read it (migrations/server/003); in a folder there is none here.
func (s *Store) AuditLog(ctx context.Context, since time.Time) ([]AuditEntry, error) {
	if s.d != onServer {
		return nil, nil
	}
	return s.serverAuditLog(ctx, since)
}

func (s *Store) serverAuditLog(ctx context.Context, since time.Time) ([]AuditEntry, error) {
	if !s.Member().Can(ReadAuditLog) {
		return nil, refused("read the audit log")
	}
	rows, err := s.db.QueryContext(ctx, "SELECT at, who, action, kind, record FROM audit WHERE at >= ? ORDER BY seq", since)
	if err != nil {
		return nil, explainServer(err)
	}
	defer rows.Close()
	var log []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.At, &e.Who, &e.Action, &e.Kind, &e.ID); err != nil {
			return nil, explainServer(err)
		}
		log = append(log, e)
	}
	return log, explainServer(rows.Err())
}
