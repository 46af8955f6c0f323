package io.undersign.controlplane.broker;

import io.agroal.api.AgroalDataSource;
import io.undersign.controlplane.secret.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Broker users of the embedded broker: each tenant's runtime, and the tenant's evidence provider;
 * passwords kept as PBKDF2 hashes.
 */
@ApplicationScoped
public class BrokerAccounts {
    public static final String RUNTIME = "runtime";
    public static final String PROVIDER = "evidence-provider";

    public record Account(String username, String tenantId, String role, String passwordHash) {
    }

    @Inject
    AgroalDataSource dataSource;

    public Optional<Account> find(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT username, tenant_id, role, password_hash FROM broker_user WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Account(r.getString(1), r.getString(2), r.getString(3), r.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read broker user " + username, e);
        }
    }

    /** Creates the tenant runtime's user, or sets its password when it exists: safe to repeat. */
    public void ensure(String username, String tenantId, String password) {
        ensure(username, tenantId, RUNTIME, password);
    }

    /** Creates the user with this role, or sets its password when it exists: safe to repeat. */
    public void ensure(String username, String tenantId, String role, String password) {
        Optional<Account> existing = find(username);
        if (existing.isPresent() && Passwords.verify(password, existing.get().passwordHash())) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO broker_user (username, tenant_id, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash)""")) {
            s.setString(1, username);
            s.setString(2, tenantId);
            s.setString(3, role);
            s.setString(4, Passwords.hash(password));
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store broker user " + username, e);
        }
    }

    public void remove(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM broker_user WHERE username = ?")) {
            s.setString(1, username);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove broker user " + username, e);
        }
    }
}
