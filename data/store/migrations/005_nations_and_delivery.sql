-- Which nations a body serves, so a letter is never addressed across a
-- border; whether a provider's own policy promises written reasons for a
-- refusal within 7 days and an appeal to its medical director; and how a
-- letter went and when it arrived, since the other side's time runs from
-- receipt.
ALTER TABLE contacts ADD COLUMN nations TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN refusal_policy INTEGER NOT NULL DEFAULT 0;
ALTER TABLE steps ADD COLUMN sent_how TEXT NOT NULL DEFAULT '';
ALTER TABLE steps ADD COLUMN received_on TEXT NOT NULL DEFAULT '';
