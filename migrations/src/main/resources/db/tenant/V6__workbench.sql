-- The underwriters' workbench and the audit trail's hash chain. Re-runnable statement by statement
-- (see migrations/README.md); every statement only adds.

-- The hash chain over tenant_audit_event: entry rows are never changed; a sealer links each new one
-- to the one before (seq order) here, so changing an entry breaks its hash and deleting one breaks
-- the next link. The head is the last seal (deleting the newest seals shows against it).
CREATE TABLE IF NOT EXISTS audit_seal (
    seq       BIGINT       NOT NULL PRIMARY KEY,
    event_id  BIGINT       NOT NULL,
    prev_hash CHAR(64)     NOT NULL,
    hash      CHAR(64)     NOT NULL,
    sealed_at TIMESTAMP(6) NOT NULL,
    UNIQUE KEY ux_audit_seal_event (event_id)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS audit_chain_head (
    id            TINYINT  NOT NULL PRIMARY KEY,
    seq           BIGINT   NOT NULL,
    hash          CHAR(64) NOT NULL,
    last_event_id BIGINT   NOT NULL
) ENGINE = InnoDB;

INSERT IGNORE INTO audit_chain_head (id, seq, hash, last_event_id)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- What each role may decide alone. Beyond it, a decision is refused or goes to a second person.
CREATE TABLE IF NOT EXISTS underwriting_authority (
    role            VARCHAR(32) NOT NULL PRIMARY KEY,
    max_sum_assured BIGINT      NOT NULL,
    max_table       INT         NOT NULL,
    may_decline     BOOLEAN     NOT NULL,
    may_exclude     BOOLEAN     NOT NULL
) ENGINE = InnoDB;

INSERT IGNORE INTO underwriting_authority (role, max_sum_assured, max_table, may_decline, may_exclude) VALUES
    ('underwriter',         250000,  4, FALSE, FALSE),
    ('senior-underwriter', 1000000,  8, TRUE,  TRUE),
    ('chief-underwriter',  5000000, 16, TRUE,  TRUE);

-- A case waiting for a person: why, since when, until when, and who has it.
CREATE TABLE IF NOT EXISTS case_work (
    case_id          CHAR(22)     NOT NULL PRIMARY KEY,
    reason           VARCHAR(24)  NOT NULL,
    queued_at        TIMESTAMP(6) NOT NULL,
    due_at           TIMESTAMP(6) NOT NULL,
    assignee_id      VARCHAR(64)  NULL,
    assignee_name    VARCHAR(200) NULL,
    assigned_at      TIMESTAMP(6) NULL,
    first_touched_at TIMESTAMP(6) NULL,
    closed_at        TIMESTAMP(6) NULL,
    KEY ix_case_work_open (closed_at, due_at),
    CONSTRAINT fk_work_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE = InnoDB;

-- A person's decision, beside the engine's (which stays as it was). AWAITING_APPROVAL until a
-- second person with the authority approves it (FINAL) or sends it back (REJECTED).
CREATE TABLE IF NOT EXISTS case_review (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         CHAR(22)     NOT NULL,
    outcome         VARCHAR(24)  NOT NULL,
    rating_table    INT          NULL,
    exclusions      TEXT         NULL,
    postpone_months INT          NULL,
    reason_code     VARCHAR(32)  NOT NULL,
    reason_text     TEXT         NOT NULL,
    status          VARCHAR(24)  NOT NULL,
    maker_id        VARCHAR(64)  NOT NULL,
    maker_name      VARCHAR(200) NOT NULL,
    maker_role      VARCHAR(32)  NOT NULL,
    approver_id     VARCHAR(64)  NULL,
    approver_name   VARCHAR(200) NULL,
    approved_at     TIMESTAMP(6) NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    KEY ix_review_case (case_id, id),
    CONSTRAINT fk_review_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS case_note (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     CHAR(22)     NOT NULL,
    author_id   VARCHAR(64)  NOT NULL,
    author_name VARCHAR(200) NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    KEY ix_note_case (case_id, id),
    CONSTRAINT fk_note_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE = InnoDB;

-- The underwriters who have signed in here, so a case can be assigned to one of them by name.
CREATE TABLE IF NOT EXISTS workbench_person (
    id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    username  VARCHAR(100) NOT NULL,
    name      VARCHAR(200) NOT NULL,
    role      VARCHAR(32)  NULL,
    last_seen TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;
