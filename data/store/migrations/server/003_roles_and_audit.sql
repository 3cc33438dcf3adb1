-- Who may see and change what on a team's server, enforced by PostgreSQL
-- itself (its roles and row-level security), not only hidden by the
-- window; and an audit log of every write, kept by the server.
--
-- Run by the caseload's owner: the role that owns the database and so its
-- tables (the setup script names it <database>_owner). The owner brings
-- the tables up to date and adds members; it is not for daily work.
--
-- Three group roles, named after the database so that two caseloads on
-- one server keep their members apart (roles belong to the whole server):
--   <database>_receptionist  the desk: the people and requests any
--                            receptionist of the practice made
--   <database>_advocate      their own clients and those shared with them
--   <database>_manager       everyone, the directory, the members, the log
-- A member signs in with their own LOGIN role, a member of one of them.
-- The owner, and a superuser, count as managers.
--
-- Every table below is closed to members until granted here: a table a
-- later migration adds needs its own grants and policies.

CREATE TABLE team_roles (
	kind TEXT PRIMARY KEY CHECK (kind IN ('owner', 'manager', 'advocate', 'receptionist')),
	role NAME NOT NULL UNIQUE
);

DO $$
DECLARE
	k TEXT;
	r NAME;
BEGIN
	INSERT INTO team_roles VALUES ('owner', current_user);
	FOREACH k IN ARRAY ARRAY['manager', 'advocate', 'receptionist'] LOOP
		r := current_database() || '_' || k;
		IF EXISTS (SELECT FROM pg_roles WHERE rolname = r AND (rolcanlogin OR rolsuper)) THEN
			RAISE EXCEPTION 'the role % already exists and can sign in: it cannot be this caseload''s group of %s', r, k;
		END IF;
		IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', r);
		END IF;
		INSERT INTO team_roles VALUES (k, r);
		EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), r);
	END LOOP;
	-- Only members sign in, and no one makes tables of their own here.
	EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;

-- team_kind_of is the kind of member who is: 'manager', 'advocate',
-- 'receptionist', or '' for none. The owner is a manager; so is a
-- superuser, whom PostgreSQL makes a member of every role. These are
-- PL/pgSQL so that a session plans their queries once: policies ask them
-- on every statement.
CREATE FUNCTION team_kind_of(who NAME) RETURNS TEXT
LANGUAGE plpgsql STABLE AS $$
DECLARE
	k TEXT;
BEGIN
	IF to_regrole(quote_ident(who)) IS NULL THEN
		RETURN '';
	END IF;
	SELECT CASE t.kind WHEN 'owner' THEN 'manager' ELSE t.kind END INTO k
	FROM team_roles t
	WHERE pg_has_role(who, to_regrole(quote_ident(t.role)), 'MEMBER')
	ORDER BY CASE t.kind WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 WHEN 'advocate' THEN 2 ELSE 3 END
	LIMIT 1;
	RETURN coalesce(k, '');
END $$;

-- team_kind is the kind of whoever is signed in. Policies call it as
-- (SELECT team_kind()), so it is asked once per statement, not per row.
CREATE FUNCTION team_kind() RETURNS TEXT
LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN team_kind_of(current_user); END $$;

-- team_desk is the receptionists' group: the desk's people belong to it,
-- not to the receptionist who happened to add them, so they stay the
-- desk's when that receptionist leaves.
CREATE FUNCTION team_desk() RETURNS TEXT
LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN (SELECT role::TEXT FROM team_roles WHERE kind = 'receptionist'); END $$;

-- team_new_owner is who a person added now belongs to.
CREATE FUNCTION team_new_owner() RETURNS TEXT
LANGUAGE plpgsql STABLE AS $$
BEGIN
	RETURN CASE WHEN team_kind() = 'receptionist' THEN team_desk() ELSE current_user::TEXT END;
END $$;

-- People belong to someone. The records already here belong to whoever
-- brings the tables up to date (a manager), who hands them over.
ALTER TABLE people ADD COLUMN owner TEXT NOT NULL DEFAULT team_new_owner();
CREATE INDEX people_by_owner ON people (owner);

-- The owner is part of the stored row, so its checksum: computed again for
-- every record that was whole without it (a damaged one stays damaged).
UPDATE people SET checksum = '' WHERE checksum = record_sum(to_jsonb(people) - 'owner');

