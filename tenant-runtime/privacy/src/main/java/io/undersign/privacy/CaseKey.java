package io.undersign.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * One case's data key: every health value of the case (answers, evidence results, explanations,
 * underwriters' notes) is sealed with it, bound to tenant, case and field as associated data, so a
 * value copied into another field, case or tenant does not open. Destroying the wrapped key (its row
 * in the key database) leaves every copy of the case's data unreadable.
 */
public final class CaseKey {
    /** Marks a sealed value (values stored before encryption was on have none, and are read as they are). */
    static final String SEALED = "tink1:";

    private final KeyStore store;
    private final String caseId;
    private final Aead aead;

    private CaseKey(KeyStore store, String caseId, Aead aead) {
        this.store = store;
        this.caseId = caseId;
        this.aead = aead;
    }

    /** A new data key and its wrapped form (wrapped by the tenant's primary key-encryption key) to store. */
    public record Made(CaseKey key, byte[] wrapped) {
    }

    /** 256-bit AES-GCM data keys: Tink's AES-GCM primitive over 32 random bytes (a keyset per case would cost a protobuf each way). */
    private static final int KEY_BYTES = 32;

    public static Made create(TenantKeyring ring, String caseId) {
        TinkSetup.ready();
        byte[] raw = Random.randBytes(KEY_BYTES);
        try {
            // the key-encryption keyset's ciphertext names the key that wrapped it (Tink's prefix): rotation keeps old data keys opening
            byte[] wrapped = ring.kek().encrypt(raw, ring.store().context("case", caseId));
            return new Made(new CaseKey(ring.store(), caseId, new AesGcmJce(raw)), wrapped);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a data key", e);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Unwraps a stored data key. {@link KeyUnavailableException} when no key of the ring opens it
     * (a key-encryption key newer than the ring, or a key row that is not this case's).
     */
    public static CaseKey open(TenantKeyring ring, String caseId, byte[] wrapped) {
        byte[] raw = null;
        try {
            raw = ring.kek().decrypt(wrapped, ring.store().context("case", caseId));
            if (raw.length != KEY_BYTES) {
                throw new GeneralSecurityException("not a data key");
            }
            return new CaseKey(ring.store(), caseId, new AesGcmJce(raw));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("the data key of case " + caseId + " does not open with the tenant's keys");
        } finally {
            if (raw != null) {
                java.util.Arrays.fill(raw, (byte) 0);
            }
        }
    }

    public String caseId() {
        return caseId;
    }

    /** The value sealed for {@code field}; null stays null. */
    public String seal(String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            return SEALED + Base64.getEncoder().encodeToString(aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context(field)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal " + field, e);
        }
    }

    /** The plaintext of a value sealed for {@code field}; a value stored before encryption comes back as it is. */
    public String open(String field, String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            return new String(aead.decrypt(Base64.getDecoder().decode(stored.substring(SEALED.length())), context(field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyUnavailableException("the " + field + " of case " + caseId + " does not open with its data key");
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SEALED);
    }

    private byte[] context(String field) {
        return store.context("case", caseId, field);
    }
}
