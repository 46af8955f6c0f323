package io.undersign.controlplane.tenant;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** {@code undersign_tenants{status=…}}: counted off the scrape path every few seconds. */
@ApplicationScoped
public class TenantMetrics {
    private static final long REFRESH_MS = 5000;

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Vertx vertx;

    private final Map<TenantStatus, AtomicLong> counts = new EnumMap<>(TenantStatus.class);

    void start(@Observes StartupEvent event) {
        for (TenantStatus status : TenantStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("undersign.tenants", count, AtomicLong::get).tag("status", status.name().toLowerCase())
                    .description("Tenants by lifecycle status").register(registry);
        }
        vertx.setPeriodic(0, REFRESH_MS, id -> vertx.executeBlocking(() -> {
            refresh();
            return null;
        }, false));
    }

    void refresh() {
        Map<TenantStatus, Long> fresh = new EnumMap<>(TenantStatus.class);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT status, COUNT(*) FROM tenant GROUP BY status")) {
            while (r.next()) {
                fresh.put(TenantStatus.valueOf(r.getString(1)), r.getLong(2));
            }
        } catch (Exception e) {
            return;
        }
        counts.forEach((status, count) -> count.set(fresh.getOrDefault(status, 0L)));
    }
}
