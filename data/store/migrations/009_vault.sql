-- Protection with a passphrase. When the records are protected, this holds
-- the data key wrapped by the passphrase ('passphrase', with its Argon2id
-- costs) and by the recovery key ('recovery'), and a value sealed with the
-- key ('check'); personal fields are then sealed in their own columns.
-- Empty when the records are not protected. The key itself is never stored.
CREATE TABLE vault (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
