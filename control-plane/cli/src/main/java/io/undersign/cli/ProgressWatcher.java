package io.undersign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Follows an operation until it finishes, printing a line each time a step changes state, so the
 * operator sees progress live and a log of it stays readable in CI output.
 */
final class ProgressWatcher {
    private static final long POLL_MS = 300;

    private ProgressWatcher() {
    }

    /** Returns the finished operation; throws when it FAILED (exit code 1). */
    static JsonNode watch(ApiClient api, String operationId, PrintWriter out, boolean quiet) throws Exception {
        Map<String, String> seen = new HashMap<>();
        while (true) {
            JsonNode op = api.get("/api/v1/operations/" + ApiClient.segment(operationId), Map.of());
            if (!quiet) {
                for (JsonNode step : op.get("steps")) {
                    String name = step.get("name").asText();
                    String state = step.get("status").asText() + "/" + step.get("attempts").asInt();
                    if (!state.equals(seen.put(name, state))) {
                        out.println(describe(step));
                        out.flush();
                    }
                    // long steps (Terraform, instance refreshes) say what they are doing
                    String progress = step.hasNonNull("progress") && "RUNNING".equals(step.get("status").asText())
                            ? step.get("progress").asText() : null;
                    if (progress != null && !progress.equals(seen.put(name + "#progress", progress))) {
                        out.println(String.format("%-7s %-16s %s", "", "", progress));
                        out.flush();
                    }
                }
            }
            String status = op.get("status").asText();
            if (status.equals("SUCCEEDED")) {
                if (!quiet) {
                    out.println(Json.text(op, "kind") + " of " + Json.text(op, "tenantId") + " succeeded");
                    out.flush();
                }
                return op;
            }
            if (status.equals("FAILED")) {
                // a failed upgrade leaves the tenant serving on its release: nothing to retry
                String hint = "UPGRADE".equals(Json.text(op, "kind")) ? ""
                        : " (retry with: undersign tenants retry " + Json.text(op, "tenantId") + ")";
                throw new CliException(Json.text(op, "kind") + " of " + Json.text(op, "tenantId") + " failed: " + Json.text(op, "error") + hint,
                        Undersign.OPERATION_FAILED);
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static String describe(JsonNode step) {
        String status = step.get("status").asText();
        String mark = switch (status) {
            case "SUCCEEDED" -> "[done]";
            case "RUNNING" -> "[....]";
            case "RETRYING" -> "[retry]";
            case "FAILED" -> "[FAIL]";
            default -> "[    ]";
        };
        StringBuilder line = new StringBuilder(String.format("%-7s %-16s", mark, step.get("name").asText()));
        if (step.hasNonNull("durationMs") && !status.equals("RUNNING")) {
            line.append(String.format(" %6d ms", step.get("durationMs").asLong()));
        }
        if (step.get("attempts").asInt() > 1) {
            line.append("  attempt ").append(step.get("attempts").asInt());
        }
        if (step.hasNonNull("error") && !status.equals("SUCCEEDED")) {
            line.append("  ").append(step.get("error").asText());
        }
        return line.toString();
    }
}
