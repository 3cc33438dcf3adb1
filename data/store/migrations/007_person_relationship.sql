-- Who the person is to the one writing for them, in the writer's words
-- ("my mother", "my client"), said in letters written on their behalf.
ALTER TABLE people ADD COLUMN relationship TEXT NOT NULL DEFAULT '';
