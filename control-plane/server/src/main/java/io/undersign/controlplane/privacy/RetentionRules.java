package io.undersign.controlplane.privacy;

import io.agroal.api.AgroalDataSource;
import io.undersign.privacy.Retention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each tenant's retention per class of case (the platform's defaults where it set none). */
@ApplicationScoped
public class RetentionRules {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** class → months (null: kept until erased by request), every class present. */
    public Map<String, Integer> of(String tenantId) {
        Map<String, Integer> rules = new LinkedHashMap<>(Retention.DEFAULTS);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT data_class, months FROM tenant_retention WHERE tenant_id = ?")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (rules.containsKey(r.getString(1))) {
                        rules.put(r.getString(1), (Integer) r.getObject(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return rules;
    }

    /** Sets the given classes (already checked); the others keep what they had. */
    public void set(String tenantId, Map<String, Integer> changes) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO tenant_retention (tenant_id, data_class, months, updated_at) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE months = VALUES(months), updated_at = VALUES(updated_at)""")) {
            for (Map.Entry<String, Integer> e : changes.entrySet()) {
                s.setString(1, tenantId);
                s.setString(2, e.getKey());
                s.setObject(3, e.getValue());
                s.setTimestamp(4, Timestamp.from(clock.instant()));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Offboarding: the tenant's rules go with it. */
    public void forget(String tenantId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM tenant_retention WHERE tenant_id = ?")) {
            s.setString(1, tenantId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
