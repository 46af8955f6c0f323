-- Rulebook versions as the control plane keeps them: validated by the engine on upload, never
-- changed afterwards (a changed rulebook is a new version). profiles: the author's case file
-- (profiles with expected decisions), which a rollout's gate decides through the tenant's host.
CREATE TABLE rulebook_version (
    rulebook_id VARCHAR(64)  NOT NULL,
    version     VARCHAR(32)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    products    VARCHAR(500) NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    source      MEDIUMTEXT   NOT NULL,
    profiles    MEDIUMTEXT   NULL,
    uploaded_by VARCHAR(100) NOT NULL,
    uploaded_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (rulebook_id, version)
) ENGINE = InnoDB;

-- Tenant-runtime builds the control plane keeps (locally as UNDERSIGN_HOME/releases/artifacts/<sha256>.jar),
-- with the version and build id stamped inside them.
CREATE TABLE runtime_artifact (
    sha256     CHAR(64)     NOT NULL PRIMARY KEY,
    size_bytes BIGINT       NOT NULL,
    version    VARCHAR(64)  NOT NULL,
    build_id   VARCHAR(128) NOT NULL,
    stored_by  VARCHAR(100) NOT NULL,
    stored_at  TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;

-- A release pins a runtime build, the tenant schema version and a rulebook version. It may be
-- replaced or removed until a tenant first runs it (first_run_at), then never.
CREATE TABLE platform_release (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    runtime_sha256   CHAR(64)     NOT NULL,
    runtime_version  VARCHAR(64)  NOT NULL,
    build_id         VARCHAR(128) NOT NULL,
    runtime_image    VARCHAR(64)  NULL,
    schema_version   VARCHAR(16)  NOT NULL,
    rulebook_id      VARCHAR(64)  NOT NULL,
    rulebook_version VARCHAR(32)  NOT NULL,
    notes            VARCHAR(500) NULL,
    created_by       VARCHAR(100) NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    first_run_at     TIMESTAMP(6) NULL,
    CONSTRAINT fk_release_artifact FOREIGN KEY (runtime_sha256) REFERENCES runtime_artifact (sha256),
    CONSTRAINT fk_release_rulebook FOREIGN KEY (rulebook_id, rulebook_version) REFERENCES rulebook_version (rulebook_id, version)
) ENGINE = InnoDB;

-- The release a tenant ran before its current one: where a rollback takes it.
ALTER TABLE tenant ADD COLUMN previous_release VARCHAR(64) NULL;
