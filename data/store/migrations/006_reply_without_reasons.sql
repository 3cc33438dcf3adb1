-- A refusal that came without its reasons: the reasons are owed in
-- writing, and the next letter asks for them.
ALTER TABLE steps ADD COLUMN no_reasons INTEGER NOT NULL DEFAULT 0;
