package io.undersign.controlplane.runtime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The supervisor's record of a tenant's runtime: restarts, the last exit, the next attempt while failing. */
@Entity
@Table(name = "runtime_supervision")
public class RuntimeSupervision {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    public int restarts;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "last_exit_at")
    public Instant lastExitAt;

    @Column(name = "last_exit_code")
    public Integer lastExitCode;

    @Column(name = "last_exit_reason")
    public String lastExitReason;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "incident_raised_at")
    public Instant incidentRaisedAt;
}
