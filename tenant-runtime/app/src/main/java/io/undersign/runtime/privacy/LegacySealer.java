package io.undersign.runtime.privacy;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.undersign.runtime.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Runs {@link LegacyValues} off the request path: at start until nothing is left in the clear, then every sweep interval. */
@ApplicationScoped
public class LegacySealer {
    private static final Logger LOG = Logger.getLogger(LegacySealer.class);

    @Inject
    LegacyValues values;

    @Inject
    TenantConfig config;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "legacy-sealer");
        t.setDaemon(true);
        return t;
    });

    void start(@Observes StartupEvent event) {
        worker.scheduleWithFixedDelay(this::sealAll, 1_000, config.privacy().legacySweep().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void sealAll() {
        try {
            long total = 0;
            for (int n = values.sealBatch(); n > 0; n = values.sealBatch()) {
                total += n;
            }
            if (total > 0) {
                LOG.infof("Sealed %d health value(s) that were stored in the clear", total);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Values in the clear not sealed yet (will retry): %s", e.getMessage());
        }
    }
}
