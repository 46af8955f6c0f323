package io.undersign.runtime.landing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Seals new audit entries into the hash chain every {@code undersign.audit.seal-interval}, off the
 * request path: writing an entry stays one insert in its own transaction.
 */
@ApplicationScoped
public class AuditSealer {
    private static final Logger LOG = Logger.getLogger(AuditSealer.class);

    @Inject
    AuditSeals seals;

    @Inject
    io.undersign.runtime.TenantConfig config;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-sealer");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes StartupEvent event) {
        worker.scheduleWithFixedDelay(this::sealAll, 0, config.audit().sealInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void sealAll() {
        try {
            while (seals.sealPending() == AuditSeals.BATCH) {
                // a backlog (a trail older than the chain): keep going until it is sealed
            }
        } catch (RuntimeException e) {
            LOG.warnf("Audit entries not sealed yet (will retry): %s", e.getMessage());
        }
    }
}
