-- When paging looks at an incident again, in epoch milliseconds: a TIMESTAMP(6) parameter loses its
-- fraction on the way in when the driver takes the server for MySQL 5.5 (MariaDB's handshake), and a
-- due time rounded down would call the next line up to a second before the acknowledgement timeout.
ALTER TABLE incident
    ADD COLUMN next_escalation_ms BIGINT NULL,
    ADD KEY ix_incident_escalation_ms (next_escalation_ms);
UPDATE incident SET next_escalation_ms = FLOOR(UNIX_TIMESTAMP(next_escalation_at) * 1000) WHERE next_escalation_at IS NOT NULL;
ALTER TABLE incident DROP KEY ix_incident_escalation, DROP COLUMN next_escalation_at;
