-- Tenant registry: one row per insurer. Ids are never reused while data is retained,
-- so offboarded tenants keep their row (status OFFBOARDED).
CREATE TABLE tenant (
    id              VARCHAR(31)  NOT NULL PRIMARY KEY,
    display_name    VARCHAR(200) NOT NULL,
    tier            VARCHAR(16)  NOT NULL,
    region          VARCHAR(32)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    current_release VARCHAR(64)  NULL,
    tls_policy      VARCHAR(64)  NOT NULL,
    contact_email   VARCHAR(254) NULL,
    interview_host  VARCHAR(253) NOT NULL,
    api_host        VARCHAR(253) NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    UNIQUE KEY uk_tenant_interview_host (interview_host),
    UNIQUE KEY uk_tenant_api_host (api_host),
    KEY ix_tenant_status (status, id)
) ENGINE = InnoDB;

-- Long actions (onboard, suspend, resume, offboard) and their ordered steps.
CREATE TABLE operation (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(31)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    requested_by VARCHAR(100) NOT NULL,
    error        TEXT         NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    started_at   TIMESTAMP(6) NULL,
    finished_at  TIMESTAMP(6) NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    KEY ix_operation_tenant (tenant_id, created_at),
    CONSTRAINT fk_operation_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB;

CREATE TABLE operation_step (
    operation_id CHAR(36)     NOT NULL,
    position     INT          NOT NULL,
    name         VARCHAR(32)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    error        TEXT         NULL,
    outputs      TEXT         NULL,
    started_at   TIMESTAMP(6) NULL,
    finished_at  TIMESTAMP(6) NULL,
    -- measured by the worker: TIMESTAMP precision depends on the server and driver
    duration_ms  BIGINT       NULL,
    PRIMARY KEY (operation_id, position),
    CONSTRAINT fk_step_operation FOREIGN KEY (operation_id) REFERENCES operation (id)
) ENGINE = InnoDB;

-- Same key + same body returns the same operation; same key + other body is refused.
CREATE TABLE idempotency_key (
    idem_key     VARCHAR(128) NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    operation_id CHAR(36)     NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (actor, idem_key)
) ENGINE = InnoDB;

CREATE TABLE audit_event (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at         TIMESTAMP(6) NOT NULL,
    actor      VARCHAR(100) NOT NULL,
    action     VARCHAR(64)  NOT NULL,
    tenant_id  VARCHAR(31)  NULL,
    request_id VARCHAR(64)  NOT NULL,
    outcome    VARCHAR(16)  NOT NULL,
    detail     TEXT         NULL,
    KEY ix_audit_tenant (tenant_id, at),
    KEY ix_audit_actor (actor, at),
    KEY ix_audit_at (at)
) ENGINE = InnoDB;

-- Bearer tokens are stored as SHA-256 hashes only.
CREATE TABLE api_token (
    token_hash CHAR(64)     NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    revoked_at TIMESTAMP(6) NULL
) ENGINE = InnoDB;

-- Secrets sealed with AES-GCM under a master key that never enters the database.
CREATE TABLE secret (
    name       VARCHAR(200)   NOT NULL PRIMARY KEY,
    nonce      VARBINARY(12)  NOT NULL,
    ciphertext VARBINARY(4096) NOT NULL,
    created_at TIMESTAMP(6)   NOT NULL
) ENGINE = InnoDB;

-- Broker users of the embedded broker; the password is kept as a PBKDF2 hash.
CREATE TABLE broker_user (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id     VARCHAR(31)  NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;

-- Host names the local edge routes (the local stand-in for Route 53).
CREATE TABLE host_route (
    host      VARCHAR(253) NOT NULL PRIMARY KEY,
    tenant_id VARCHAR(31)  NOT NULL,
    kind      VARCHAR(16)  NOT NULL,
    -- while true the edge answers 503 with a maintenance page instead of routing
    suspended BOOLEAN      NOT NULL DEFAULT FALSE,
    KEY ix_route_tenant (tenant_id)
) ENGINE = InnoDB;

-- Tenant runtime processes started by the local deployer.
CREATE TABLE runtime_instance (
    tenant_id  VARCHAR(31)  NOT NULL PRIMARY KEY,
    pid        BIGINT       NOT NULL,
    port       INT          NOT NULL,
    started_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;

-- db-scheduler's own table: it runs the operations' steps (claims, heartbeats, retries).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP(6) NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP(6) NULL,
    last_failure         TIMESTAMP(6) NULL,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP(6) NULL,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance),
    INDEX execution_time_idx (execution_time),
    INDEX last_heartbeat_idx (last_heartbeat),
    INDEX priority_execution_time_idx (priority DESC, execution_time ASC)
) ENGINE = InnoDB;
