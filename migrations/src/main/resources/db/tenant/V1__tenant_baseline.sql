-- A tenant's own audit trail: what happened in this tenant's runtime, by whom.
CREATE TABLE IF NOT EXISTS tenant_audit_event (
    id     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at     TIMESTAMP(6) NOT NULL,
    actor  VARCHAR(100) NOT NULL,
    action VARCHAR(64)  NOT NULL,
    detail TEXT         NULL,
    KEY ix_tenant_audit_at (at)
) ENGINE = InnoDB;
