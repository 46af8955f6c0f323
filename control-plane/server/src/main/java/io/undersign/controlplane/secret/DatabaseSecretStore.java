package io.undersign.controlplane.secret;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Secrets sealed with AES-256-GCM in the control-plane database; the secret's name is bound in as
 * associated data, so a sealed value cannot be moved to another name. Each call commits on its
 * own (plain JDBC, outside any transaction) so a value exists before anything uses it.
 */
@ApplicationScoped
public class DatabaseSecretStore implements SecretStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MasterKey masterKey;

    @Override
    public Optional<String> get(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT nonce, ciphertext FROM secret WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(open(name, r.getBytes(1), r.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read secret " + name, e);
        }
    }

    @Override
    public String getOrCreate(String name, Supplier<String> generator) {
        Optional<String> existing = get(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String value = generator.get();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO secret (name, nonce, ciphertext, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, name);
            s.setBytes(2, nonce);
            s.setBytes(3, seal(name, nonce, value));
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
            return value;
        } catch (SQLIntegrityConstraintViolationException raced) {
            return get(name).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store secret " + name, e);
        }
    }

    @Override
    public void delete(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM secret WHERE name = ?")) {
            s.setString(1, name);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete secret " + name, e);
        }
    }

    private byte[] seal(String name, byte[] nonce, String value) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey.get(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal secret " + name, e);
        }
    }

    private String open(String name, byte[] nonce, byte[] ciphertext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey.get(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret " + name + " cannot be opened with this master key", e);
        }
    }
}
