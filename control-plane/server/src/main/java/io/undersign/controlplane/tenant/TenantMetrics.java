package io.undersign.controlplane.tenant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code undersign_tenants{status=…}}: counted off the scrape path every few seconds. */
@ApplicationScoped
public class TenantMetrics {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(TenantMetrics.class);
    private static final long REFRESH_MS = 5000;

    @Inject
    MeterRegistry registry;

    @Inject
    TenantRepository tenants;

    @Inject
    Vertx vertx;

    private final Map<TenantStatus, AtomicLong> counts = new EnumMap<>(TenantStatus.class);

    private io.micrometer.core.instrument.Counter refreshFailures;

    private io.micrometer.core.instrument.MultiGauge byRelease;

    void start(@Observes StartupEvent event) {
        refreshFailures = io.micrometer.core.instrument.Counter.builder("undersign.tenants.refresh.failures")
                .description("Times the tenant gauges could not be refreshed (they keep their last values)").register(registry);
        for (TenantStatus status : TenantStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("undersign.tenants", count, AtomicLong::get).tag("status", status.name().toLowerCase())
                    .description("Tenants by lifecycle status").register(registry);
        }
        byRelease = io.micrometer.core.instrument.MultiGauge.builder("undersign.tenants.release")
                .description("Tenants (not offboarded) by the release they run; release=none: not on a release yet").register(registry);
        vertx.setPeriodic(0, REFRESH_MS, id -> vertx.executeBlocking(() -> {
            refresh();
            return null;
        }, false));
    }

    void refresh() {
        Map<TenantStatus, Long> fresh;
        Map<String, Long> releases;
        try {
            fresh = tenants.countsByStatus();
            releases = tenants.countsByRelease();
        } catch (RuntimeException e) {
            // the gauges keep their last values: say so, and count it, so a frozen gauge is visible
            LOG.warnf("Tenant counts not refreshed: %s", e.getMessage());
            refreshFailures.increment();
            return;
        }
        counts.forEach((status, count) -> count.set(fresh.getOrDefault(status, 0L)));
        // overwrite: a release no tenant runs any more leaves the gauge
        byRelease.register(releases.entrySet().stream().map(e -> io.micrometer.core.instrument.MultiGauge.Row.of(
                io.micrometer.core.instrument.Tags.of("release", e.getKey()), e.getValue())).toList(), true);
    }
}
