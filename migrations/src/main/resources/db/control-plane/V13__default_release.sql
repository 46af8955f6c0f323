-- Platform-wide settings, one row each; 'default-release' names the release new tenants onboard onto.
CREATE TABLE platform_setting (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    value      VARCHAR(200) NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;
