package io.undersign.controlplane.operation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey {
    @Id
    public String actor;

    @Id
    @Column(name = "idem_key")
    public String idemKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "operation_id")
    public String operationId;

    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public String actor;
        public String idemKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(actor, k.actor) && Objects.equals(idemKey, k.idemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(actor, idemKey);
        }
    }
}
