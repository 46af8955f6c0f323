package io.undersign.controlplane.evidence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.undersign.controlplane.tenant.TenantRepository;
import io.undersign.controlplane.tenant.TenantStatus;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code undersign_evidence_queue_depth{tenant,queue}} and
 * {@code undersign_evidence_queue_oldest_age_seconds{tenant,queue}} for every live tenant's
 * requests, results and dead-letter queues; read off the scrape path every few seconds.
 */
@ApplicationScoped
public class EvidenceQueueMetrics {
    private static final long REFRESH_MS = 5000;
    private static final List<TenantStatus> LIVE = List.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED);

    @Inject
    MeterRegistry registry;

    @Inject
    EvidenceQueues queues;

    @Inject
    TenantRepository registryTenants;

    @Inject
    Vertx vertx;

    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(REFRESH_MS, REFRESH_MS, id -> vertx.executeBlocking(() -> {
            refresh();
            return null;
        }, false));
    }

    void refresh() {
        List<String> tenants = QuarkusTransaction.requiringNew().call(() -> registryTenants.list("status in ?1", LIVE))
                .stream().map(t -> t.id).toList();
        for (String tenant : tenants) {
            EvidenceQueues.Stats stats = queues.of(tenant);
            if (stats != null) {
                set(tenant, "requests", stats.requests());
                set(tenant, "results", stats.results());
                set(tenant, "dead-letters", stats.deadLetters());
            }
        }
    }

    private void set(String tenant, String queue, EvidenceQueues.Queue state) {
        gauge("undersign.evidence.queue.depth", "Evidence messages waiting", tenant, queue).set(state.depth());
        gauge("undersign.evidence.queue.oldest.age.seconds", "Age of the oldest waiting evidence message", tenant, queue)
                .set(state.oldestAgeSeconds() == null ? 0 : state.oldestAgeSeconds());
    }

    private AtomicLong gauge(String name, String description, String tenant, String queue) {
        return values.computeIfAbsent(name + "|" + tenant + "|" + queue, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tag("tenant", tenant).tag("queue", queue)
                    .description(description).register(registry);
            return value;
        });
    }
}
