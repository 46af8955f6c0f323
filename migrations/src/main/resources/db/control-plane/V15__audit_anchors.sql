-- The last point of each tenant's audit hash chain the control plane verified: a later verification
-- checks that the chain still passes through it, so a trail rewritten and re-hashed from the start
-- (by someone with write access to the tenant's database) does not verify either.
CREATE TABLE tenant_audit_anchor (
    tenant_id   VARCHAR(32)  NOT NULL PRIMARY KEY,
    seq         BIGINT       NOT NULL,
    hash        CHAR(64)     NOT NULL,
    verified_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;
