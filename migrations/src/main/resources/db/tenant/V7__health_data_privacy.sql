-- Health data is sealed with a data key per case (kept in the tenant's key database, not here):
-- answers, drafts, evidence, evidence results, decisions' explanations and underwriters' notes and
-- reasons hold ciphertext from now on (values stored before stay readable as they were).
-- An erasure destroys the case's key and removes what can be removed; the outcome, dates and reason
-- codes stay for the insurer's records, and the signed receipt says what went.
-- Re-runnable statement by statement (see migrations/README.md).

SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = DATABASE() AND table_name = 'case_file' AND column_name = 'erased_at'),
              'DO 0', 'ALTER TABLE case_file ADD COLUMN erased_at TIMESTAMP(6) NULL');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;

-- reason codes of every decision, in the clear: what the insurer keeps of an erased case's decisions
SET @ddl = IF(EXISTS (SELECT 1 FROM information_schema.columns
                      WHERE table_schema = DATABASE() AND table_name = 'case_decision' AND column_name = 'reason_codes'),
              'DO 0', 'ALTER TABLE case_decision ADD COLUMN reason_codes VARCHAR(1024) NULL');
PREPARE ddl FROM @ddl;
EXECUTE ddl;
DEALLOCATE PREPARE ddl;

-- what an erasure removes becomes NULL
ALTER TABLE case_decision MODIFY decision MEDIUMTEXT NULL;
ALTER TABLE evidence_result MODIFY results TEXT NULL;
ALTER TABLE case_note MODIFY body TEXT NULL;
ALTER TABLE case_review MODIFY reason_text TEXT NULL;

-- one erasure per case, with its signed receipt (the receipt holds no health data)
CREATE TABLE IF NOT EXISTS case_erasure (
    case_id      CHAR(22)     NOT NULL PRIMARY KEY,
    receipt_id   CHAR(36)     NOT NULL,
    erased_at    TIMESTAMP(6) NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    requested_by VARCHAR(200) NOT NULL,
    receipt      TEXT         NOT NULL,
    signature    VARCHAR(200) NOT NULL,
    CONSTRAINT fk_erasure_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE = InnoDB;
