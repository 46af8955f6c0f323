package io.undersign.controlplane.edge;

import io.undersign.controlplane.runtime.RuntimeInstances;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
    HostRoutes hosts;

    @Inject
    RuntimeInstances runtimes;

    @Inject
    TenantRepository tenants;

    @Inject
    EdgeCertificates certificates;

    private volatile Map<String, Route> routes = Map.of();

    public Optional<Route> lookup(String host) {
        return Optional.ofNullable(routes.get(host));
    }

    /** Re-reads the routes; called after every change and periodically (for other replicas' changes). */
    public synchronized void reload() {
        try {
            List<HostRoutes.HostRoute> all = hosts.all();
            Map<String, Integer> ports = runtimes.ports();
            Map<String, Tenant> byId = tenants.byIds(all.stream().map(HostRoutes.HostRoute::tenantId).collect(Collectors.toSet()));
            Map<String, Route> fresh = new HashMap<>();
            for (HostRoutes.HostRoute host : all) {
                Tenant t = byId.get(host.tenantId());
                if (t != null) {
                    fresh.put(host.host(), new Route(host.tenantId(), host.kind(), host.suspended(), ports.get(host.tenantId()), t.tlsPolicy,
                            t.displayName, t.brandColour));
                }
            }
            routes = Map.copyOf(fresh);
            certificates.refresh(byId.keySet().stream().sorted().toList());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Cannot reload edge routes, keeping the last ones: %s", e.getMessage());
        }
    }
}
