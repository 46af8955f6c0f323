package io.undersign.controlplane.operation;

import io.undersign.controlplane.api.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Starts and re-opens operations; callers hold the transaction that also changes the tenant. */
@ApplicationScoped
public class OperationService {

    @Inject
    OperationStore store;

    @Inject
    OperationWorker worker;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Operation start(String tenantId, OperationKind kind, String requestedBy) {
        return start(tenantId, kind, requestedBy, null);
    }

    /** {@code targetRelease}: where an UPGRADE takes the tenant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Operation start(String tenantId, OperationKind kind, String requestedBy, String targetRelease) {
        store.findActive(tenantId).ifPresent(active -> {
            throw new DomainException(DomainException.Kind.CONFLICT, "operation-in-progress", "id",
                    "Tenant '" + tenantId + "' already has operation " + active.id + " (" + active.kind + ") in progress");
        });
        Operation op = new Operation();
        op.id = UUID.randomUUID().toString();
        op.tenantId = tenantId;
        op.kind = kind;
        op.status = OperationStatus.PENDING;
        op.requestedBy = requestedBy;
        op.targetRelease = targetRelease;
        op.createdAt = clock.instant();
        int position = 0;
        for (String name : kind.steps()) {
            OperationStep step = new OperationStep();
            step.operation = op;
            step.position = position++;
            step.name = name;
            step.status = StepStatus.PENDING;
            op.steps.add(step);
        }
        store.persist(op);
        store.flush();
        worker.enqueue(op.id);
        return op;
    }

    /** Resumes the tenant's failed operation from its failed step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Operation retry(String tenantId) {
        Operation op = store.findLatest(tenantId)
                .filter(o -> o.status == OperationStatus.FAILED)
                .orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "nothing-to-retry", "id",
                        "Tenant '" + tenantId + "' has no failed operation to retry"));
        store.reopen(op);
        store.flush();
        worker.enqueue(op.id);
        return op;
    }
}
