package io.undersign.runtime.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.undersign.privacy.CaseKey;
import io.undersign.privacy.CaseKeys;
import io.undersign.privacy.KeyStore;
import io.undersign.privacy.KeyUnavailableException;
import io.undersign.privacy.RootKeys;
import io.undersign.privacy.TenantKeyring;
import io.undersign.runtime.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The runtime's side of the key hierarchy: a new case gets its own data key (its wrapped form
 * stored in the key database in the case's own transaction), and a stored case's key is unwrapped
 * once and kept in memory for a while. The keyring is read at start (a runtime without its keys
 * does not start) and again when a data key was wrapped by a key-encryption key newer than it has
 * (the control plane rotated it meanwhile).
 */
@ApplicationScoped
public class CaseCrypto {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantConfig config;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /**
     * The cases whose key rows the current transaction made or share-locked: nothing can erase them
     * before it ends, so their later writes need no lock of their own.
     */
    private static final Object HELD_HERE = new Object();

    private Aead root;
    private KeyStore store;
    private volatile TenantKeyring ring;
    private volatile long ringLoadedAt;
    private Cache<String, CaseKey> keys;

    void start(@Observes StartupEvent event) {
        // a runtime without its root key does not start: it could neither read a case nor seal a new one
        root = config.privacy().rootKey().map(RootKeys::local)
                .or(() -> config.privacy().rootKeyKmsArn().map(arn -> RootKeys.kms(arn, config.privacy().kmsEndpoint().orElse(null))))
                .orElseThrow(() -> new IllegalStateException("no root key: the deployer gives UNDERSIGN_ROOT_KEY (local) or "
                        + "UNDERSIGN_ROOT_KEY_KMS_ARN (AWS)"));
        store = new KeyStore(config.tenant().id(), config.privacy().keyDatabase());
        // idle keys leave memory, so an erasure done elsewhere (the control plane) leaves no usable copy here for long
        keys = Caffeine.newBuilder().maximumSize(config.privacy().cachedKeys()).expireAfterAccess(Duration.ofMinutes(10)).build();
        ring = reloadRing();
    }

    /** A data key for a new case, stored (wrapped) with the caller's transaction. */
    public CaseKey newCase(String caseId, Instant now) {
        if (System.nanoTime() - ringLoadedAt > config.privacy().keyringRefresh().toNanos()) {
            // a rotation reaches new cases within the refresh, with no restart
            ring = reloadRing();
        }
        CaseKey.Made made = CaseKey.create(ring, caseId);
        withConnection(c -> {
            CaseKeys.insert(c, store, caseId, made.wrapped(), now);
            return null;
        });
        keys.put(caseId, made.key());
        heldHere().add(caseId);
        return made.key();
    }

    @SuppressWarnings("unchecked")
    private java.util.Set<String> heldHere() {
        if (transactions.getTransactionKey() == null) {
            return new java.util.HashSet<>();
        }
        java.util.Set<String> made = (java.util.Set<String>) transactions.getResource(HELD_HERE);
        if (made == null) {
            made = new java.util.HashSet<>();
            transactions.putResource(HELD_HERE, made);
        }
        return made;
    }

    /** The case's data key; empty when it was destroyed (the case was erased, or this data is a copy from before). */
    public Optional<CaseKey> of(String caseId) {
        CaseKey cached = keys.getIfPresent(caseId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> wrapped = withConnection(c -> CaseKeys.find(c, store, caseId));
        if (wrapped.isEmpty()) {
            return Optional.empty();
        }
        CaseKey key;
        try {
            key = CaseKey.open(ring, caseId, wrapped.get());
        } catch (KeyUnavailableException newerThanOurRing) {
            ring = reloadRing();
            key = CaseKey.open(ring, caseId, wrapped.get());
        }
        keys.put(caseId, key);
        return Optional.of(key);
    }

    /** {@code plaintext} sealed with the case's data key for {@code field}; an erased case takes nothing more. */
    public String seal(String caseId, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return forWriting(caseId).seal(field, plaintext);
    }

    /**
     * The key to seal a case's new data with. Its key row is share-locked until the transaction ends,
     * so an erasure (which deletes that row) either waits for this write and then erases it too, or
     * has committed and this write is refused: nothing is ever written to an erased case. A case made
     * in this transaction needs no lock.
     */
    public CaseKey forWriting(String caseId) {
        if (!heldHere().contains(caseId)) {
            boolean present = withConnection(c -> {
                try (var s = c.prepareStatement("SELECT 1 FROM " + store.table("case_key") + " WHERE case_id = ? LOCK IN SHARE MODE")) {
                    s.setString(1, caseId);
                    try (var r = s.executeQuery()) {
                        return r.next();
                    }
                }
            });
            if (!present) {
                keys.invalidate(caseId);
                throw new io.undersign.runtime.cases.CaseErasedException(caseId);
            }
            heldHere().add(caseId);
        }
        return of(caseId).orElseThrow(() -> new io.undersign.runtime.cases.CaseErasedException(caseId));
    }

    /** A stored value opened (one stored before sealing as it is); null when the case's key is gone. */
    public String open(String caseId, String field, String stored) {
        if (stored == null || !CaseKey.isSealed(stored)) {
            return stored;
        }
        return of(caseId).map(k -> k.open(field, stored)).orElse(null);
    }

    /**
     * The caller's transaction holds the case's row lock (SELECT … FOR UPDATE), which an erasure takes
     * first too: the case cannot be erased before the transaction ends, so its writes need no key lock.
     */
    public void caseRowLocked(String caseId) {
        heldHere().add(caseId);
    }

    /** Unwraps the keys of a page of cases not in memory yet with one query (a page of cases costs the same queries whatever its size). */
    public void preload(java.util.Collection<String> caseIds) {
        java.util.List<String> missing = caseIds.stream().filter(id -> keys.getIfPresent(id) == null).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        java.util.Map<String, byte[]> wrapped = withConnection(c -> CaseKeys.findAll(c, store, missing));
        wrapped.forEach((caseId, bytes) -> {
            try {
                keys.put(caseId, CaseKey.open(ring, caseId, bytes));
            } catch (KeyUnavailableException newerThanOurRing) {
                // of() reloads the ring for this one when it is read
            }
        });
    }

    /** Forgets a key this runtime holds (after an erasure). */
    public void forget(String caseId) {
        keys.invalidate(caseId);
    }

    /** The keyring as this runtime holds it (for erasure receipts and key reports). */
    public TenantKeyring ring() {
        return ring;
    }

    public KeyStore store() {
        return store;
    }

    private TenantKeyring reloadRing() {
        ringLoadedAt = System.nanoTime();
        return withConnection(c -> TenantKeyring.load(c, root, store)).orElseThrow(() -> new IllegalStateException(
                "tenant " + store.tenantId() + " has no keyring in " + store.schema() + ": the control plane makes it when it migrates the tenant"));
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** On the managed datasource: the statement joins the caller's transaction, if any. */
    <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the key database: " + e.getMessage(), e);
        }
    }
}