-- Only a manager gives a person to someone else. A person given to a
-- receptionist is given to the desk.
CREATE FUNCTION people_owner_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.owner IS DISTINCT FROM OLD.owner THEN
		IF team_kind() <> 'manager' THEN
			RAISE EXCEPTION 'only a manager can hand a client over' USING ERRCODE = 'insufficient_privilege';
		END IF;
		IF team_kind_of(NEW.owner) = 'receptionist' THEN
			NEW.owner := team_desk();
		ELSIF NEW.owner <> team_desk() AND team_kind_of(NEW.owner) = '' THEN
			RAISE EXCEPTION 'Only a member of the team can be given a client. Nothing was changed.' USING ERRCODE = 'SO001';
		END IF;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER people_owner BEFORE UPDATE OF owner ON people FOR EACH ROW EXECUTE FUNCTION people_owner_kept();

-- Sharing a person with a member lets them see and change the person and
-- everything that is theirs, but not delete them or share them on. The
-- person's owner is kept here too, so that who may see a share does not
-- have to look at people (whose own rule looks here).
CREATE TABLE shares (
	person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
	member    TEXT NOT NULL,
	owner     TEXT NOT NULL DEFAULT '',
	shared_by TEXT NOT NULL DEFAULT current_user,
	shared_at TIMESTAMPTZ NOT NULL DEFAULT now(),
	PRIMARY KEY (person_id, member)
);
CREATE INDEX shares_by_member ON shares (member);
-- A share changes who sees the person: desks are told, as for any write.
CREATE TRIGGER shares_notice AFTER INSERT OR UPDATE OR DELETE ON shares FOR EACH ROW EXECUTE FUNCTION notify_change('person_id');

-- A share takes its person's owner, and only a member can be shared with.
-- It runs as the owner of the tables, to read the person's owner whoever
-- shares.
CREATE FUNCTION shares_filled() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
	NEW.owner := coalesce((SELECT owner FROM people WHERE id = NEW.person_id), '');
	IF team_kind_of(NEW.member) = '' THEN
		RAISE EXCEPTION 'That name is not a member of the team, so the client was not shared. Nothing was changed.' USING ERRCODE = 'SO001';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER shares_filled BEFORE INSERT ON shares FOR EACH ROW EXECUTE FUNCTION shares_filled();

-- A person handed over takes their shares along.
CREATE FUNCTION shares_follow() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
	UPDATE shares SET owner = NEW.owner WHERE person_id = NEW.id;
	RETURN NULL;
END $$;
CREATE TRIGGER people_shares AFTER UPDATE OF owner ON people FOR EACH ROW EXECUTE FUNCTION shares_follow();

