-- Every person, contact, request and letter counts its saves, so that a
-- save made from an older copy than the one stored is refused rather than
-- silently writing over someone else's change. An empty (0) version
-- leaves the checksums as they were.
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE letters ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
