package io.undersign.controlplane.oncall;

/**
 * Places a P1 call (local: a call a person answers through the API or CLI; aws: Amazon Connect). The
 * answer comes back later, with the keypad digits, through {@code POST /api/v1/oncall/calls/{id}/answer}.
 */
public interface VoiceCalls {
    /** The provider's reference for the call to {@code phone} (E.164) about {@code delivery}. */
    String call(String phone, String message, OncallDelivery delivery);
}
