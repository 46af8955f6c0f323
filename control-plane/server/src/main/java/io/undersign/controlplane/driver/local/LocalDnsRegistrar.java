package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.edge.HostRoutes;
import io.undersign.controlplane.driver.DnsRegistrar;
import io.undersign.controlplane.edge.RouteTable;
import io.undersign.controlplane.pki.TenantPki;
import io.undersign.controlplane.driver.TenantSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;

/** Host names under {@code *.localhost}, recorded in the host-route table that the local edge serves. */
@ApplicationScoped
@Typed(LocalDnsRegistrar.class)
public class LocalDnsRegistrar implements DnsRegistrar {

    @Inject
    HostRoutes hosts;

    @Inject
    RouteTable routes;

    @Inject
    TenantPki pki;

    @Override
    public Map<String, String> register(TenantSpec tenant) throws SQLException {
        // the edge's certificate for both names, signed by the platform's edge CA (ACM, locally)
        pki.serverCertificate(tenant.id(), java.util.List.of(tenant.interviewHost(), tenant.apiHost()));
        hosts.add(tenant.interviewHost(), tenant.id(), HostRoutes.INTERVIEW);
        hosts.add(tenant.apiHost(), tenant.id(), HostRoutes.API);
        routes.reload();
        return Map.of("interviewHost", tenant.interviewHost(), "apiHost", tenant.apiHost());
    }

    @Override
    public Map<String, String> deregister(TenantSpec tenant) throws SQLException {
        hosts.removeAll(tenant.id());
        routes.reload();
        return Map.of("removed", tenant.interviewHost() + "," + tenant.apiHost());
    }

    @Override
    public void suspend(TenantSpec tenant) throws SQLException {
        hosts.suspend(tenant.id(), true);
        routes.reload();
    }

    @Override
    public void resume(TenantSpec tenant) throws SQLException {
        hosts.suspend(tenant.id(), false);
        routes.reload();
    }

    @Override
    public boolean isFree(String host) {
        return hosts.isFree(host);
    }
}
