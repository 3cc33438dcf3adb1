package store

import "context"

// On a team's server the audit log is the server's own table: triggers
// write every change as it commits (who signed in, insert, update or
// delete, the table, the record's id), and members note only what the
// window or a command did (opened, printed, exported, …) under their own
// sign-in. Only managers read it. Here the server's words are put in the
// log's own (created, changed, deleted; person, request, …), so the window
// and the commands show one log whichever the engine.

// serverActions are the trigger's words for the log's actions.
var serverActions = map[string]string{"insert": AuditCreated, "update": AuditChanged, "delete": AuditDeleted}

// fromServer puts an entry the server wrote in the log's own words.
func fromServer(e AuditEntry) AuditEntry {
	if a, ok := serverActions[e.Action]; ok {
		e.Action = a
		if k, ok := kindOf[e.Kind]; ok {
			e.Kind = k
		}
	}
	return e
}

// toServerAction is the server's word for an action a filter asks for.
func toServerAction(action string) string {
	for server, ours := range serverActions {
		if ours == action {
			return server
		}
	}
	return action
}

// saveRecord saves one versioned record in tx, noting it in a file's
// audit log first (a server's triggers note it there), and returns the
// version now stored.
func (s *Store) saveRecord(ctx context.Context, tx txn, table, id, query string, args []any) (int, error) {
	if err := s.noteSave(ctx, tx, table, id); err != nil {
		return 0, err
	}
	return saveVersioned(ctx, tx, table, id, query, args)
}
