package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.oncall.OncallDelivery;
import io.undersign.controlplane.oncall.VoiceCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** P1 calls on AWS (see {@link ConnectCalls}). */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(ConnectVoiceCalls.class)
public class ConnectVoiceCalls implements VoiceCalls {
    @Inject
    AwsClients clients;

    @Inject
    UndersignConfig config;

    @Override
    public String call(String phone, String message, OncallDelivery delivery) {
        UndersignConfig.Aws aws = config.aws();
        return new ConnectCalls(clients.connect(), new ConnectCalls.Settings(required(aws.connectInstanceId(), "connect-instance-id"),
                required(aws.connectContactFlowId(), "connect-contact-flow-id"), required(aws.connectSourcePhone(), "connect-source-phone")))
                .call(phone, message, delivery.id, delivery.incidentId);
    }

    private static String required(java.util.Optional<String> value, String key) {
        return value.orElseThrow(() -> new IllegalStateException("undersign.aws." + key + " is not set"));
    }
}
