package io.undersign.controlplane.broker;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.undersign.controlplane.config.UndersignConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.Destination;
import org.apache.activemq.broker.region.DestinationFilter;
import org.apache.activemq.broker.region.Queue;
import org.apache.activemq.broker.region.RegionBroker;
import org.apache.activemq.broker.region.policy.IndividualDeadLetterStrategy;
import org.apache.activemq.broker.region.policy.PolicyEntry;
import org.apache.activemq.broker.region.policy.PolicyMap;
import org.apache.activemq.command.ActiveMQQueue;
import org.apache.activemq.security.AuthorizationPlugin;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;

/**
 * The local stand-in for each tenant's Amazon MQ broker: one ActiveMQ Classic broker in the
 * control plane, persistent (KahaDB), where each tenant's user may touch only its own destinations.
 */
@ApplicationScoped
public class EmbeddedBroker {

    @Inject
    UndersignConfig config;

    @Inject
    BrokerAccounts accounts;

    private BrokerService broker;

    void start(@Observes @Priority(50) StartupEvent event) throws Exception {
        if (!config.broker().embedded()) {
            return;
        }
        startBroker();
    }

    /** Starts the broker (after {@link #stopBroker()}); tenants' clients reconnect by themselves. */
    public synchronized void startBroker() throws Exception {
        broker = new BrokerService();
        broker.setBrokerName("undersign");
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        // no advisories: nothing here needs them, and each one speaks of some tenant's connections or queues
        broker.setAdvisorySupport(false);
        java.nio.file.Path dir = config.broker().dataDir().orElse(config.dataDir().resolve("broker"));
        broker.setDataDirectoryFile(dir.toFile());
        KahaDBPersistenceAdapter store = new KahaDBPersistenceAdapter();
        store.setDirectory(dir.resolve("kahadb").toFile());
        broker.setPersistenceAdapter(store);
        broker.setDestinationPolicy(deadLetterPolicy());
        broker.setPlugins(new BrokerPlugin[] {
                next -> new TenantAuthenticationBroker(next, accounts),
                new AuthorizationPlugin(new TenantAuthorizationMap())
        });
        broker.addConnector(config.broker().bindUrl());
        broker.start();
        broker.waitUntilStarted();
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        stopBroker();
    }

    /** Stops the broker, as an outage or maintenance would; persistent messages stay in its store. */
    public synchronized void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
    }

    /** Stops and starts the broker, as a failover or maintenance would: clients reconnect by themselves. */
    public void restart() throws Exception {
        stopBroker();
        startBroker();
    }

    /**
     * A message redelivered too often goes to its own queue's dead-letter queue
     * ({@code undersign.<tenant>.….DLQ}), inside the tenant's namespace and ACLs, not to the
     * shared ActiveMQ.DLQ.
     */
    private static PolicyMap deadLetterPolicy() {
        IndividualDeadLetterStrategy strategy = new IndividualDeadLetterStrategy();
        strategy.setQueuePrefix("");
        strategy.setQueueSuffix(".DLQ");
        strategy.setUseQueueForQueueMessages(true);
        PolicyEntry tenantQueues = new PolicyEntry();
        tenantQueues.setQueue("undersign.>");
        tenantQueues.setDeadLetterStrategy(strategy);
        PolicyMap policies = new PolicyMap();
        policies.setPolicyEntries(java.util.List.of(tenantQueues));
        return policies;
    }

    /** Depth and oldest message of a queue, without creating it when it does not exist yet. */
    public record QueueState(String queue, long depth, java.time.Instant oldest) {
    }

    public synchronized QueueState queueState(String queue) throws Exception {
        ActiveMQQueue destination = new ActiveMQQueue(queue);
        if (broker == null || !broker.isStarted()) {
            throw new IllegalStateException("the broker is not running");
        }
        Destination found = ((RegionBroker) broker.getRegionBroker()).getDestinationMap().get(destination);
        if (found == null) {
            return new QueueState(queue, 0, null);
        }
        while (found instanceof DestinationFilter filter) {
            found = filter.getNext(); // the authorization plugin wraps each destination
        }
        long depth = found.getDestinationStatistics().getMessages().getCount();
        java.time.Instant oldest = null;
        if (depth > 0 && found instanceof Queue q) {
            // only the head: browse() would page up to 400 messages into memory on every look
            java.util.List<org.apache.activemq.command.Message> head = new java.util.ArrayList<>(1);
            q.doBrowse(head, 1);
            if (!head.isEmpty()) {
                oldest = java.time.Instant.ofEpochMilli(head.get(0).getTimestamp());
            }
        }
        return new QueueState(queue, depth, oldest);
    }

    public boolean isRunning() {
        return broker != null && broker.isStarted();
    }
}
