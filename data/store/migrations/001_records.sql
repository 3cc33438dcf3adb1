-- The records of the first version: people, contacts, requests, their
-- letters and the dated steps of each request, and the user's settings.
-- Dates are ISO text ("" when not given); times are RFC 3339 in UTC.

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
	created_at    TEXT NOT NULL,
	updated_at    TEXT NOT NULL
);
CREATE INDEX people_by_name ON people (name COLLATE NOCASE);

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
	created_at          TEXT NOT NULL,
	updated_at          TEXT NOT NULL
);

CREATE TABLE requests (
	id                 TEXT PRIMARY KEY,
	person_id          TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	subject            TEXT NOT NULL,
	route              TEXT NOT NULL DEFAULT '',
	asked_by           TEXT NOT NULL DEFAULT '',
	asked_how          TEXT NOT NULL DEFAULT '',
	reason_category    TEXT NOT NULL DEFAULT '',
	on_behalf          INTEGER NOT NULL DEFAULT 0,
	recipient_id       TEXT REFERENCES contacts (id) ON DELETE SET NULL,
	condition          TEXT NOT NULL DEFAULT '',
	treatment          TEXT NOT NULL DEFAULT '',
	raised_with_doctor INTEGER NOT NULL DEFAULT 0,
	reason             TEXT NOT NULL DEFAULT '',
	outcome_wanted     TEXT NOT NULL DEFAULT '',
	unwell_since       TEXT NOT NULL DEFAULT '',
	admissions         TEXT NOT NULL DEFAULT '',
	medications_tried  TEXT NOT NULL DEFAULT '',
	current_medication TEXT NOT NULL DEFAULT '',
	problems           TEXT NOT NULL DEFAULT '',
	side_effects       TEXT NOT NULL DEFAULT '',
	already_tried      TEXT NOT NULL DEFAULT '',
	reply_method       TEXT NOT NULL DEFAULT '',
	created_at         TEXT NOT NULL,
	updated_at         TEXT NOT NULL
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
	updated_at   TEXT NOT NULL
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
	created_at  TEXT NOT NULL
);
CREATE INDEX steps_by_request ON steps (request_id, on_date, created_at);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