-- People: a manager sees everyone; a member sees those they own (the desk
-- what the desk owns) and those shared with them. Only the owner or a
-- manager deletes. A member adds people only as their own (or the desk's).
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
ALTER TABLE people FORCE ROW LEVEL SECURITY;
CREATE POLICY people_seen ON people FOR SELECT USING (
	(SELECT team_kind()) = 'manager'
	OR owner = current_user
	OR (owner = (SELECT team_desk()) AND (SELECT team_kind()) = 'receptionist')
	OR id IN (SELECT person_id FROM shares WHERE member = current_user));
CREATE POLICY people_added ON people FOR INSERT WITH CHECK (
	(SELECT team_kind()) = 'manager'
	OR ((SELECT team_kind()) <> '' AND owner = (SELECT team_new_owner())));
CREATE POLICY people_changed ON people FOR UPDATE USING (
	(SELECT team_kind()) = 'manager'
	OR owner = current_user
	OR (owner = (SELECT team_desk()) AND (SELECT team_kind()) = 'receptionist')
	OR id IN (SELECT person_id FROM shares WHERE member = current_user));
CREATE POLICY people_deleted ON people FOR DELETE USING (
	(SELECT team_kind()) = 'manager'
	OR owner = current_user
	OR (owner = (SELECT team_desk()) AND (SELECT team_kind()) = 'receptionist'));

-- Shares: seen by the member shared with, by the person's owner and by
-- managers; made and taken back by the owner or a manager (or given back
-- by the member).
ALTER TABLE shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE shares FORCE ROW LEVEL SECURITY;
CREATE POLICY shares_seen ON shares FOR SELECT USING (
	member = current_user
	OR (SELECT team_kind()) = 'manager'
	OR owner = current_user
	OR (owner = (SELECT team_desk()) AND (SELECT team_kind()) = 'receptionist'));
CREATE POLICY shares_made ON shares FOR INSERT WITH CHECK (
	(SELECT team_kind()) = 'manager'
	OR owner = current_user
	OR (owner = (SELECT team_desk()) AND (SELECT team_kind()) = 'receptionist'));
CREATE POLICY shares_ended ON shares FOR DELETE USING (
	member = current_user
	OR (SELECT team_kind()) = 'manager'
	OR owner = current_user
	OR (owner = (SELECT team_desk()) AND (SELECT team_kind()) = 'receptionist'));
-- Only the handing over above changes a share, as the tables' owner.
CREATE POLICY shares_follow ON shares FOR UPDATE USING ((SELECT team_kind()) = 'manager');

-- What is a person's follows them: the rule on people applies inside
-- these subqueries too. A manager's short cut comes first so that the
-- subquery is not even run for them.
ALTER TABLE requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE requests FORCE ROW LEVEL SECURITY;
CREATE POLICY requests_theirs ON requests USING (
	(SELECT team_kind()) = 'manager' OR person_id IN (SELECT id FROM people));

ALTER TABLE letters ENABLE ROW LEVEL SECURITY;
ALTER TABLE letters FORCE ROW LEVEL SECURITY;
CREATE POLICY letters_theirs ON letters USING (
	(SELECT team_kind()) = 'manager' OR request_id IN (SELECT id FROM requests));

ALTER TABLE steps ENABLE ROW LEVEL SECURITY;
ALTER TABLE steps FORCE ROW LEVEL SECURITY;
CREATE POLICY steps_theirs ON steps USING (
	(SELECT team_kind()) = 'manager' OR request_id IN (SELECT id FROM requests));

ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY attachments_theirs ON attachments USING (
	(SELECT team_kind()) = 'manager' OR step_id IN (SELECT id FROM steps));

-- The directory: every member reads it and adds to it; only a manager
-- changes or deletes an entry.
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
CREATE POLICY contacts_seen ON contacts FOR SELECT USING ((SELECT team_kind()) <> '');
CREATE POLICY contacts_added ON contacts FOR INSERT WITH CHECK ((SELECT team_kind()) <> '');
CREATE POLICY contacts_changed ON contacts FOR UPDATE USING ((SELECT team_kind()) = 'manager');
CREATE POLICY contacts_deleted ON contacts FOR DELETE USING ((SELECT team_kind()) = 'manager');

-- Settings: a key ending in @NAME is that member's own (the store keeps
-- the letter-writer's details and the window's preferences so on a
-- server); any other key is the team's, which only a manager changes.
-- A manager reads and rewrites every member's, to protect them with the
-- records' passphrase.
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings FORCE ROW LEVEL SECURITY;
CREATE POLICY settings_seen ON settings FOR SELECT USING (
	split_part(key, '@', 2) IN ('', current_user) OR (SELECT team_kind()) = 'manager');
CREATE POLICY settings_written ON settings FOR ALL USING (
	split_part(key, '@', 2) = current_user OR (SELECT team_kind()) = 'manager');

-- The vault (the records' passphrase protection): read by every member
-- to unlock, changed by a manager, and each member's own wrapping of the
-- key ('passphrase:NAME') changed by that member too.
ALTER TABLE vault ENABLE ROW LEVEL SECURITY;
ALTER TABLE vault FORCE ROW LEVEL SECURITY;
CREATE POLICY vault_seen ON vault FOR SELECT USING ((SELECT team_kind()) <> '');
CREATE POLICY vault_changed ON vault FOR ALL USING ((SELECT team_kind()) = 'manager');
CREATE POLICY vault_own ON vault FOR ALL
	USING (name = 'passphrase:' || current_user AND (SELECT team_kind()) <> '')
	WITH CHECK (name = 'passphrase:' || current_user AND (SELECT team_kind()) <> '');

-- The audit log: who wrote what kind of record, which one, and when;
-- never a value. Triggers write it as the tables' owner; no member can
-- write, change or delete a row, and only managers read it. With FORCE,
-- not even the owner changes or deletes a row by an ordinary statement.
CREATE TABLE audit (
	seq    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at     TIMESTAMPTZ NOT NULL DEFAULT now(),
	who    TEXT NOT NULL DEFAULT session_user,
	action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete',
		'opened', 'printed', 'exported', 'erased', 'anonymised', 'protected', 'unprotected')),
	kind   TEXT NOT NULL,
	record TEXT NOT NULL
);
CREATE INDEX audit_by_time ON audit (at);
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit FOR SELECT USING ((SELECT team_kind()) = 'manager');
CREATE POLICY audit_written ON audit FOR INSERT WITH CHECK (who = session_user);

