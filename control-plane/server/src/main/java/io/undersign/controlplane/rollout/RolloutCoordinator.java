package io.undersign.controlplane.rollout;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.undersign.controlplane.config.UndersignConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Advances every unfinished rollout once per tick ({@code undersign.gate.tick}, at most the gate's
 * probe interval, so a rollout past its failure budget halts within one interval). Several replicas
 * may tick at once: each step takes the rollout's row lock and works from what is stored.
 */
@ApplicationScoped
public class RolloutCoordinator {
    private static final Logger LOG = Logger.getLogger(RolloutCoordinator.class);

    @Inject
    Vertx vertx;

    @Inject
    RolloutService rollouts;

    @Inject
    UndersignConfig config;

    private long timer = -1;

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.gate().tick().toMillis(), id -> vertx.executeBlocking(() -> {
            tick();
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void tick() {
        try {
            for (String id : rollouts.unfinished()) {
                try {
                    rollouts.advance(id);
                } catch (RuntimeException e) {
                    // the next tick tries again from what is stored
                    LOG.warnf("Rollout %s not advanced this time: %s", id, e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Rollouts not advanced this time: %s", e.getMessage());
        }
    }
}
