-- Operator labels on tenants (e.g. 'eu', 'pilot'), so a rollout can name a group: --tenants tag:pilot.
CREATE TABLE tenant_tag (
    tenant_id VARCHAR(31) NOT NULL,
    tag       VARCHAR(32) NOT NULL,
    PRIMARY KEY (tenant_id, tag),
    KEY ix_tenant_tag_tag (tag),
    CONSTRAINT fk_tenant_tag_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
) ENGINE = InnoDB;
