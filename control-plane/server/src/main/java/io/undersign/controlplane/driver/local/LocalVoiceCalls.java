package io.undersign.controlplane.driver.local;

import io.undersign.controlplane.oncall.OncallDelivery;
import io.undersign.controlplane.oncall.VoiceCalls;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Calls on this machine: the call is the delivery record itself, ringing until a person answers it
 * by hand ({@code undersign oncall answer ID --keypad 1}, or the API), as a contact flow would report.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(LocalVoiceCalls.class)
public class LocalVoiceCalls implements VoiceCalls {
    @Override
    public String call(String phone, String message, OncallDelivery delivery) {
        return "local-call:" + delivery.id;
    }
}
