-- Advocates record a person's written consent (date and scope) and their
-- own flags for a person (one per line).
ALTER TABLE people ADD COLUMN consent_on TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN consent_scope TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN flags TEXT NOT NULL DEFAULT '';
