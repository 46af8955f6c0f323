package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.driver.ClientTrust;
import io.undersign.controlplane.edge.RouteTable;
import io.undersign.controlplane.pki.TenantPki;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Optional;

/** The local edge checks certificates against the registry: a refresh of its routes is all it needs. */
@ApplicationScoped
@Typed(LocalClientTrust.class)
public class LocalClientTrust implements ClientTrust {

    @Inject
    RouteTable routes;

    @Inject
    TenantPki pki;

    @Override
    public void publishRevocations(String tenantId) {
        routes.reload();
    }

    @Override
    public Optional<String> serverCaPem() {
        return Optional.of(pki.platformCa().certificatePem());
    }
}
