package io.undersign.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A two-way SMS as Pinpoint (AWS End User Messaging) publishes it. Only {@link #messageBody} is ever
 * forwarded; the rest identifies the sender and the message.
 */
public record InboundSms(String originationNumber, String destinationNumber, String messageKeyword, String messageBody,
        String inboundMessageId, String previousPublishedMessageId) {

    /** Longer than any concatenated SMS (10 parts of 160): not a text message. */
    public static final int MAX_BODY = 1600;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The event in {@code json}, or a refusal saying what is wrong with it. */
    public static InboundSms parse(String json) {
        JsonNode event;
        try {
            event = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new OncallException("message", "the inbound SMS event is not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new OncallException("message", "the inbound SMS event is not a JSON object");
        }
        String origination = PhoneNumbers.e164(required(event, "originationNumber"), "originationNumber");
        String destination = required(event, "destinationNumber");
        String body = required(event, "messageBody");
        if (body.length() > MAX_BODY) {
            throw new OncallException("messageBody", "messageBody is longer than " + MAX_BODY + " characters");
        }
        String id = required(event, "inboundMessageId");
        if (id.isBlank()) {
            throw new OncallException("inboundMessageId", "inboundMessageId is empty");
        }
        return new InboundSms(origination, destination, optional(event, "messageKeyword"), body, id, optional(event, "previousPublishedMessageId"));
    }

    private static String required(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual()) {
            throw new OncallException(field, field + " is missing or not a string");
        }
        return value.asText();
    }

    private static String optional(JsonNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new OncallException(field, field + " is not a string");
        }
        return value.asText();
    }
}
