package io.undersign.controlplane.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every state change of an operation and its steps, each in its own short transaction, with the
 * tenant told in the same one ({@link OperationSubjects}). Only one worker runs an operation at a
 * time (db-scheduler's claim); concurrent API changes are caught by the entities' optimistic versions.
 */
@ApplicationScoped
public class OperationStore implements PanacheRepositoryBase<Operation, String> {

    @Inject
    io.undersign.controlplane.incident.Incidents incidents;

    @Inject
    Clock clock;

    @Inject
    OperationSubjects subjects;

    @Inject
    ObjectMapper json;

    /** What the runner needs to go on: the tenant and the steps not yet done. */
    public record Plan(OperationKind kind, TenantSpec tenant, List<PlannedStep> remaining) {
    }

    public record PlannedStep(int position, String name) {
    }

    public Optional<Operation> findActive(String tenantId) {
        return find("tenantId = ?1 and status in ?2", tenantId, List.of(OperationStatus.PENDING, OperationStatus.RUNNING))
                .firstResultOptional();
    }

    /** Newest first by (createdAt, id), each filter optional; {@code beforeCreated}/{@code beforeId}: the last one seen. */
    public List<Operation> search(String tenantId, OperationKind kind, OperationStatus status, Instant beforeCreated, String beforeId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (tenantId != null && !tenantId.isBlank()) {
            query.append(" and tenantId = :tenant");
            params.and("tenant", tenantId);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (beforeCreated != null) {
            query.append(" and (createdAt < :before or (createdAt = :before and id < :beforeId))");
            params.and("before", beforeCreated).and("beforeId", beforeId);
        }
        return find(query + " order by createdAt desc, id desc", params).page(0, limit).list();
    }

    public Optional<Operation> findLatest(String tenantId) {
        return find("tenantId = ?1 order by createdAt desc", tenantId).firstResultOptional();
    }

    /** Marks the operation running (the tenant to its working status); empty when there is nothing to run. */
    @Transactional
    public Optional<Plan> begin(String operationId) {
        Operation op = findById(operationId);
        if (op == null || op.status.finished()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (op.status == OperationStatus.PENDING) {
            op.status = OperationStatus.RUNNING;
            op.startedAt = now;
        }
        TenantSpec tenant = subjects.running(op, now);
        List<PlannedStep> remaining = op.steps.stream()
                .filter(s -> s.status != StepStatus.SUCCEEDED)
                .map(s -> new PlannedStep(s.position, s.name))
                .toList();
        return Optional.of(new Plan(op.kind, tenant, remaining));
    }

    /** Returns which attempt this is (1 for the first). */
    @Transactional
    public int stepStarted(String operationId, int position) {
        OperationStep step = findById(operationId).step(position);
        step.status = StepStatus.RUNNING;
        step.attempts++;
        step.startedAt = clock.instant();
        step.finishedAt = null;
        step.durationMs = null;
        return step.attempts;
    }

    @Transactional
    public void stepSucceeded(String operationId, int position, Map<String, String> outputs, long durationMs) {
        OperationStep step = findById(operationId).step(position);
        step.durationMs = durationMs;
        step.status = StepStatus.SUCCEEDED;
        step.error = null;
        step.outputs = toJson(outputs);
        step.finishedAt = clock.instant();
    }

    /** Records a failed attempt that will be tried again. */
    @Transactional
    public void stepRetrying(String operationId, int position, String error, long durationMs) {
        OperationStep step = findById(operationId).step(position);
        step.durationMs = durationMs;
        step.error = error;
        step.finishedAt = clock.instant();
        step.status = StepStatus.RETRYING;
    }

    /** Records the last failed attempt: the operation and its tenant are FAILED until an operator retries. */
    @Transactional
    public void stepFailed(String operationId, int position, String error, long durationMs) {
        Operation op = findById(operationId);
        OperationStep step = op.step(position);
        Instant now = clock.instant();
        step.durationMs = durationMs;
        step.error = error;
        step.finishedAt = now;
        step.status = StepStatus.FAILED;
        op.status = OperationStatus.FAILED;
        op.error = step.name + ": " + error;
        op.finishedAt = now;
        subjects.failed(op, now);
        incidents.raise("operation-failed:" + op.tenantId + ":" + op.kind, "P2", "Operation " + op.kind + " of tenant " + op.tenantId
                + " FAILED at step " + step.name + ": " + error + " (undersign tenants retry " + op.tenantId + ")", "operations");
    }

    /** Lets a long-running step say what it is doing, outside the step's own work (so it shows while the step runs). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reportProgress(String tenantId, String text) {
        getEntityManager().createNativeQuery("""
                UPDATE operation_step s JOIN operation o ON o.id = s.operation_id
                SET s.progress = ?1 WHERE o.tenant_id = ?2 AND s.status = 'RUNNING'""")
                .setParameter(1, text).setParameter(2, tenantId).executeUpdate();
    }

    @Transactional
    public void complete(String operationId) {
        Operation op = findById(operationId);
        Instant now = clock.instant();
        op.status = OperationStatus.SUCCEEDED;
        op.error = null;
        op.finishedAt = now;
        subjects.succeeded(op, now);
    }

    /** Re-opens a FAILED operation from its failed step, with a fresh budget of attempts. */
    public void reopen(Operation op) {
        Instant now = clock.instant();
        op.steps.stream().filter(s -> s.status == StepStatus.FAILED).forEach(s -> {
            s.status = StepStatus.PENDING;
            s.attempts = 0;
        });
        op.status = OperationStatus.RUNNING;
        op.error = null;
        op.finishedAt = null;
        subjects.running(op, now);
    }

    private String toJson(Map<String, String> outputs) {
        try {
            return outputs == null || outputs.isEmpty() ? null : json.writeValueAsString(outputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
