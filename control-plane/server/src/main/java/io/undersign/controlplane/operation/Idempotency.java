package io.undersign.controlplane.operation;

import io.undersign.http.IdempotentRequests;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POSTs: the same key and request give back the operation the first
 * call started; the same key with another request is refused with 422. Keys are scoped to the
 * caller (its token): another caller's same key is another key.
 */
@ApplicationScoped
public class Idempotency implements PanacheRepositoryBase<IdempotencyKey, IdempotencyKey.Key> {

    @Inject
    Clock clock;

    @Inject
    OperationStore operations;

    /** Runs {@code action} once per key; {@code request} is what makes two calls "the same". */
    @Transactional(Transactional.TxType.MANDATORY)
    public Operation once(String key, String callerScope, String request, Supplier<Operation> action) {
        return IdempotentRequests.once(key, request, ledger(callerScope), operations::findById, action, op -> op.id).result();
    }

    /** The keys of one caller (its token): another caller's same key is another key. */
    private IdempotentRequests.Ledger ledger(String callerScope) {
        return new IdempotentRequests.Ledger() {
            @Override
            public Optional<IdempotentRequests.Remembered> find(String key) {
                IdempotencyKey.Key id = new IdempotencyKey.Key();
                id.actor = callerScope;
                id.idemKey = key;
                return findByIdOptional(id).map(seen -> new IdempotentRequests.Remembered(seen.requestHash, seen.operationId));
            }

            @Override
            public void remember(String key, String requestHash, String operationId) {
                IdempotencyKey record = new IdempotencyKey();
                record.actor = callerScope;
                record.idemKey = key;
                record.requestHash = requestHash;
                record.operationId = operationId;
                record.createdAt = clock.instant();
                persist(record);
            }
        };
    }
}
