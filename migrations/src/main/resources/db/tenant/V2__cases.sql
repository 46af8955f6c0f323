-- Underwriting cases of this tenant. The id is 128 random bits (base64url): it is also the
-- applicant's case link, so it must not be guessable.
CREATE TABLE IF NOT EXISTS case_file (
    id               CHAR(22)     NOT NULL PRIMARY KEY,
    reference        VARCHAR(64)  NULL,
    channel          VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    answers          TEXT         NOT NULL,
    evidence         TEXT         NULL,
    application_date DATE         NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    updated_at       TIMESTAMP(6) NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    KEY ix_case_created (created_at, id),
    KEY ix_case_reference (reference)
) ENGINE = InnoDB;

-- Every decision ever made on a case, with the rulebook version and the full explanation.
CREATE TABLE IF NOT EXISTS case_decision (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id          CHAR(22)     NOT NULL,
    outcome          VARCHAR(24)  NOT NULL,
    rulebook_id      VARCHAR(64)  NOT NULL,
    rulebook_version VARCHAR(32)  NOT NULL,
    decision         MEDIUMTEXT   NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    KEY ix_decision_case (case_id, id),
    CONSTRAINT fk_decision_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE = InnoDB;

-- Idempotency-Key of integrator API creates: the same key and body give back the same case.
CREATE TABLE IF NOT EXISTS api_idempotency (
    idem_key     VARCHAR(128) NOT NULL PRIMARY KEY,
    request_hash CHAR(64)     NOT NULL,
    case_id      CHAR(22)     NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;
