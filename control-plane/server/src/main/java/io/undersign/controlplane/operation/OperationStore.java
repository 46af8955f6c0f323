package io.undersign.controlplane.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantSpec;
import io.undersign.controlplane.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every state change of an operation, each in its own short transaction. Only one worker runs an
 * operation at a time (db-scheduler's claim); concurrent API changes are caught by the entities'
 * optimistic versions.
 */
@ApplicationScoped
public class OperationStore implements PanacheRepositoryBase<Operation, String> {

    @Inject
    Clock clock;

    @Inject
    TenantRepository tenants;

    @Inject
    UndersignConfig config;

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

    public Optional<Operation> findLatest(String tenantId) {
        return find("tenantId = ?1 order by createdAt desc", tenantId).firstResultOptional();
    }

    /** Marks the operation running (tenant to its working status); empty when there is nothing to run. */
    @Transactional
    public Optional<Plan> begin(String operationId) {
        Operation op = findById(operationId);
        if (op == null || op.status.finished()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Tenant tenant = tenants.findById(op.tenantId);
        if (op.status == OperationStatus.PENDING) {
            op.status = OperationStatus.RUNNING;
            op.startedAt = now;
        }
        tenant.moveTo(op.kind.whileRunning(), now);
        List<PlannedStep> remaining = op.steps.stream()
                .filter(s -> s.status != StepStatus.SUCCEEDED)
                .map(s -> new PlannedStep(s.position, s.name))
                .toList();
        return Optional.of(new Plan(op.kind, TenantSpec.of(tenant), remaining));
    }

    @Transactional
    public void stepStarted(String operationId, int position) {
        OperationStep step = findById(operationId).step(position);
        step.status = StepStatus.RUNNING;
        step.attempts++;
        step.startedAt = clock.instant();
        step.finishedAt = null;
        step.durationMs = null;
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

    /**
     * Records a failed attempt. Returns true when the step has no attempts left: then the
     * operation and its tenant are FAILED until an operator retries.
     */
    @Transactional
    public boolean stepFailed(String operationId, int position, String error, long durationMs) {
        Operation op = findById(operationId);
        OperationStep step = op.step(position);
        step.durationMs = durationMs;
        Instant now = clock.instant();
        step.error = error;
        step.finishedAt = now;
        if (step.attempts < config.operations().maxAttempts()) {
            step.status = StepStatus.RETRYING;
            return false;
        }
        step.status = StepStatus.FAILED;
        op.status = OperationStatus.FAILED;
        op.error = step.name + ": " + error;
        op.finishedAt = now;
        tenants.findById(op.tenantId).moveTo(TenantStatus.FAILED, now);
        return true;
    }

    @Transactional
    public void complete(String operationId) {
        Operation op = findById(operationId);
        Instant now = clock.instant();
        op.status = OperationStatus.SUCCEEDED;
        op.error = null;
        op.finishedAt = now;
        tenants.findById(op.tenantId).moveTo(op.kind.onSuccess(), now);
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
        tenants.findById(op.tenantId).moveTo(op.kind.whileRunning(), now);
    }

    private String toJson(Map<String, String> outputs) {
        try {
            return outputs == null || outputs.isEmpty() ? null : json.writeValueAsString(outputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
