-- A tenant's root key is deleted after a waiting period once the tenant is offboarded (after its
-- export): on AWS KMS keeps the period itself (ScheduleKeyDeletion), locally the privacy sweep
-- deletes the sealed keyset when it is due. Until then an operator can still cancel.
CREATE TABLE root_key_deletion (
    tenant_id    VARCHAR(32)  NOT NULL PRIMARY KEY,
    key_ref      VARCHAR(300) NOT NULL,
    driver       VARCHAR(8)   NOT NULL,
    scheduled_at TIMESTAMP(6) NOT NULL,
    due_at       TIMESTAMP(6) NOT NULL,
    deleted_at   TIMESTAMP(6) NULL
) ENGINE = InnoDB;
