-- The audit log: who opened, printed, exported, erased, created, changed or
-- deleted which record, and when. It holds a record's kind and id, never
-- its values or a name, so it stays readable without the passphrase and
-- survives erasing the person it names by id. "who" is the computer's user
-- name, or the desk's name when one is given.
CREATE TABLE audit (
	seq    INTEGER PRIMARY KEY,
	at     TEXT NOT NULL,
	who    TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL,
	kind   TEXT NOT NULL,
	record TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_action ON audit (action, seq);
