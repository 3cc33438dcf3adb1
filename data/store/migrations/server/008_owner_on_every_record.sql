-- Each request, step and letter names its person's owner, so that who may
-- see it is asked of the row itself.
--
-- Until now a receptionist's or an advocate's reading of every request or
-- step (as signing in does) made the server first list every person they
-- may see, each checked against the rule on people, and then look each row
-- up in that list. With 50,000 clients that was 100-150 ms more of the
-- server's time for each of the two readings than a manager's, on a server
-- that desks share. Asked of the row's own owner, as the rule on people is,
-- it costs a comparison.
--
-- The owner is always the person's: a trigger fills it on every write,
-- whatever the program sent (a request from its person, a step or letter
-- from its request), and it follows the person when a manager hands them
-- over. A record whose person the writer may not see gets no owner, and
-- the rule then refuses the write, as it did. The owner is part of the
-- stored row, so of its checksum: the triggers work that out again
-- themselves (see 006 and 007).
--
-- Following the owner is no change of the record: it is not written to
-- the audit log, and no desk is told of it. The person handed over is, and
-- desks read them again with all that is theirs.
ALTER TABLE requests ADD COLUMN owner TEXT;
ALTER TABLE steps ADD COLUMN owner TEXT;
ALTER TABLE letters ADD COLUMN owner TEXT;

-- A request's owner is its person's, as the writer sees them.
CREATE FUNCTION owner_of_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.owner := (SELECT owner FROM people WHERE id = NEW.person_id);
	NEW.checksum := record_sum(to_jsonb(NEW));
	RETURN NEW;
END $$;
CREATE TRIGGER requests_owner BEFORE INSERT OR UPDATE ON requests FOR EACH ROW EXECUTE FUNCTION owner_of_person();

-- A step's or letter's person and owner are its request's.
CREATE OR REPLACE FUNCTION person_of_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	SELECT person_id, owner INTO NEW.person_id, NEW.owner FROM requests WHERE id = NEW.request_id;
	NEW.checksum := record_sum(to_jsonb(NEW));
	RETURN NEW;
END $$;

-- People handed over take all that is theirs along: once for the whole
-- statement, as a manager may hand thousands over at once. It runs as the
-- owner of the tables, as the shares' does (003); each row's own trigger
-- then reads the owner again from its person or request, who now have it.
CREATE FUNCTION owner_followed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
	-- Most saves of a person hand no one over, and look no further.
	IF EXISTS (SELECT FROM handed n JOIN before o ON o.id = n.id WHERE n.owner IS DISTINCT FROM o.owner) THEN
		UPDATE requests r SET owner = n.owner FROM handed n JOIN before o ON o.id = n.id
			WHERE r.person_id = n.id AND n.owner IS DISTINCT FROM o.owner;
		UPDATE steps s SET owner = n.owner FROM handed n JOIN before o ON o.id = n.id
			WHERE s.person_id = n.id AND n.owner IS DISTINCT FROM o.owner;
		UPDATE letters l SET owner = n.owner FROM handed n JOIN before o ON o.id = n.id
			WHERE l.person_id = n.id AND n.owner IS DISTINCT FROM o.owner;
	END IF;
	RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION owner_followed() FROM PUBLIC;
CREATE TRIGGER people_owner_followed AFTER UPDATE ON people REFERENCING OLD TABLE AS before NEW TABLE AS handed
	FOR EACH STATEMENT EXECUTE FUNCTION owner_followed();

-- Each of these three tables' triggers above works its row's checksum out
-- last, as the row is stored: the one every table was given first (001)
-- only did the same work before it, twice for each record handed over.
DROP TRIGGER requests_checksum ON requests;
DROP TRIGGER steps_checksum ON steps;
DROP TRIGGER letters_checksum ON letters;

-- Found by their person, to follow a hand-over (the requests are, since 001).
CREATE INDEX steps_by_person ON steps (person_id);
CREATE INDEX letters_by_person ON letters (person_id);

