package io.undersign.controlplane.driver.aws;

import java.util.Map;
import software.amazon.awssdk.services.connect.ConnectClient;

/**
 * P1 calls through Amazon Connect: an outbound voice contact into the on-call contact flow, which reads
 * the message out and reports the keypad back to {@code POST /api/v1/oncall/calls/{delivery}/answer}
 * (ops/runbooks/oncall.md). The delivery id is the client token, so a retried step never rings twice.
 */
final class ConnectCalls {
    record Settings(String instanceId, String contactFlowId, String sourcePhone) {
    }

    private final ConnectClient connect;
    private final Settings settings;

    ConnectCalls(ConnectClient connect, Settings settings) {
        this.connect = connect;
        this.settings = settings;
    }

    /** The contact id of the call placed to {@code phone}. */
    String call(String phone, String message, String deliveryId, Long incidentId) {
        return connect.startOutboundVoiceContact(r -> r.instanceId(settings.instanceId()).contactFlowId(settings.contactFlowId())
                .sourcePhoneNumber(settings.sourcePhone()).destinationPhoneNumber(phone).clientToken(deliveryId)
                .attributes(Map.of("delivery", deliveryId, "incident", String.valueOf(incidentId), "message", message)))
                .contactId();
    }
}
