-- How letters speak of and to a person: pronouns (he, she, they, or ''
-- for the name), a title for the greeting, the name as the NHS record
-- holds it, and who they are to the user ("my son").
ALTER TABLE people ADD COLUMN pronouns TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN nhs_name TEXT NOT NULL DEFAULT '';
ALTER TABLE people ADD COLUMN relationship TEXT NOT NULL DEFAULT '';
