-- Client certificates issued from a tenant's own CA for its integrators (mutual TLS on api.).
-- Keys are handed out once and never stored; revocation is checked on every API request.
CREATE TABLE client_certificate (
    serial     VARCHAR(40)  NOT NULL PRIMARY KEY,
    tenant_id  VARCHAR(31)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    not_after  TIMESTAMP(6) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    revoked_at TIMESTAMP(6) NULL,
    KEY ix_client_certificate_tenant (tenant_id, created_at),
    CONSTRAINT fk_client_certificate_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB;
