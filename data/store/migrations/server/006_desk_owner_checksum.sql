-- A client handed to a receptionist belongs to the desk: people_owner_kept
-- (003) writes the desk's group as the owner. But PostgreSQL runs a row's
-- BEFORE triggers in the order of their names, and people_checksum comes
-- before people_owner: the checksum was worked out with the receptionist's
-- own name, then the owner changed. Every client handed to the desk read
-- as damaged to `check` (all 50,000, handed over at once).
--
-- The owner's trigger now works the checksum out again whenever it writes
-- the owner itself.
CREATE OR REPLACE FUNCTION people_owner_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.owner IS DISTINCT FROM OLD.owner THEN
		IF team_kind() <> 'manager' THEN
			RAISE EXCEPTION 'only a manager can hand a client over' USING ERRCODE = 'insufficient_privilege';
		END IF;
		IF team_kind_of(NEW.owner) = 'receptionist' THEN
			NEW.owner := team_desk();
			NEW.checksum := record_sum(to_jsonb(NEW));
		ELSIF NEW.owner <> team_desk() AND team_kind_of(NEW.owner) = '' THEN
			RAISE EXCEPTION 'Only a member of the team can be given a client. Nothing was changed.' USING ERRCODE = 'SO001';
		END IF;
	END IF;
	RETURN NEW;
END $$;

-- The clients damaged so: the desk's, whose checksum is that of the same
-- row with a sign-in's name as the owner. Their checksum is worked out
-- again (the checksum trigger does it); any other damage stays for
-- `check` to report.
UPDATE people p SET checksum = ''
WHERE p.owner = (SELECT role FROM team_roles WHERE kind = 'receptionist')
	AND p.checksum <> record_sum(to_jsonb(p))
	AND EXISTS (SELECT FROM pg_roles r WHERE r.rolcanlogin
		AND p.checksum = record_sum(jsonb_set(to_jsonb(p), '{owner}', to_jsonb(r.rolname::TEXT))));
