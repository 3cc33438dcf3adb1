-- A person anonymised after the retention period keeps their requests for
-- the figures; the day marks them, as in a file (its migration 011), so
-- they are not listed as past the period again.
ALTER TABLE people ADD COLUMN anonymised_on TEXT NOT NULL DEFAULT '';
