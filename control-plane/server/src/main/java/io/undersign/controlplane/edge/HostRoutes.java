package io.undersign.controlplane.edge;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The host-route table the local edge serves: which host names belong to which tenant, and which face each is. */
@ApplicationScoped
public class HostRoutes {
    public static final String INTERVIEW = "interview";
    public static final String API = "api";

    /** One host name of a tenant. */
    public record HostRoute(String host, String tenantId, String kind, boolean suspended) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Records the host for the tenant; a host of another tenant is never taken (the insert fails instead). */
    public void add(String host, String tenantId, String kind) throws SQLException {
        // the IF(...) makes an attempt to take another tenant's host fail instead of stealing it
        update("""
                INSERT INTO host_route (host, tenant_id, kind) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE host = IF(tenant_id = VALUES(tenant_id), host, NULL)""", host, tenantId, kind);
    }

    public void removeAll(String tenantId) throws SQLException {
        update("DELETE FROM host_route WHERE tenant_id = ?", tenantId);
    }

    public void suspend(String tenantId, boolean suspended) throws SQLException {
        update("UPDATE host_route SET suspended = ? WHERE tenant_id = ?", suspended, tenantId);
    }

    public boolean isFree(String host) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM host_route WHERE host = ?")) {
            s.setString(1, host);
            try (ResultSet r = s.executeQuery()) {
                return !r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read host routes", e);
        }
    }

    public List<HostRoute> all() throws SQLException {
        List<HostRoute> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT host, tenant_id, kind, suspended FROM host_route");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new HostRoute(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4)));
            }
        }
        return out;
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
