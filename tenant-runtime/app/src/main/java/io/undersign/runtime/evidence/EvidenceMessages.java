package io.undersign.runtime.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The evidence contract on the broker (docs/evidence-contract.md): requests the runtime sends,
 * results providers send back. Results are read tolerantly (unknown fields ignored) but every
 * field the contract names must be there and well-formed.
 */
public final class EvidenceMessages {
    /** JMS property naming why a message was dead-lettered. */
    public static final String DEAD_LETTER_REASON = "undersignDeadLetterReason";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private EvidenceMessages() {
    }

    public record Request(String requestId, String caseId, String type, Map<String, Object> subject, Instant requestedAt) {
    }

    public record Result(String requestId, String caseId, String type, Map<String, Object> results, Instant observedAt) {
    }

    /** Reads a result message or says, in one line, what is wrong with it. */
    public static Result parseResult(ObjectMapper json, String text) throws MalformedEvidenceException {
        if (text == null) {
            throw new MalformedEvidenceException("not a text message");
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedEvidenceException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEvidenceException("not a JSON object");
        }
        JsonNode results = root.get("results");
        if (results == null || !results.isObject()) {
            throw new MalformedEvidenceException("results: must be an object of result values");
        }
        return new Result(text(root, "requestId"), text(root, "caseId"), text(root, "type"),
                json.convertValue(results, OBJECT), instant(root, "observedAt"));
    }

    private static String text(JsonNode root, String field) throws MalformedEvidenceException {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEvidenceException(field + ": is required (a string)");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode root, String field) throws MalformedEvidenceException {
        String value = text(root, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEvidenceException(field + ": '" + value + "' is not an ISO-8601 instant");
        }
    }
}
