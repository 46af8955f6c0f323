package io.undersign.controlplane.oncall;

import io.undersign.controlplane.evidence.EvidenceQueues;
import io.undersign.controlplane.incident.Incidents;
import io.undersign.controlplane.pki.ClientCertificate;
import io.undersign.controlplane.tenant.Tenant;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the platform watches for its operators once a minute, beyond what fails loudly by itself:
 * a dead-letter queue that grew since the last look, an evidence request waiting longer than the
 * threshold, a client certificate near its expiry. Each raises a P2 incident by key (repeats count).
 */
@ApplicationScoped
public class PlatformChecks {
    static final Duration STALE_EVIDENCE = Duration.ofHours(1);
    static final Duration CERTIFICATE_WARNING = Duration.ofDays(14);

    @Inject
    TenantRepository tenants;

    @Inject
    EvidenceQueues queues;

    @Inject
    Incidents incidents;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Dead letters seen per tenant at the last look: "growing" is more than then. */
    private final Map<String, Long> deadLetters = new ConcurrentHashMap<>();

    public void check() {
        List<Tenant> active = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> tenants.list("status", TenantStatus.ACTIVE));
        for (Tenant tenant : active) {
            EvidenceQueues.Stats stats = queues.of(tenant.id);
            if (stats == null) {
                continue;
            }
            long dead = stats.deadLetters().depth();
            Long before = deadLetters.put(tenant.id, dead);
            if (dead > (before == null ? 0 : before)) {
                incidents.raise("dead-letters:" + tenant.id, "P2", "Dead-letter queue of tenant " + tenant.id + " grew to " + dead
                        + " message(s): evidence the runtime could not apply", "checks");
            }
            Long oldest = stats.requests().oldestAgeSeconds();
            if (oldest != null && oldest > STALE_EVIDENCE.toSeconds()) {
                incidents.raise("evidence-stale:" + tenant.id, "P2", "The oldest evidence request of tenant " + tenant.id + " has waited "
                        + Duration.ofSeconds(oldest).toMinutes() + " min for its provider", "checks");
            }
        }
        Instant now = clock.instant();
        List<ClientCertificate> expiring = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from ClientCertificate where revokedAt is null and notAfter > ?1 and notAfter < ?2", ClientCertificate.class)
                .setParameter(1, now).setParameter(2, now.plus(CERTIFICATE_WARNING)).getResultList());
        for (ClientCertificate c : expiring) {
            incidents.raise("certificate-expiry:" + c.tenantId + ":" + c.serial, "P2", "Client certificate " + c.name + " (" + c.serial
                    + ") of tenant " + c.tenantId + " expires at " + c.notAfter + ": issue a new one", "checks");
        }
    }
}
