-- On-call: who is on the rota, when each line hands over, who covers for whom, and what every
-- incident sent to whom (ops/oncall holds the rules; these tables what they work from).
CREATE TABLE oncall_member (
    id            VARCHAR(40)  NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    phone         VARCHAR(20)  NOT NULL,
    email         VARCHAR(254) NULL,
    zone          VARCHAR(64)  NOT NULL,
    p2_subscriber BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP(6) NOT NULL,
    updated_at    TIMESTAMP(6) NOT NULL,
    UNIQUE KEY ux_oncall_member_phone (phone)
) ENGINE = InnoDB;

-- One rotation per line (primary, secondary, manager); members in hand-over order, comma-separated.
CREATE TABLE oncall_rotation (
    role           VARCHAR(16)   NOT NULL PRIMARY KEY,
    members        VARCHAR(2000) NOT NULL,
    first_handover DATE          NOT NULL,
    handover_time  TIME          NOT NULL,
    zone           VARCHAR(64)   NOT NULL,
    shift_days     INT           NOT NULL,
    updated_at     TIMESTAMP(6)  NOT NULL
) ENGINE = InnoDB;

CREATE TABLE oncall_override (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    role       VARCHAR(16)  NOT NULL,
    member_id  VARCHAR(40)  NOT NULL,
    starts_at  TIMESTAMP(6) NOT NULL,
    ends_at    TIMESTAMP(6) NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    KEY ix_oncall_override_ends (ends_at),
    CONSTRAINT fk_oncall_override_member FOREIGN KEY (member_id) REFERENCES oncall_member (id)
) ENGINE = InnoDB;

-- Incidents get acknowledged and resolved, and carry where their escalation stands.
ALTER TABLE incident
    ADD COLUMN ack_code           VARCHAR(12)  NULL,
    ADD COLUMN acknowledged_at    TIMESTAMP(6) NULL,
    ADD COLUMN acknowledged_by    VARCHAR(100) NULL,
    ADD COLUMN resolved_at        TIMESTAMP(6) NULL,
    ADD COLUMN resolved_by        VARCHAR(100) NULL,
    ADD COLUMN routing            VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
    ADD COLUMN escalation_step    INT          NOT NULL DEFAULT 0,
    ADD COLUMN next_escalation_at TIMESTAMP(6) NULL,
    ADD COLUMN paged_anyone       BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD KEY ix_incident_escalation (next_escalation_at),
    ADD KEY ix_incident_ack_code (ack_code);

-- Incidents raised before on-call existed have nothing to escalate.
UPDATE incident SET routing = 'UNROUTED' WHERE routing = 'PENDING';

CREATE TABLE incident_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    incident_id BIGINT        NOT NULL,
    at          TIMESTAMP(6)  NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    detail      VARCHAR(1000) NOT NULL,
    actor       VARCHAR(100)  NULL,
    KEY ix_incident_event (incident_id, id),
    CONSTRAINT fk_incident_event_incident FOREIGN KEY (incident_id) REFERENCES incident (id)
) ENGINE = InnoDB;

-- Every call and text sent for an incident, with its outcome.
CREATE TABLE oncall_delivery (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    incident_id  BIGINT        NULL,
    channel      VARCHAR(8)    NOT NULL,
    role         VARCHAR(16)   NULL,
    member_id    VARCHAR(40)   NULL,
    address      VARCHAR(20)   NOT NULL,
    body         VARCHAR(1600) NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    provider_ref VARCHAR(200)  NULL,
    detail       VARCHAR(1000) NULL,
    created_at   TIMESTAMP(6)  NOT NULL,
    updated_at   TIMESTAMP(6)  NOT NULL,
    KEY ix_oncall_delivery_incident (incident_id),
    KEY ix_oncall_delivery_created (channel, created_at)
) ENGINE = InnoDB;

-- Inbound texts already handled (SNS may deliver one twice), and what became of each.
CREATE TABLE oncall_inbound (
    inbound_message_id VARCHAR(100) NOT NULL PRIMARY KEY,
    received_at        TIMESTAMP(6) NOT NULL,
    origination        VARCHAR(20)  NOT NULL,
    outcome            VARCHAR(16)  NOT NULL,
    detail             VARCHAR(500) NULL
) ENGINE = InnoDB;

-- The local driver's SMS topic: its subscriptions (on AWS, the SNS topic's own).
CREATE TABLE oncall_local_subscription (
    phone      VARCHAR(20)  NOT NULL PRIMARY KEY,
    created_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;

-- One open incident per key, also when two replicas or two requests raise it at the same moment.
ALTER TABLE incident
    ADD COLUMN open_key VARCHAR(200) AS (CASE WHEN status IN ('OPEN', 'ACKNOWLEDGED') THEN incident_key END) STORED,
    ADD UNIQUE KEY ux_incident_open_key (open_key);