-- The audit log and the desks' notices leave out a change of the owner
-- alone (with the checksum it changes).
DROP TRIGGER requests_audit ON requests;
DROP TRIGGER steps_audit ON steps;
DROP TRIGGER letters_audit ON letters;
DROP TRIGGER requests_notice ON requests;
DROP TRIGGER steps_notice ON steps;
DROP TRIGGER letters_notice ON letters;
CREATE TRIGGER requests_audit AFTER INSERT OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER steps_audit AFTER INSERT OR DELETE ON steps FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER letters_audit AFTER INSERT OR DELETE ON letters FOR EACH ROW EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER requests_notice AFTER INSERT OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER steps_notice AFTER INSERT OR DELETE ON steps FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER letters_notice AFTER INSERT OR DELETE ON letters FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER requests_audit_changed AFTER UPDATE ON requests FOR EACH ROW
	WHEN (to_jsonb(OLD) - 'owner' - 'checksum' IS DISTINCT FROM to_jsonb(NEW) - 'owner' - 'checksum')
	EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER steps_audit_changed AFTER UPDATE ON steps FOR EACH ROW
	WHEN (to_jsonb(OLD) - 'owner' - 'checksum' IS DISTINCT FROM to_jsonb(NEW) - 'owner' - 'checksum')
	EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER letters_audit_changed AFTER UPDATE ON letters FOR EACH ROW
	WHEN (to_jsonb(OLD) - 'owner' - 'checksum' IS DISTINCT FROM to_jsonb(NEW) - 'owner' - 'checksum')
	EXECUTE FUNCTION audit_write('id');
CREATE TRIGGER requests_notice_changed AFTER UPDATE ON requests FOR EACH ROW
	WHEN (to_jsonb(OLD) - 'owner' - 'checksum' IS DISTINCT FROM to_jsonb(NEW) - 'owner' - 'checksum')
	EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER steps_notice_changed AFTER UPDATE ON steps FOR EACH ROW
	WHEN (to_jsonb(OLD) - 'owner' - 'checksum' IS DISTINCT FROM to_jsonb(NEW) - 'owner' - 'checksum')
	EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER letters_notice_changed AFTER UPDATE ON letters FOR EACH ROW
	WHEN (to_jsonb(OLD) - 'owner' - 'checksum' IS DISTINCT FROM to_jsonb(NEW) - 'owner' - 'checksum')
	EXECUTE FUNCTION notify_change('id');

-- The records already kept take their person's owner. Like 007's filling
-- in of the person, this is no change of anyone's.
ALTER TABLE requests DISABLE TRIGGER USER;
ALTER TABLE steps DISABLE TRIGGER USER;
ALTER TABLE letters DISABLE TRIGGER USER;
UPDATE requests r SET owner = p.owner FROM people p WHERE p.id = r.person_id;
UPDATE steps s SET owner = p.owner FROM people p WHERE p.id = s.person_id;
UPDATE letters l SET owner = p.owner FROM people p WHERE p.id = l.person_id;
-- The checksums, worked out again only where they were right: a record
-- damaged before stays damaged, for `check` to find.
UPDATE requests SET checksum = record_sum(to_jsonb(requests)) WHERE checksum = record_sum(to_jsonb(requests) - 'owner');
UPDATE steps SET checksum = record_sum(to_jsonb(steps)) WHERE checksum = record_sum(to_jsonb(steps) - 'owner');
UPDATE letters SET checksum = record_sum(to_jsonb(letters)) WHERE checksum = record_sum(to_jsonb(letters) - 'owner');
ALTER TABLE requests ENABLE TRIGGER USER;
ALTER TABLE steps ENABLE TRIGGER USER;
ALTER TABLE letters ENABLE TRIGGER USER;

-- The rules ask no other table now but the shares: 007's index of who
-- owns each person served only them.
DROP INDEX people_seen_by;

DROP POLICY requests_theirs ON requests;
CREATE POLICY requests_theirs ON requests USING (
	(SELECT team_kind()) = 'manager'
	OR owner = current_user
	OR (owner = (SELECT team_desk()) AND (SELECT team_kind()) = 'receptionist')
	OR EXISTS (SELECT FROM shares s WHERE s.person_id = requests.person_id AND s.member = current_user));

DROP POLICY steps_theirs ON steps;
CREATE POLICY steps_theirs ON steps USING (
	(SELECT team_kind()) = 'manager'
	OR owner = current_user
	OR (owner = (SELECT team_desk()) AND (SELECT team_kind()) = 'receptionist')
	OR EXISTS (SELECT FROM shares s WHERE s.person_id = steps.person_id AND s.member = current_user));

DROP POLICY letters_theirs ON letters;
CREATE POLICY letters_theirs ON letters USING (
	(SELECT team_kind()) = 'manager'
	OR owner = current_user
	OR (owner = (SELECT team_desk()) AND (SELECT team_kind()) = 'receptionist')
	OR EXISTS (SELECT FROM shares s WHERE s.person_id = letters.person_id AND s.member = current_user));
