package io.undersign.controlplane.driver.aws;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.undersign.controlplane.driver.QueueMonitor;
import io.undersign.controlplane.tenant.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

/** Evidence queue depth of an AWS silo's broker, from CloudWatch in the tenant's region. */
@ApplicationScoped
@Typed(AwsQueueMonitor.class)
public class AwsQueueMonitor implements QueueMonitor {

    @Inject
    AwsClients clients;

    @Inject
    TenantRepository tenants;

    @Override
    public State state(String tenantId, String queue) {
        String region = QuarkusTransaction.requiringNew().call(() -> tenants.require(tenantId).region);
        long depth = new BrokerQueueMetrics(clients.cloudWatch(region)).depth("undersign-" + tenantId, queue);
        return new State(depth, null);
    }
}
