-- A reply attached to a step (a scanned letter, a photo) is kept inside the
-- database, so backups carry it and deleting the step deletes it.
CREATE TABLE attachments (
	step_id    TEXT PRIMARY KEY REFERENCES steps (id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	content    BLOB NOT NULL,
	created_at TEXT NOT NULL
);
