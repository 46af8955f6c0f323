-- The interview page an applicant last sent with something missing or wrong: what was typed and
-- what to say about it, shown on the page after the redirect (answers that are not acceptable are
-- never stored as answers). Cleared when the page is accepted.
ALTER TABLE case_file ADD COLUMN draft TEXT NULL;

-- A reference a person can read over the phone (e.g. K7M2-QX9D), besides the 22-character case link.
-- Cases made before this migration have none.
ALTER TABLE case_file ADD COLUMN short_ref CHAR(9) NULL;
CREATE UNIQUE INDEX ux_case_short_ref ON case_file (short_ref);

-- An integrator's reference names one case: a second case with it is refused (409), so a lookup by
-- reference gives one answer. Several cases may have none.
DROP INDEX ix_case_reference ON case_file;
CREATE UNIQUE INDEX ux_case_reference ON case_file (reference);
