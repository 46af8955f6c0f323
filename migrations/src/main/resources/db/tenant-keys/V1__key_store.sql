-- A tenant's key database, beside its data and never in the data's dumps or exports: the tenant's
-- keysets (wrapped by its root key) and one wrapped data key per case. Destroying a case's row
-- here leaves every copy of the case's data (also a backup taken before) unreadable.
CREATE TABLE IF NOT EXISTS tenant_keyset (
    purpose    VARCHAR(16)  NOT NULL PRIMARY KEY,
    keyset     BLOB         NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE IF NOT EXISTS case_key (
    case_id    CHAR(22)       NOT NULL PRIMARY KEY,
    wrapped    VARBINARY(512) NOT NULL,
    created_at TIMESTAMP(6)   NOT NULL
) ENGINE = InnoDB;
