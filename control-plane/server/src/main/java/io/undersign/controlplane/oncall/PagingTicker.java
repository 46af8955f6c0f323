package io.undersign.controlplane.oncall;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.undersign.controlplane.config.UndersignConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Looks for escalation steps due every {@code undersign.oncall.tick} and runs them; once a minute,
 * checks the rota for shifts nobody covers, runs the platform's checks and re-syncs the SMS topic. Due times are stored, so a restarted control plane (or
 * another replica) goes on where this one stopped; each step runs under its incident's row lock.
 */
@ApplicationScoped
public class PagingTicker {
    private static final Logger LOG = Logger.getLogger(PagingTicker.class);
    private static final long COVERAGE_EVERY_MS = 60_000;

    @Inject
    Vertx vertx;

    @Inject
    Paging paging;

    @Inject
    CoverageCheck coverage;

    @Inject
    SubscriptionSync sync;

    @Inject
    PlatformChecks checks;

    @Inject
    UndersignConfig config;

    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;
    private long coverageTimer = -1;

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.oncall().tick().toMillis(), id -> {
            if (running.compareAndSet(false, true)) {
                vertx.executeBlocking(() -> {
                    try {
                        tick();
                    } finally {
                        running.set(false);
                    }
                    return null;
                }, false);
            }
        });
        coverageTimer = vertx.setPeriodic(5_000, COVERAGE_EVERY_MS, id -> vertx.executeBlocking(() -> {
            try {
                coverage.check();
            } catch (RuntimeException e) {
                LOG.warnf("Rota coverage not checked this time: %s", e.getMessage());
            }
            try {
                checks.check();
            } catch (RuntimeException e) {
                LOG.warnf("Platform checks not run this time: %s", e.getMessage());
            }
            sync.syncQuietly();
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (coverageTimer >= 0) {
            vertx.cancelTimer(coverageTimer);
        }
    }

    void tick() {
        try {
            for (long id : paging.due()) {
                try {
                    paging.advance(id);
                } catch (RuntimeException e) {
                    LOG.warnf("Incident %d not paged this time: %s", id, e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Paging did not run this time: %s", e.getMessage());
        }
    }
}
