-- Every record carries a checksum of its content, so that words changed
-- inside a record (damage the file's own integrity check cannot see) are
-- found. The program computes it with its record_sum function, over the
-- record's columns by name, leaving out empty values; the records already
-- saved get theirs here.
ALTER TABLE people ADD COLUMN checksum TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN checksum TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN checksum TEXT NOT NULL DEFAULT '';
ALTER TABLE letters ADD COLUMN checksum TEXT NOT NULL DEFAULT '';
ALTER TABLE steps ADD COLUMN checksum TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN checksum TEXT NOT NULL DEFAULT '';
UPDATE people SET checksum = record_sum(
	'id', id,
	'name', name,
	'date_of_birth', date_of_birth,
	'address', address,
	'phone', phone,
	'email', email,
	'nhs_number', nhs_number,
	'nation', nation,
	'notes', notes,
	'consent_on', consent_on,
	'consent_scope', consent_scope,
	'flags', flags,
	'pronouns', pronouns,
	'title', title,
	'nhs_name', nhs_name,
	'relationship', relationship,
	'created_at', created_at,
	'updated_at', updated_at);
UPDATE contacts SET checksum = record_sum(
	'id', id,
	'name', name,
	'role', role,
	'organisation', organisation,
	'address', address,
	'email', email,
	'phone', phone,
	'notes', notes,
	'last_verified', last_verified,
	'funding_review_days', funding_review_days,
	'nations', nations,
	'refusal_policy', refusal_policy,
	'created_at', created_at,
	'updated_at', updated_at);
UPDATE requests SET checksum = record_sum(
	'id', id,
	'person_id', person_id,
	'subject', subject,
	'route', route,
	'asked_by', asked_by,
	'asked_how', asked_how,
	'reason_category', reason_category,
	'on_behalf', on_behalf,
	'recipient_id', recipient_id,
	'condition', condition,
	'treatment', treatment,
	'raised_with_doctor', raised_with_doctor,
	'reason', reason,
	'outcome_wanted', outcome_wanted,
	'unwell_since', unwell_since,
	'admissions', admissions,
	'medications_tried', medications_tried,
	'current_medication', current_medication,
	'problems', problems,
	'side_effects', side_effects,
	'already_tried', already_tried,
	'reply_method', reply_method,
	'tests_and_assessments', tests_and_assessments,
	'risk_assessment', risk_assessment,
	'questions', questions,
	'timescale', timescale,
	'created_at', created_at,
	'updated_at', updated_at);
UPDATE letters SET checksum = record_sum(
	'id', id,
	'request_id', request_id,
	'kind', kind,
	'recipient_id', recipient_id,
	'body', body,
	'large_print', large_print,
	'sent_on', sent_on,
	'sent_how', sent_how,
	'created_at', created_at,
	'updated_at', updated_at);
UPDATE steps SET checksum = record_sum(
	'id', id,
	'request_id', request_id,
	'on_date', on_date,
	'kind', kind,
	'outcome', outcome,
	'letter_id', letter_id,
	'letter_kind', letter_kind,
	'summary', summary,
	'due_on', due_on,
	'due_what', due_what,
	'minutes', minutes,
	'attachment', attachment,
	'sent_how', sent_how,
	'received_on', received_on,
	'created_at', created_at,
	'no_reasons', no_reasons);
UPDATE attachments SET checksum = record_sum(
	'step_id', step_id,
	'name', name,
	'content', content,
	'created_at', created_at);
