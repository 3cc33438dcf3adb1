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
UPDATE people SET checksum = record_sum('id,name,date_of_birth,address,phone,email,nhs_number,nation,notes,consent_on,consent_scope,flags,pronouns,title,nhs_name,relationship,created_at,updated_at',
	id, name, date_of_birth, address, phone, email, nhs_number, nation, notes, consent_on, consent_scope, flags, pronouns, title, nhs_name, relationship, created_at, updated_at);
UPDATE contacts SET checksum = record_sum('id,name,role,organisation,address,email,phone,notes,last_verified,funding_review_days,nations,refusal_policy,created_at,updated_at',
	id, name, role, organisation, address, email, phone, notes, last_verified, funding_review_days, nations, refusal_policy, created_at, updated_at);
UPDATE requests SET checksum = record_sum('id,person_id,subject,route,asked_by,asked_how,reason_category,on_behalf,recipient_id,condition,treatment,raised_with_doctor,reason,outcome_wanted,unwell_since,admissions,medications_tried,current_medication,problems,side_effects,already_tried,reply_method,tests_and_assessments,risk_assessment,questions,timescale,created_at,updated_at',
	id, person_id, subject, route, asked_by, asked_how, reason_category, on_behalf, recipient_id, condition, treatment, raised_with_doctor, reason, outcome_wanted, unwell_since, admissions, medications_tried, current_medication, problems, side_effects, already_tried, reply_method, tests_and_assessments, risk_assessment, questions, timescale, created_at, updated_at);
UPDATE letters SET checksum = record_sum('id,request_id,kind,recipient_id,body,large_print,sent_on,sent_how,created_at,updated_at',
	id, request_id, kind, recipient_id, body, large_print, sent_on, sent_how, created_at, updated_at);
UPDATE steps SET checksum = record_sum('id,request_id,on_date,kind,outcome,letter_id,letter_kind,summary,due_on,due_what,minutes,attachment,sent_how,received_on,created_at,no_reasons',
	id, request_id, on_date, kind, outcome, letter_id, letter_kind, summary, due_on, due_what, minutes, attachment, sent_how, received_on, created_at, no_reasons);
UPDATE attachments SET checksum = record_sum('step_id,name,content,created_at',
	step_id, name, content, created_at);
