package io.undersign.controlplane.edge;

import io.undersign.controlplane.pki.Certificates;
import io.undersign.controlplane.pki.ClientCertificates;
import io.undersign.controlplane.pki.TenantPki;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.jboss.logging.Logger;

/**
 * What the TLS listeners need during handshakes, read ahead off the event loop with the routes:
 * each routed tenant's server certificate and client CA, and the revoked client certificates.
 */
@ApplicationScoped
public class EdgeCertificates {
    private static final Logger LOG = Logger.getLogger(EdgeCertificates.class);

    record Snapshot(Map<String, Certificates.Issued> servers, Map<String, Certificates.Issued> clientCas,
            Map<X500Principal, String> tenantByCaSubject, Set<String> revokedSerials) {
    }

    @Inject
    TenantPki pki;

    @Inject
    ClientCertificates clientCertificates;

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), Set.of());

    Snapshot current() {
        return snapshot;
    }

    Certificates.Issued platformCa() {
        return pki.platformCa();
    }

    void refresh(List<String> tenantIds) {
        Map<String, Certificates.Issued> servers = new HashMap<>();
        Map<String, Certificates.Issued> cas = new HashMap<>();
        Map<X500Principal, String> bySubject = new HashMap<>();
        for (String id : tenantIds) {
            pki.existingServerCertificate(id).ifPresent(c -> servers.put(id, c));
            Optional<Certificates.Issued> ca = pki.existingClientCa(id);
            ca.ifPresent(c -> {
                cas.put(id, c);
                bySubject.put(c.certificate().getSubjectX500Principal(), id);
            });
        }
        Set<String> revoked;
        try {
            revoked = clientCertificates.revokedSerials();
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read revoked client certificates, keeping the last list: %s", e.getMessage());
            revoked = snapshot.revokedSerials();
        }
        snapshot = new Snapshot(Map.copyOf(servers), Map.copyOf(cas), Map.copyOf(bySubject), Set.copyOf(revoked));
    }
}
