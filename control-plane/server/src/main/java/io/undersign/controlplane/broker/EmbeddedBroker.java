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
        broker = new BrokerService();
        broker.setBrokerName("undersign");
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setAdvisorySupport(true);
        broker.setDataDirectoryFile(config.dataDir().resolve("broker").toFile());
        KahaDBPersistenceAdapter store = new KahaDBPersistenceAdapter();
        store.setDirectory(config.dataDir().resolve("broker/kahadb").toFile());
        broker.setPersistenceAdapter(store);
        broker.setPlugins(new BrokerPlugin[] {
                next -> new TenantAuthenticationBroker(next, accounts),
                new AuthorizationPlugin(new TenantAuthorizationMap())
        });
        broker.addConnector(config.broker().bindUrl());
        broker.start();
        broker.waitUntilStarted();
    }

    void stop(@Observes ShutdownEvent event) throws Exception {
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
    }

    public boolean isRunning() {
        return broker != null && broker.isStarted();
    }
}
