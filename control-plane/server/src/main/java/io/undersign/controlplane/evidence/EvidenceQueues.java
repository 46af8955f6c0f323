package io.undersign.controlplane.evidence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.undersign.controlplane.driver.QueueMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How a tenant's evidence traffic stands: what waits on each queue, and for how long. */
@ApplicationScoped
public class EvidenceQueues {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EvidenceQueues.class);

    /** One queue: messages waiting and the age of the oldest (null when empty). */
    public record Queue(String name, long depth, @Schema(nullable = true) Long oldestAgeSeconds) {
    }

    public record Stats(Queue requests, Queue results, Queue deadLetters) {
    }

    @Inject
    QueueMonitor monitor;

    @Inject
    Clock clock;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** The tenant's queues, or null when the broker cannot be asked right now. */
    public Stats of(String tenantId) {
        io.undersign.contract.EvidenceQueues names = io.undersign.contract.EvidenceQueues.of(tenantId);
        try {
            return new Stats(queue(tenantId, names.requests()), queue(tenantId, names.results()), queue(tenantId, names.deadLetters()));
        } catch (Exception e) {
            // shown as unknown, not as empty queues: say why in the log and count it
            LOG.warnf("Evidence queues of %s cannot be read now: %s", tenantId, e.getMessage());
            metrics.counter("undersign.evidence.queue.read.failures", "tenant", tenantId).increment();
            return null;
        }
    }

    private Queue queue(String tenantId, String name) throws Exception {
        QueueMonitor.State state = monitor.state(tenantId, name);
        Instant oldest = state.oldest();
        return new Queue(name, state.depth(), oldest == null ? null : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
    }
}
