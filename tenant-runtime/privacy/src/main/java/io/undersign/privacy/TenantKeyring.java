package io.undersign.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's keysets, kept in its key database wrapped by its root key: the key-encryption keyset
 * that wraps every case's data key, and the keyset that signs erasure receipts. Rotation adds a key
 * to the key-encryption keyset and makes it primary: data keys made afterwards are wrapped by it,
 * older ones still open with the key that wrapped them (Tink finds it by the id in the ciphertext).
 */
public final class TenantKeyring {
    static final String KEK = "kek";
    static final String RECEIPTS = "receipts";
    /** MySQL/MariaDB ER_NO_SUCH_TABLE. */
    private static final int NO_SUCH_TABLE = 1146;

    private final KeyStore store;
    private final KeysetHandle kek;
    private final Aead kekAead;
    private final PublicKeySign signer;
    private final String receiptPublicKeyset;

    private TenantKeyring(KeyStore store, KeysetHandle kek, KeysetHandle receipts) throws GeneralSecurityException {
        this.store = store;
        this.kek = kek;
        this.kekAead = kek.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.signer = receipts.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        this.receiptPublicKeyset = TinkJsonProtoKeysetFormat.serializeKeyset(receipts.getPublicKeysetHandle(), InsecureSecretKeyAccess.get());
    }

    public KeyStore store() {
        return store;
    }

    Aead kek() {
        return kekAead;
    }

    /** The key-encryption key new data keys are wrapped with (its Tink key id). */
    public int primaryKeyId() {
        return kek.getPrimary().getId();
    }

    /** How many key-encryption keys the keyset holds (one more after every rotation). */
    public int keyCount() {
        return kek.size();
    }

    PublicKeySign signer() {
        return signer;
    }

    /** The public half of the receipts keyset (Tink JSON): anyone can check a receipt with it. */
    public String receiptPublicKeyset() {
        return receiptPublicKeyset;
    }

    /** The tenant's keyring, made on first use; idempotent when several processes race (one set wins, all read it). */
    public static TenantKeyring ensure(Connection c, Aead root, KeyStore store) throws SQLException {
        TinkSetup.ready();
        Optional<TenantKeyring> existing = load(c, root, store);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            insertIfAbsent(c, root, store, KEK, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
            insertIfAbsent(c, root, store, RECEIPTS, KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the tenant's keysets", e);
        }
        return load(c, root, store).orElseThrow(() -> new IllegalStateException("the tenant's keysets were not stored"));
    }

    /** The tenant's keyring as stored; empty when it has none yet. A keyset the root key cannot open is an error, never skipped. */
    public static Optional<TenantKeyring> load(Connection c, Aead root, KeyStore store) throws SQLException {
        TinkSetup.ready();
        Map<String, byte[]> stored = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT purpose, keyset FROM " + store.table("tenant_keyset"))) {
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    stored.put(r.getString(1), r.getBytes(2));
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == NO_SUCH_TABLE) {
                // a tenant whose onboarding stopped before its key database was migrated: it has no keys yet
                return Optional.empty();
            }
            throw e;
        }
        if (!stored.containsKey(KEK) || !stored.containsKey(RECEIPTS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TenantKeyring(store, open(root, store, KEK, stored.get(KEK)), open(root, store, RECEIPTS, stored.get(RECEIPTS))));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("the tenant's keysets cannot be opened with its root key");
        }
    }

    /**
     * Adds a key-encryption key and makes it primary, under a row lock so two rotations never lose
     * each other's key. Nothing is re-encrypted: the old keys stay in the keyset to open older data keys.
     */
    public static TenantKeyring rotate(Connection c, Aead root, KeyStore store, Instant now) throws SQLException {
        ensure(c, root, store);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            byte[] current;
            try (PreparedStatement q = c.prepareStatement("SELECT keyset FROM " + store.table("tenant_keyset") + " WHERE purpose = ? FOR UPDATE")) {
                q.setString(1, KEK);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    current = r.getBytes(1);
                }
            }
            KeysetHandle rotated = KeysetHandle.newBuilder(open(root, store, KEK, current))
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                    .build();
            try (PreparedStatement u = c.prepareStatement("UPDATE " + store.table("tenant_keyset") + " SET keyset = ?, updated_at = ? WHERE purpose = ?")) {
                u.setBytes(1, wrap(root, store, KEK, rotated));
                u.setTimestamp(2, Timestamp.from(now));
                u.setString(3, KEK);
                u.executeUpdate();
            }
            c.commit();
        } catch (GeneralSecurityException e) {
            c.rollback();
            throw new KeyUnavailableException("the tenant's key-encryption keyset cannot be rotated: " + e.getMessage());
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return load(c, root, store).orElseThrow();
    }

    private static void insertIfAbsent(Connection c, Aead root, KeyStore store, String purpose, KeysetHandle keyset)
            throws SQLException, GeneralSecurityException {
        try (PreparedStatement i = c.prepareStatement("INSERT IGNORE INTO " + store.table("tenant_keyset")
                + " (purpose, keyset, updated_at) VALUES (?, ?, ?)")) {
            i.setString(1, purpose);
            i.setBytes(2, wrap(root, store, purpose, keyset));
            i.setTimestamp(3, Timestamp.from(Instant.now()));
            i.executeUpdate();
        }
    }

    private static byte[] wrap(Aead root, KeyStore store, String purpose, KeysetHandle keyset) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, root, store.context("keyset", purpose));
    }

    private static KeysetHandle open(Aead root, KeyStore store, String purpose, byte[] wrapped) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, root, store.context("keyset", purpose));
    }
}
