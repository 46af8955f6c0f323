package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.broker.EmbeddedBroker;
import io.undersign.controlplane.driver.QueueMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

/** Queue state straight from the embedded broker's destinations (never creating one). */
@ApplicationScoped
@Typed(LocalQueueMonitor.class)
public class LocalQueueMonitor implements QueueMonitor {

    @Inject
    EmbeddedBroker broker;

    @Override
    public State state(String tenantId, String queue) throws Exception {
        EmbeddedBroker.QueueState s = broker.queueState(queue);
        return new State(s.depth(), s.oldest());
    }
}
