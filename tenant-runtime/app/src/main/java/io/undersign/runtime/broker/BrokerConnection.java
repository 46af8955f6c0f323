package io.undersign.runtime.broker;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.undersign.runtime.TenantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.RedeliveryPolicy;
import org.apache.activemq.transport.TransportListener;
import org.jboss.logging.Logger;

/**
 * The runtime's one connection to its tenant's broker, with the tenant's own credentials. The
 * failover transport reconnects by itself after a broker restart; readiness follows its state.
 */
@ApplicationScoped
public class BrokerConnection {
    private static final Logger LOG = Logger.getLogger(BrokerConnection.class);

    @Inject
    TenantConfig config;

    @Inject
    Event<BrokerReady> ready;

    private final AtomicBoolean connected = new AtomicBoolean();
    private Connection connection;

    void start(@Observes StartupEvent event) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(config.broker().url());
        factory.setUserName(config.broker().username());
        factory.setPassword(config.broker().password());
        // the broker publishes no advisories and lets no tenant read them: do not subscribe to any
        factory.setWatchTopicAdvisories(false);
        // small prefetch: a backlog is shared among the result consumers, not taken by the first one
        factory.getPrefetchPolicy().setQueuePrefetch(16);
        // a message that failed (rolled back) comes again later, then goes to the dead-letter queue
        RedeliveryPolicy redelivery = factory.getRedeliveryPolicy();
        redelivery.setInitialRedeliveryDelay(config.broker().redeliveryDelay().toMillis());
        redelivery.setUseExponentialBackOff(true);
        redelivery.setBackOffMultiplier(2);
        redelivery.setMaximumRedeliveryDelay(30_000);
        redelivery.setMaximumRedeliveries(config.broker().maxRedeliveries());
        factory.setTransportListener(new TransportListener() {
            @Override
            public void onCommand(Object command) {
            }

            @Override
            public void onException(java.io.IOException error) {
                connected.set(false);
            }

            @Override
            public void transportInterupted() {
                connected.set(false);
                LOG.warn("Broker connection interrupted; reconnecting");
            }

            @Override
            public void transportResumed() {
                connected.set(true);
                LOG.info("Broker connection resumed");
            }
        });
        // connect in the background: the failover transport blocks until the broker answers
        Thread starter = new Thread(() -> {
            try {
                connection = factory.createConnection();
                connection.start();
                connected.set(((ActiveMQConnection) connection).getTransport().isConnected());
                ready.fire(new BrokerReady(connection));
            } catch (JMSException | RuntimeException e) {
                LOG.errorf(e, "Cannot connect to the broker: %s", e.getMessage());
            }
        }, "broker-connect");
        starter.setDaemon(true);
        starter.start();
    }

    void stop(@Observes ShutdownEvent event) throws JMSException {
        if (connection != null) {
            connection.close();
        }
    }

    public boolean isConnected() {
        return connected.get();
    }

    public Connection connection() {
        return connection;
    }
}
