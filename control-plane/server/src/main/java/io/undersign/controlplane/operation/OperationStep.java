package io.undersign.controlplane.operation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "operation_step")
@IdClass(OperationStep.Key.class)
public class OperationStep {
    @Id
    @ManyToOne
    @JoinColumn(name = "operation_id")
    public Operation operation;

    @Id
    public int position;

    public String name;

    @Enumerated(EnumType.STRING)
    public StepStatus status;

    public int attempts;

    public String error;

    /** JSON object of what the step made (names, ports, files); never secrets. */
    public String outputs;

    /** What the step is doing right now (long steps report as they go). */
    public String progress;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "duration_ms")
    public Long durationMs;

    public static class Key implements Serializable {
        public String operation;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(operation, k.operation) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(operation, position);
        }
    }
}
