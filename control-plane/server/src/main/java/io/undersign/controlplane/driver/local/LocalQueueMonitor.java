package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.broker.EmbeddedBroker;
import io.undersign.controlplane.driver.QueueMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Queue state straight from the embedded broker's destinations (never creating one). */
@ApplicationScoped
public class LocalQueueMonitor implements QueueMonitor {

    @Inject
    EmbeddedBroker broker;

    @Override
    public State state(String queue) throws Exception {
        EmbeddedBroker.QueueState s = broker.queueState(queue);
        return new State(s.depth(), s.oldest());
    }
}
