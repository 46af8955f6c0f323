-- A rollout moves a set of tenants to a release in waves, each tenant by its own UPGRADE operation
-- (recorded here in the same transaction that starts it, so a restarted control plane never starts
-- a second one), halting once more tenants failed than it allows.
CREATE TABLE rollout (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    release_id   VARCHAR(64)   NOT NULL,
    selector     VARCHAR(500)  NOT NULL,
    waves        VARCHAR(200)  NOT NULL,
    max_failures INT           NOT NULL,
    parallel     INT           NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    reason       VARCHAR(1000) NULL,
    created_by   VARCHAR(100)  NOT NULL,
    created_at   TIMESTAMP(6)  NOT NULL,
    updated_at   TIMESTAMP(6)  NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    KEY ix_rollout_status (status)
) ENGINE = InnoDB;

CREATE TABLE rollout_tenant (
    rollout_id   CHAR(36)     NOT NULL,
    tenant_id    VARCHAR(31)  NOT NULL,
    wave         INT          NOT NULL,
    position     INT          NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    operation_id CHAR(36)     NULL,
    error        TEXT         NULL,
    updated_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (rollout_id, tenant_id),
    CONSTRAINT fk_rollout_tenant FOREIGN KEY (rollout_id) REFERENCES rollout (id)
) ENGINE = InnoDB;

-- What the platform raises for its operators (on-call routes them): one open incident per key,
-- a repeat counted on it.
CREATE TABLE incident (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    incident_key VARCHAR(200)  NOT NULL,
    priority     VARCHAR(4)    NOT NULL,
    summary      VARCHAR(1000) NOT NULL,
    source       VARCHAR(64)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    occurrences  INT           NOT NULL,
    opened_at    TIMESTAMP(6)  NOT NULL,
    updated_at   TIMESTAMP(6)  NOT NULL,
    KEY ix_incident_key (incident_key, status)
) ENGINE = InnoDB;
