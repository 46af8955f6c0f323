-- The release an upgrade (or a rollback) operation takes its tenant to.
ALTER TABLE operation ADD COLUMN target_release VARCHAR(64) NULL;

-- A tenant's next runtime while an upgrade runs, beside the one serving (runtime_instance): started
-- and checked on its own port, then swapped with it in one transaction (the edge follows within a
-- second), and the one it replaced stopped once the new one has passed its gate.
CREATE TABLE runtime_candidate (
    tenant_id  VARCHAR(31)  NOT NULL PRIMARY KEY,
    pid        BIGINT       NOT NULL,
    port       INT          NOT NULL,
    release_id VARCHAR(64)  NOT NULL,
    -- STARTED: checked, not yet serving; RETIRING: the replaced runtime, serving no more
    role       VARCHAR(16)  NOT NULL,
    started_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;
