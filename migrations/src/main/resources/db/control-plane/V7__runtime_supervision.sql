-- What the supervisor knows of each tenant's runtime beyond the process now running: how often it
-- was restarted, how it last ended, and when the next restart is due while it keeps failing.
CREATE TABLE runtime_supervision (
    tenant_id            VARCHAR(31)  NOT NULL PRIMARY KEY,
    restarts             INT          NOT NULL DEFAULT 0,
    consecutive_failures INT          NOT NULL DEFAULT 0,
    last_exit_at         TIMESTAMP(6) NULL,
    last_exit_code       INT          NULL,
    last_exit_reason     VARCHAR(500) NULL,
    next_attempt_at      TIMESTAMP(6) NULL,
    incident_raised_at   TIMESTAMP(6) NULL
) ENGINE = InnoDB;
