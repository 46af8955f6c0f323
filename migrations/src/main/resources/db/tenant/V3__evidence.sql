-- Evidence requested from providers over the broker. A row is written in the same transaction
-- as the decision that needs it, so it doubles as the outbox: published_at stays NULL until the
-- request is on the broker, and the publisher sends whatever is still unpublished (also after a
-- crash). request_id is the provider's idempotency key.
CREATE TABLE IF NOT EXISTS evidence_request (
    request_id    CHAR(36)     NOT NULL PRIMARY KEY,
    case_id       CHAR(22)     NOT NULL,
    evidence_type VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    requested_at  TIMESTAMP(6) NOT NULL,
    published_at  TIMESTAMP(6) NULL,
    received_at   TIMESTAMP(6) NULL,
    KEY ix_evidence_case (case_id, evidence_type),
    KEY ix_evidence_unpublished (published_at, requested_at),
    CONSTRAINT fk_evidence_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE = InnoDB;

-- Results as received (one per request: a redelivered or duplicated result finds its row here
-- and is not applied twice).
CREATE TABLE IF NOT EXISTS evidence_result (
    request_id  CHAR(36)     NOT NULL PRIMARY KEY,
    case_id     CHAR(22)     NOT NULL,
    results     TEXT         NOT NULL,
    observed_at TIMESTAMP(6) NOT NULL,
    received_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_result_request FOREIGN KEY (request_id) REFERENCES evidence_request (request_id)
) ENGINE = InnoDB;
