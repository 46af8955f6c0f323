package io.undersign.controlplane.operation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A long action on one tenant, the domain record operators read; db-scheduler only drives it. */
@Entity
@Table(name = "operation")
public class Operation {
    @Id
    public String id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Enumerated(EnumType.STRING)
    public OperationKind kind;

    @Enumerated(EnumType.STRING)
    public OperationStatus status;

    @Column(name = "requested_by")
    public String requestedBy;

    public String error;

    /** The release an UPGRADE takes the tenant to; null for other kinds. */
    @Column(name = "target_release")
    public String targetRelease;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "operation", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("position")
    public List<OperationStep> steps = new ArrayList<>();

    public OperationStep step(int position) {
        return steps.stream().filter(s -> s.position == position).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("operation " + id + " has no step " + position));
    }
}
