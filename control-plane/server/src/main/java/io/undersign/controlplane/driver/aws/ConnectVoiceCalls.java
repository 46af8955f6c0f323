package io.undersign.controlplane.driver.aws;

import io.undersign.controlplane.config.UndersignConfig;
import io.undersign.controlplane.oncall.OncallDelivery;
import io.undersign.controlplane.oncall.VoiceCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * P1 calls through Amazon Connect: an outbound voice contact into the on-call contact flow, which reads
 * {@code message} out and reports the keypad back to {@code POST /api/v1/oncall/calls/{delivery}/answer}
 * (the flow's Lambda holds an operator token; see ops/runbooks/oncall.md). The delivery id doubles as
 * the client token, so a retried step never rings twice.
 */
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
        return clients.connect().startOutboundVoiceContact(r -> r
                .instanceId(required(aws.connectInstanceId(), "connect-instance-id"))
                .contactFlowId(required(aws.connectContactFlowId(), "connect-contact-flow-id"))
                .sourcePhoneNumber(required(aws.connectSourcePhone(), "connect-source-phone"))
                .destinationPhoneNumber(phone)
                .clientToken(delivery.id)
                .attributes(Map.of("delivery", delivery.id, "incident", String.valueOf(delivery.incidentId), "message", message)))
                .contactId();
    }

    private static String required(java.util.Optional<String> value, String key) {
        return value.orElseThrow(() -> new IllegalStateException("undersign.aws." + key + " is not set"));
    }
}
