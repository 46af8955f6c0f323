package io.undersign.controlplane.driver.local;

import io.agroal.api.AgroalDataSource;
import io.undersign.controlplane.driver.DnsRegistrar;
import io.undersign.controlplane.edge.RouteTable;
import io.undersign.controlplane.pki.TenantPki;
import io.undersign.controlplane.tenant.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** Host names under {@code *.localhost}, recorded in the host-route table that the local edge serves. */
@ApplicationScoped
@Typed(LocalDnsRegistrar.class)
public class LocalDnsRegistrar implements DnsRegistrar {
    static final String INTERVIEW = "interview";
    static final String API = "api";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RouteTable routes;

    @Inject
    TenantPki pki;

    @Override
    public Map<String, String> register(TenantSpec tenant) throws SQLException {
        // the edge's certificate for both names, signed by the platform's edge CA (ACM, locally)
        pki.serverCertificate(tenant.id(), java.util.List.of(tenant.interviewHost(), tenant.apiHost()));
        upsert(tenant.interviewHost(), tenant.id(), INTERVIEW);
        upsert(tenant.apiHost(), tenant.id(), API);
        routes.reload();
        return Map.of("interviewHost", tenant.interviewHost(), "apiHost", tenant.apiHost());
    }

    @Override
    public Map<String, String> deregister(TenantSpec tenant) throws SQLException {
        update("DELETE FROM host_route WHERE tenant_id = ?", tenant.id());
        routes.reload();
        return Map.of("removed", tenant.interviewHost() + "," + tenant.apiHost());
    }

    @Override
    public void suspend(TenantSpec tenant) throws SQLException {
        update("UPDATE host_route SET suspended = TRUE WHERE tenant_id = ?", tenant.id());
        routes.reload();
    }

    @Override
    public void resume(TenantSpec tenant) throws SQLException {
        update("UPDATE host_route SET suspended = FALSE WHERE tenant_id = ?", tenant.id());
        routes.reload();
    }

    @Override
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

    private void upsert(String host, String tenantId, String kind) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        INSERT INTO host_route (host, tenant_id, kind) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE host = IF(tenant_id = VALUES(tenant_id), host, NULL)""")) {
            // the IF(...) makes an attempt to take another tenant's host fail instead of stealing it
            s.setString(1, host);
            s.setString(2, tenantId);
            s.setString(3, kind);
            s.executeUpdate();
        }
    }

    private void update(String sql, String tenantId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenantId);
            s.executeUpdate();
        }
    }
}
