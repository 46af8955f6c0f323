package io.undersign.controlplane.runtime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant runtime process the local deployer started or adopted. */
@Entity
@Table(name = "runtime_instance")
public class RuntimeInstance {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    public long pid;

    public int port;

    @Column(name = "started_at")
    public Instant startedAt;
}
