package io.undersign.controlplane.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A release going to a set of tenants in waves. */
@Entity
@Table(name = "rollout")
public class Rollout {
    public enum Status {
        RUNNING, PAUSED, HALTED, ABORTED, SUCCEEDED;

        public boolean finished() {
            return this == HALTED || this == ABORTED || this == SUCCEEDED;
        }
    }

    @Id
    public String id;

    @Column(name = "release_id")
    public String releaseId;

    /** As asked: all, tag:T or a,b,c. */
    public String selector;

    /** As asked: e.g. 1,25%,100%. */
    public String waves;

    @Column(name = "max_failures")
    public int maxFailures;

    public int parallel;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Why it halted, was paused or aborted. */
    public String reason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
