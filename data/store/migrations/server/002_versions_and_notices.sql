-- Every person, contact, request and letter counts its saves, so that a
-- save made from an older copy than the one stored is refused rather than
-- silently writing over someone else's change. An empty (0) version
-- leaves the checksums as they were.
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE letters ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- Every desk is told within moments what another desk changed: each write
-- sends a notice naming the kind of record, its id and the desk that made
-- it (its connection's application_name), never any content. Desks
-- listening read the record again, as their sign-in allows.
CREATE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	row_id TEXT;
BEGIN
	IF TG_OP = 'DELETE' THEN
		row_id := to_jsonb(OLD) ->> TG_ARGV[0];
	ELSE
		row_id := to_jsonb(NEW) ->> TG_ARGV[0];
	END IF;
	PERFORM pg_notify('secondopinion_changes',
		TG_TABLE_NAME || ' ' || coalesce(row_id, '') || ' ' || current_setting('application_name'));
	RETURN NULL;
END
$$;

CREATE TRIGGER people_notice AFTER INSERT OR UPDATE OR DELETE ON people FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER contacts_notice AFTER INSERT OR UPDATE OR DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER requests_notice AFTER INSERT OR UPDATE OR DELETE ON requests FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER letters_notice AFTER INSERT OR UPDATE OR DELETE ON letters FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER steps_notice AFTER INSERT OR UPDATE OR DELETE ON steps FOR EACH ROW EXECUTE FUNCTION notify_change('id');
CREATE TRIGGER attachments_notice AFTER INSERT OR UPDATE OR DELETE ON attachments FOR EACH ROW EXECUTE FUNCTION notify_change('step_id');
CREATE TRIGGER settings_notice AFTER INSERT OR UPDATE OR DELETE ON settings FOR EACH ROW EXECUTE FUNCTION notify_change('key');
