package io.undersign.controlplane.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Where each tenant's audit chain stood when the control plane last found it intact. */
@ApplicationScoped
public class AuditAnchors {

    public record Anchor(long seq, String hash, Instant verifiedAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    public Optional<Anchor> of(String tenantId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT seq, hash, verified_at FROM tenant_audit_anchor WHERE tenant_id = ?")) {
            s.setString(1, tenantId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Anchor(r.getLong(1), r.getString(2), r.getTimestamp(3).toInstant())) : Optional.empty();
            }
        }
    }

    public void record(String tenantId, long seq, String hash, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO tenant_audit_anchor (tenant_id, seq, hash, verified_at) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE seq = VALUES(seq), hash = VALUES(hash), verified_at = VALUES(verified_at)""")) {
            s.setString(1, tenantId);
            s.setLong(2, seq);
            s.setString(3, hash);
            s.setTimestamp(4, Timestamp.from(at));
            s.executeUpdate();
        }
    }
}
