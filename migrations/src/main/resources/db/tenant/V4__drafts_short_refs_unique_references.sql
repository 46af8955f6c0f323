-- Every statement checks first whether its change is already there: MySQL commits each DDL
-- statement on its own, so a control plane killed half-way leaves some of this file applied and
-- nothing in Flyway's history, and the step's retry runs the whole file again. MySQL 8 has no
-- ADD COLUMN / CREATE INDEX ... IF NOT EXISTS (MariaDB has), hence the prepared statements.

-- The interview page an applicant last sent with something missing or wrong: what was typed and
-- what to say about it, shown on the page after the redirect (answers that are not acceptable are
-- never stored as answers). Cleared when the page is accepted.
SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = DATABASE() AND table_name = 'case_file' AND column_name = 'draft'),
              'DO 0', 'ALTER TABLE case_file ADD COLUMN draft TEXT NULL');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;

-- A reference a person can read over the phone (e.g. K7M2-QX9D), besides the 22-character case link.
-- Cases made before this migration have none.
SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = DATABASE() AND table_name = 'case_file' AND column_name = 'short_ref'),
              'DO 0', 'ALTER TABLE case_file ADD COLUMN short_ref CHAR(9) NULL');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;

SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.statistics
                      WHERE table_schema = DATABASE() AND table_name = 'case_file' AND index_name = 'ux_case_short_ref'),
              'DO 0', 'CREATE UNIQUE INDEX ux_case_short_ref ON case_file (short_ref)');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;

-- An integrator's reference names one case: a second case with it is refused (409), so a lookup by
-- reference gives one answer. Several cases may have none.
SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.statistics
                      WHERE table_schema = DATABASE() AND table_name = 'case_file' AND index_name = 'ix_case_reference'),
              'DROP INDEX ix_case_reference ON case_file', 'DO 0');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;

SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.statistics
                      WHERE table_schema = DATABASE() AND table_name = 'case_file' AND index_name = 'ux_case_reference'),
              'DO 0', 'CREATE UNIQUE INDEX ux_case_reference ON case_file (reference)');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;
