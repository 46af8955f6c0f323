package io.undersign.controlplane.broker;

import io.undersign.controlplane.config.UndersignConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Inject
    EmbeddedBroker broker;

    @Inject
    UndersignConfig config;

    @Override
    public HealthCheckResponse call() {
        if (!config.broker().embedded()) {
            return HealthCheckResponse.up("embedded-broker (disabled)");
        }
        return HealthCheckResponse.named("embedded-broker").status(broker.isRunning()).build();
    }
}
