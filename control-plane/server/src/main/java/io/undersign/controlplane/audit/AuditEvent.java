package io.undersign.controlplane.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One admin action: who did what to which tenant, in which request, and how it ended. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    public String actor;

    public String action;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "request_id")
    public String requestId;

    /** {@code succeeded}, {@code refused} (the caller's fault) or {@code failed} (ours). */
    public String outcome;

    public String detail;
}