-- who is session_user: the member who signed in, even inside this
-- function, which runs as the tables' owner. TG_ARGV[0] names the column
-- that identifies the record.
CREATE FUNCTION audit_write() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
	r JSONB := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
	INSERT INTO audit (action, kind, record) VALUES (lower(TG_OP), TG_TABLE_NAME, coalesce(r ->> TG_ARGV[0], ''));
	RETURN NULL;
END $$;

-- What the window or a command did with a record (a page opened, a letter
-- printed, a copy exported, a person erased): noted by the member through
-- this function, under their own sign-in. Changes are the triggers' alone.
CREATE FUNCTION team_note(what TEXT, kind TEXT, record TEXT) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
	IF team_kind_of(session_user) = '' OR what NOT IN ('opened', 'printed', 'exported', 'erased', 'anonymised', 'protected', 'unprotected') THEN
		RAISE EXCEPTION 'not a note a member makes' USING ERRCODE = 'insufficient_privilege';
	END IF;
	INSERT INTO audit (action, kind, record) VALUES (what, kind, record);
END $$;

CREATE FUNCTION audit_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the audit log is never emptied' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_kept BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_kept();

CREATE TRIGGER people_audit AFTER INSERT OR UPDATE OR DELETE ON people FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER contacts_audit AFTER INSERT OR UPDATE OR DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER requests_audit AFTER INSERT OR UPDATE OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER letters_audit AFTER INSERT OR UPDATE OR DELETE ON letters FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER steps_audit AFTER INSERT OR UPDATE OR DELETE ON steps FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER attachments_audit AFTER INSERT OR UPDATE OR DELETE ON attachments FOR EACH ROW EXECUTE FUNCTION audit_write('step_id');
CREATE TRIGGER shares_audit AFTER INSERT OR UPDATE OR DELETE ON shares FOR EACH ROW EXECUTE FUNCTION audit_write('person_id');
CREATE TRIGGER settings_audit AFTER INSERT OR UPDATE OR DELETE ON settings FOR EACH ROW EXECUTE FUNCTION audit_write('key');
CREATE TRIGGER vault_audit AFTER INSERT OR UPDATE OR DELETE ON vault FOR EACH ROW EXECUTE FUNCTION audit_write('name');

-- Members: a manager adds a sign-in of a kind, with a password the program
-- has already turned into a SCRAM verifier (the password itself never
-- reaches the server), or changes a member's kind or password; and removes
-- one. These run as the owner, which may create roles; only managers may
-- call them, and they touch no role that is not this caseload's.
CREATE FUNCTION team_add_member(who TEXT, kind TEXT, verifier TEXT) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
	g NAME := (SELECT role FROM team_roles t WHERE t.kind = team_add_member.kind AND t.kind <> 'owner');
	r RECORD;
