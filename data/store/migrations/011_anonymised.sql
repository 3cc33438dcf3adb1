-- A person past the retention period can be anonymised instead of erased:
-- their identity goes and their requests stay, for the figures. This is
-- the day it was done ('' for everyone else), so that they are not listed
-- as past the period again. An empty default leaves every checksum as it
-- was.
ALTER TABLE people ADD COLUMN anonymised_on TEXT NOT NULL DEFAULT '';
