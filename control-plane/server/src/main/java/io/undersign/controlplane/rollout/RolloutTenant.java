package io.undersign.controlplane.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One tenant of a rollout: its wave, and the UPGRADE operation that moves it (once started, never a second). */
@Entity
@Table(name = "rollout_tenant")
@IdClass(RolloutTenant.Key.class)
public class RolloutTenant {
    public enum Status {
        PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED,
        /** Sent back to its previous release by a wave's rollback ({@code operationId}: that move). */
        ROLLED_BACK
    }

    @Id
    @Column(name = "rollout_id")
    public String rolloutId;

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    public int wave;

    public int position;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "operation_id")
    public String operationId;

    public String error;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String rolloutId;
        public String tenantId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(rolloutId, k.rolloutId) && Objects.equals(tenantId, k.tenantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rolloutId, tenantId);
        }
    }
}
