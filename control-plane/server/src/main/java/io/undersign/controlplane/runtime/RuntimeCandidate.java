package io.undersign.controlplane.runtime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's second runtime during an upgrade: the new one before the switch, the replaced one after it. */
@Entity
@Table(name = "runtime_candidate")
public class RuntimeCandidate {
    public static final String STARTED = "STARTED";
    public static final String RETIRING = "RETIRING";

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    public long pid;

    public int port;

    @Column(name = "release_id")
    public String releaseId;

    public String role;

    @Column(name = "started_at")
    public Instant startedAt;
}
