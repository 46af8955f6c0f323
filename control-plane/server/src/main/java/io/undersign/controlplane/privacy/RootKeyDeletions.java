package io.undersign.controlplane.privacy;

import io.agroal.api.AgroalDataSource;
import io.undersign.controlplane.secret.SecretStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Root keys scheduled for deletion (offboarded tenants), and the local ones deleted when due. */
@ApplicationScoped
public class RootKeyDeletions {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecretStore secrets;

    @Inject
    Clock clock;

    /** Schedules a local root key's deletion; a second call keeps the first date. */
    public Map<String, String> schedule(String tenantId, String secretName, Duration window) {
        return record(tenantId, secretName, "local", window);
    }

    /** Records a deletion KMS was asked for (KMS keeps the waiting period and deletes the key itself). */
    public Map<String, String> recordKms(String tenantId, String keyArn, Instant due) {
        return record(tenantId, keyArn, "kms", Duration.between(clock.instant(), due));
    }

    private Map<String, String> record(String tenantId, String keyRef, String driver, Duration window) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO root_key_deletion (tenant_id, key_ref, driver, scheduled_at, due_at) "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, tenantId);
                s.setString(2, keyRef);
                s.setString(3, driver);
                s.setTimestamp(4, Timestamp.from(now));
                s.setTimestamp(5, Timestamp.from(now.plus(window)));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT due_at, deleted_at FROM root_key_deletion WHERE tenant_id = ?")) {
                s.setString(1, tenantId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return Map.of("rootKey", r.getTimestamp(2) == null ? "scheduled for deletion" : "deleted",
                            "rootKeyDeletionDue", r.getTimestamp(1).toInstant().toString());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot schedule the root key's deletion: " + e.getMessage(), e);
        }
    }

    /**
     * A tenant onboarded again with an id an offboarded one had starts with a new root key: the old
     * one (its data is gone with its databases) is deleted now rather than later, and its record goes.
     */
    public void startAfresh(String tenantId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT key_ref FROM root_key_deletion WHERE tenant_id = ? AND driver = 'local' AND deleted_at IS NULL")) {
                s.setString(1, tenantId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        secrets.delete(r.getString(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM root_key_deletion WHERE tenant_id = ?")) {
                s.setString(1, tenantId);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the local root keys that are due; returns the tenants whose keys went. */
    public List<String> deleteDue() {
        Instant now = clock.instant();
        List<String> deleted = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT tenant_id, key_ref, driver FROM root_key_deletion WHERE deleted_at IS NULL AND due_at <= ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        due.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                    }
                }
            }
            for (String[] d : due) {
                if ("local".equals(d[2])) {
                    secrets.delete(d[1]);
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE root_key_deletion SET deleted_at = ? WHERE tenant_id = ?")) {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setString(2, d[0]);
                    s.executeUpdate();
                }
                deleted.add(d[0]);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete due root keys: " + e.getMessage(), e);
        }
        return deleted;
    }
}