BEGIN
	IF g IS NULL THEN
		RAISE EXCEPTION 'A member is a receptionist, an advocate or a manager.' USING ERRCODE = 'SO001';
	END IF;
	IF verifier <> '' AND verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
		RAISE EXCEPTION 'the password must come as a SCRAM verifier' USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF EXISTS (SELECT FROM pg_roles WHERE rolname = who) THEN
		IF who = (SELECT role FROM team_roles WHERE team_roles.kind = 'owner') OR team_kind_of(who::NAME) = ''
				OR EXISTS (SELECT FROM pg_roles WHERE rolname = who AND (rolsuper OR NOT rolcanlogin)) THEN
			RAISE EXCEPTION 'The name % is already used on this server. Please choose another.', who USING ERRCODE = 'SO001';
		END IF;
		IF verifier <> '' THEN
			EXECUTE format('ALTER ROLE %I PASSWORD %L', who, verifier);
		END IF;
	ELSIF verifier = '' THEN
		RAISE EXCEPTION 'A new member needs a password.' USING ERRCODE = 'SO001';
	ELSE
		EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', who, verifier);
	END IF;
	-- One kind per member: leave the caseload's other groups.
	FOR r IN SELECT role FROM team_roles WHERE team_roles.kind NOT IN ('owner', team_add_member.kind) LOOP
		IF EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.roleid JOIN pg_roles b ON b.oid = m.member
				WHERE a.rolname = r.role AND b.rolname = who) THEN
			EXECUTE format('REVOKE %I FROM %I', r.role, who);
		END IF;
	END LOOP;
	EXECUTE format('GRANT %I TO %I', g, who);
END $$;

CREATE FUNCTION team_remove_member(who TEXT) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
	r RECORD;
	left_any BOOLEAN := false;
BEGIN
	IF who = session_user THEN
		RAISE EXCEPTION 'You cannot remove your own sign-in. Please ask another manager.' USING ERRCODE = 'SO001';
	END IF;
	FOR r IN SELECT t.role FROM team_roles t
			JOIN pg_roles a ON a.rolname = t.role
			JOIN pg_auth_members m ON m.roleid = a.oid
			JOIN pg_roles b ON b.oid = m.member
			WHERE t.kind <> 'owner' AND b.rolname = who LOOP
		EXECUTE format('REVOKE %I FROM %I', r.role, who);
		left_any := true;
	END LOOP;
	IF NOT left_any THEN
		RAISE EXCEPTION '% is not a member of the team.', who USING ERRCODE = 'SO001';
	END IF;
	-- A sign-in that belongs to nothing else now goes; one still used
	-- elsewhere on the server stays there (it can no longer open this).
	IF NOT EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.member WHERE b.rolname = who) THEN
		BEGIN
			EXECUTE format('DROP ROLE %I', who);
		EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege THEN
			NULL;
		END;
	END IF;
END $$;

-- Grants: members reach the tables only through the policies above.
-- Functions that run as the owner are for managers only, or for triggers.
DO $$
DECLARE
	g TEXT;
	f TEXT;
BEGIN
	FOR g IN SELECT role FROM team_roles WHERE kind <> 'owner' LOOP
		EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON people, requests, letters, steps, attachments, contacts, settings, vault TO %I', g);
		EXECUTE format('GRANT SELECT, INSERT, DELETE ON shares TO %I', g);
		EXECUTE format('GRANT SELECT ON schema_version, team_roles TO %I', g);
	END LOOP;
	EXECUTE format('GRANT SELECT ON audit TO %I', (SELECT role FROM team_roles WHERE kind = 'manager'));
	FOREACH f IN ARRAY ARRAY['team_add_member(text, text, text)', 'team_remove_member(text)',
			'audit_write()', 'audit_kept()', 'shares_filled()', 'shares_follow()', 'people_owner_kept()'] LOOP
		EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
	END LOOP;
	EXECUTE format('GRANT EXECUTE ON FUNCTION team_add_member(text, text, text), team_remove_member(text) TO %I',
		(SELECT role FROM team_roles WHERE kind = 'manager'));
	REVOKE EXECUTE ON FUNCTION team_note(text, text, text) FROM PUBLIC;
	FOR g IN SELECT role FROM team_roles WHERE kind <> 'owner' LOOP
		EXECUTE format('GRANT EXECUTE ON FUNCTION team_note(text, text, text) TO %I', g);
	END LOOP;
	-- Every function here finds its tables in this schema only, never in
	-- one a member could have made first.
	FOREACH f IN ARRAY ARRAY['team_kind_of(name)', 'team_kind()', 'team_desk()', 'team_new_owner()',
			'people_owner_kept()', 'shares_filled()', 'shares_follow()', 'audit_write()', 'audit_kept()',
			'team_add_member(text, text, text)', 'team_remove_member(text)', 'team_note(text, text, text)'] LOOP
		EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp', f, current_schema());
	END LOOP;
END $$;
