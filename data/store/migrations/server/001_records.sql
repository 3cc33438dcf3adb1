-- The records on a team's PostgreSQL server: the same tables, columns and
-- checksums as a SQLite file at its version 9, so that one set of
-- statements serves both. Dates are ISO text ('' when not given); times
-- are RFC 3339 text in UTC, as in the file, so the two sort and compare
-- alike. Integers stand for yes/no as in the file.

CREATE TABLE people (
	id            TEXT PRIMARY KEY,
	name          TEXT NOT NULL,
	date_of_birth TEXT NOT NULL DEFAULT '',
	address       TEXT NOT NULL DEFAULT '',
	phone         TEXT NOT NULL DEFAULT '',
	email         TEXT NOT NULL DEFAULT '',
	nhs_number    TEXT NOT NULL DEFAULT '',
	nation        TEXT NOT NULL,
	notes         TEXT NOT NULL DEFAULT '',
	consent_on    TEXT NOT NULL DEFAULT '',
	consent_scope TEXT NOT NULL DEFAULT '',
	flags         TEXT NOT NULL DEFAULT '',
	pronouns      TEXT NOT NULL DEFAULT '',
	title         TEXT NOT NULL DEFAULT '',
	nhs_name      TEXT NOT NULL DEFAULT '',
	relationship  TEXT NOT NULL DEFAULT '',
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL,
	checksum      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX people_by_name ON people (lower(name));

CREATE TABLE contacts (
	id                  TEXT PRIMARY KEY,
	name                TEXT NOT NULL DEFAULT '',
	role                TEXT NOT NULL,
	organisation        TEXT NOT NULL DEFAULT '',
	address             TEXT NOT NULL DEFAULT '',
	email               TEXT NOT NULL DEFAULT '',
	phone               TEXT NOT NULL DEFAULT '',
	notes               TEXT NOT NULL DEFAULT '',
	last_verified       TEXT NOT NULL DEFAULT '',
	funding_review_days INTEGER NOT NULL DEFAULT 0,
	nations             TEXT NOT NULL DEFAULT '',
	refusal_policy      INTEGER NOT NULL DEFAULT 0,
	created_at          TEXT NOT NULL,
	updated_at          TEXT NOT NULL,
	checksum            TEXT NOT NULL DEFAULT ''
);

CREATE TABLE requests (
	id                    TEXT PRIMARY KEY,
	person_id             TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	subject               TEXT NOT NULL,
	route                 TEXT NOT NULL DEFAULT '',
	asked_by              TEXT NOT NULL DEFAULT '',
	asked_how             TEXT NOT NULL DEFAULT '',
	reason_category       TEXT NOT NULL DEFAULT '',
	on_behalf             INTEGER NOT NULL DEFAULT 0,
	recipient_id          TEXT REFERENCES contacts (id) ON DELETE SET NULL,
	condition             TEXT NOT NULL DEFAULT '',
	treatment             TEXT NOT NULL DEFAULT '',
	raised_with_doctor    INTEGER NOT NULL DEFAULT 0,
	reason                TEXT NOT NULL DEFAULT '',
	outcome_wanted        TEXT NOT NULL DEFAULT '',
	unwell_since          TEXT NOT NULL DEFAULT '',
	admissions            TEXT NOT NULL DEFAULT '',
	medications_tried     TEXT NOT NULL DEFAULT '',
	current_medication    TEXT NOT NULL DEFAULT '',
	problems              TEXT NOT NULL DEFAULT '',
	side_effects          TEXT NOT NULL DEFAULT '',
	already_tried         TEXT NOT NULL DEFAULT '',
	reply_method          TEXT NOT NULL DEFAULT '',
	tests_and_assessments TEXT NOT NULL DEFAULT '',
	risk_assessment       TEXT NOT NULL DEFAULT '',
	questions             TEXT NOT NULL DEFAULT '',
	timescale             TEXT NOT NULL DEFAULT '',
	created_at            TEXT NOT NULL,
	updated_at            TEXT NOT NULL,
	checksum              TEXT NOT NULL DEFAULT ''
);
CREATE INDEX requests_by_person ON requests (person_id);

CREATE TABLE letters (
	id           TEXT PRIMARY KEY,
	request_id   TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
	kind         TEXT NOT NULL,
	recipient_id TEXT REFERENCES contacts (id) ON DELETE SET NULL,
	body         TEXT NOT NULL DEFAULT '',
	large_print  INTEGER NOT NULL DEFAULT 0,
	sent_on      TEXT NOT NULL DEFAULT '',
	sent_how     TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	checksum     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX letters_by_request ON letters (request_id);

CREATE TABLE steps (
	id          TEXT PRIMARY KEY,
	request_id  TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
	on_date     TEXT NOT NULL,
	kind        TEXT NOT NULL,
	outcome     TEXT NOT NULL DEFAULT '',
	letter_id   TEXT REFERENCES letters (id) ON DELETE SET NULL,
	letter_kind TEXT NOT NULL DEFAULT '',
	summary     TEXT NOT NULL DEFAULT '',
	due_on      TEXT NOT NULL DEFAULT '',
	due_what    TEXT NOT NULL DEFAULT '',
	minutes     INTEGER NOT NULL DEFAULT 0,
	attachment  TEXT NOT NULL DEFAULT '',
	sent_how    TEXT NOT NULL DEFAULT '',
	received_on TEXT NOT NULL DEFAULT '',
	no_reasons  INTEGER NOT NULL DEFAULT 0,
	created_at  TEXT NOT NULL,
	checksum    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX steps_by_request ON steps (request_id, on_date, created_at);

CREATE TABLE attachments (
	step_id    TEXT PRIMARY KEY REFERENCES steps (id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	content    BYTEA NOT NULL,
	created_at TEXT NOT NULL,
	checksum   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE vault (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- A record's checksum, over its columns by name, in name order, leaving
-- out empty values ('', 0 and NULL) so that a column added later with an
-- empty default changes none. A trigger sets it on every write, from the
-- row as stored. It is not the same hash as a file's (the server has its
-- own page checksums); it finds a record changed outside the program, and
-- `check` compares it.
CREATE FUNCTION record_sum(r JSONB) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT left(encode(sha256(convert_to(coalesce(string_agg(key || chr(31) || value, chr(30) ORDER BY key), ''), 'UTF8')), 'hex'), 16)
	FROM jsonb_each_text(r)
	WHERE key <> 'checksum' AND value IS NOT NULL AND value <> '' AND value <> '0'
$$;

CREATE FUNCTION set_checksum() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.checksum := record_sum(to_jsonb(NEW));
	RETURN NEW;
END
$$;

CREATE TRIGGER people_checksum BEFORE INSERT OR UPDATE ON people FOR EACH ROW EXECUTE FUNCTION set_checksum();
CREATE TRIGGER contacts_checksum BEFORE INSERT OR UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION set_checksum();
CREATE TRIGGER requests_checksum BEFORE INSERT OR UPDATE ON requests FOR EACH ROW EXECUTE FUNCTION set_checksum();
CREATE TRIGGER letters_checksum BEFORE INSERT OR UPDATE ON letters FOR EACH ROW EXECUTE FUNCTION set_checksum();
CREATE TRIGGER steps_checksum BEFORE INSERT OR UPDATE ON steps FOR EACH ROW EXECUTE FUNCTION set_checksum();
CREATE TRIGGER attachments_checksum BEFORE INSERT OR UPDATE ON attachments FOR EACH ROW EXECUTE FUNCTION set_checksum();
