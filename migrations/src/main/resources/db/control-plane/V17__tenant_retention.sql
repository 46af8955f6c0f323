-- How long each tenant keeps each class of case after its last change (months; NULL: until an
-- erasure request). A tenant with no row for a class has the platform's default (io.undersign.privacy.Retention).
CREATE TABLE tenant_retention (
    tenant_id  VARCHAR(32)  NOT NULL,
    data_class VARCHAR(16)  NOT NULL,
    months     INT          NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (tenant_id, data_class)
) ENGINE = InnoDB;
