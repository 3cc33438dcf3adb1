-- What a clinician's request to a colleague needs beyond the patient's own
-- account: tests and assessments, the risk assessment, the specific
-- questions (one per line) and the timescale.
ALTER TABLE requests ADD COLUMN tests_and_assessments TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN risk_assessment TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN questions TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN timescale TEXT NOT NULL DEFAULT '';
