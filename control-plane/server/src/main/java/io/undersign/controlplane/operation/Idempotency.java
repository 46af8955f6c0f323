package io.undersign.controlplane.operation;

import io.undersign.controlplane.secret.Digests;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.undersign.controlplane.api.DomainException;
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
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 128) {
            throw new DomainException(DomainException.Kind.BAD_REQUEST, "invalid-idempotency-key", "Idempotency-Key",
                    "Idempotency-Key must be 1-128 characters");
        }
        String hash = Digests.sha256Hex(request);
        IdempotencyKey.Key id = new IdempotencyKey.Key();
        id.actor = callerScope;
        id.idemKey = key;
        IdempotencyKey seen = findById(id);
        if (seen != null) {
            if (!seen.requestHash.equals(hash)) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency-Key",
                        "Idempotency-Key '" + key + "' was already used for a different request");
            }
            return operations.findById(seen.operationId);
        }
        Operation op = action.get();
        IdempotencyKey record = new IdempotencyKey();
        record.actor = callerScope;
        record.idemKey = key;
        record.requestHash = hash;
        record.operationId = op.id;
        record.createdAt = clock.instant();
        persist(record);
        return op;
    }

}
