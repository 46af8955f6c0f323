-- The VPC range each tenant's AWS silo gets: allocated once, never shared, kept after
-- offboarding until released (a UNIQUE range means two tenants can never overlap).
CREATE TABLE tenant_network (
    tenant_id  VARCHAR(31)  NOT NULL PRIMARY KEY,
    vpc_cidr   VARCHAR(18)  NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    UNIQUE KEY uq_tenant_network_cidr (vpc_cidr)
) ENGINE = InnoDB;
