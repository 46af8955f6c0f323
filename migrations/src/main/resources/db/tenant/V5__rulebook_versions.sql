-- Every rulebook version this tenant's runtime has decided with, as it was delivered (a release
-- pins one; the runtime records it here when it starts). A case is decided by the version it was
-- made under for as long as it lives, also after the tenant has moved to a newer release.
-- Re-runnable statement by statement (see migrations/README.md).
CREATE TABLE IF NOT EXISTS rulebook_version (
    rulebook_id VARCHAR(64)  NOT NULL,
    version     VARCHAR(32)  NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    source      MEDIUMTEXT   NOT NULL,
    recorded_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (rulebook_id, version)
) ENGINE = InnoDB;

-- The version a case was made under. Cases made before this migration have none, and no version
-- before it was recorded: they are decided by the runtime's current one.
SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = DATABASE() AND table_name = 'case_file' AND column_name = 'rulebook_id'),
              'DO 0', 'ALTER TABLE case_file ADD COLUMN rulebook_id VARCHAR(64) NULL');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;

SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = DATABASE() AND table_name = 'case_file' AND column_name = 'rulebook_version'),
              'DO 0', 'ALTER TABLE case_file ADD COLUMN rulebook_version VARCHAR(32) NULL');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;
