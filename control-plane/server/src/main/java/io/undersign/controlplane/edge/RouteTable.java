package io.undersign.controlplane.edge;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The edge's view of which host goes where, read from the registry (host routes joined with
 * running runtimes). The event loop only reads the current snapshot; reloads happen off it.
 */
@ApplicationScoped
public class RouteTable {
    private static final Logger LOG = Logger.getLogger(RouteTable.class);

    /**
     * Where a host leads: its tenant, which face (interview or api), the runtime port if one runs,
     * and the tenant's name and colour for the edge's own pages.
     */
    public record Route(String tenantId, String kind, boolean suspended, Integer runtimePort, String tlsPolicy, String displayName,
            String brandColour) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EdgeCertificates certificates;

    private volatile Map<String, Route> routes = Map.of();

    public Optional<Route> lookup(String host) {
        return Optional.ofNullable(routes.get(host));
    }

    /** Re-reads the routes; called after every change and periodically (for other replicas' changes). */
    public synchronized void reload() {
        Map<String, Route> fresh = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        SELECT r.host, r.tenant_id, r.kind, r.suspended, i.port, t.tls_policy, t.display_name, t.brand_colour
                        FROM host_route r LEFT JOIN runtime_instance i ON i.tenant_id = r.tenant_id
                        JOIN tenant t ON t.id = r.tenant_id""");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int port = r.getInt(5);
                Integer runtimePort = r.wasNull() ? null : port;
                fresh.put(r.getString(1), new Route(r.getString(2), r.getString(3), r.getBoolean(4), runtimePort, r.getString(6),
                        r.getString(7), r.getString(8)));
            }
            routes = Map.copyOf(fresh);
            certificates.refresh(fresh.values().stream().map(Route::tenantId).distinct().toList());
        } catch (SQLException e) {
            LOG.warnf("Cannot reload edge routes, keeping the last ones: %s", e.getMessage());
        }
    }
}
