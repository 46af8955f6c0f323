package io.undersign.controlplane.pki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client certificate issued to one of a tenant's integrators; its key was handed out once. */
@Entity
@Table(name = "client_certificate")
public class ClientCertificate {
    @Id
    public String serial;

    @Column(name = "tenant_id")
    public String tenantId;

    public String name;

    @Column(name = "not_after")
    public Instant notAfter;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
