package io.undersign.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus Alertmanager's webhook payload (version 4), as it is sent. Each alert becomes one incident
 * key: its fingerprint, or its sorted labels when an older Alertmanager sends none. Priority: a
 * {@code priority} label (P1/P2), else {@code severity} critical or page means P1, anything else P2.
 */
public final class AlertmanagerWebhook {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertmanagerWebhook() {
    }

    public record Alert(String key, boolean firing, Priority priority, String summary) {
    }

    public static List<Alert> parse(String json) {
        JsonNode payload;
        try {
            payload = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new OncallException("body", "the Alertmanager payload is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw new OncallException("body", "the Alertmanager payload is not a JSON object");
        }
        JsonNode version = payload.get("version");
        if (version != null && !"4".equals(version.asText())) {
            throw new OncallException("version", "only Alertmanager webhook version 4 is understood, not " + version.asText());
        }
        JsonNode alerts = payload.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new OncallException("alerts", "alerts is missing or not a list");
        }
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            out.add(alert(alerts.get(i), "alerts[" + i + "]"));
        }
        return out;
    }

    private static Alert alert(JsonNode alert, String at) {
        Map<String, String> labels = strings(alert.get("labels"), at + ".labels");
        Map<String, String> annotations = strings(alert.get("annotations"), at + ".annotations");
        String status = alert.path("status").asText("");
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new OncallException(at + ".status", "status must be firing or resolved");
        }
        String fingerprint = alert.path("fingerprint").asText("");
        if (fingerprint.isBlank() && labels.isEmpty()) {
            throw new OncallException(at + ".labels", "an alert needs a fingerprint or labels");
        }
        String key = "alertmanager:" + (fingerprint.isBlank() ? labels.toString() : fingerprint);
        String summary = firstOf(annotations.get("summary"), annotations.get("description"), labels.get("alertname"), key);
        return new Alert(key, status.equals("firing"), priority(labels, at), summary);
    }

    private static Priority priority(Map<String, String> labels, String at) {
        if (labels.containsKey("priority")) {
            return Priority.parse(labels.get("priority"), at + ".labels.priority");
        }
        String severity = labels.getOrDefault("severity", "").toLowerCase(Locale.ROOT);
        return severity.equals("critical") || severity.equals("page") ? Priority.P1 : Priority.P2;
    }

    private static Map<String, String> strings(JsonNode node, String at) {
        Map<String, String> out = new TreeMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new OncallException(at, at + " is not an object");
        }
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String firstOf(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return "";
    }
}
